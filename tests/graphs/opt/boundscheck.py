# Bounds checks the graph proves (backendopt/boundscheck.cpp): in
# `for i in range(len(l))` the index is in [0, len(l)) while nothing resizes
# l, so `l[i]` has no int_index_check (total, squares, a fixed-size list);
# neither has `l[j]` for j in range(n) under `if n <= len(l)` (guarded).
# `l[i + 1]`, `l[j]` with j from range(n) for an unrelated n, and `l[-1 - i]`
# keep theirs, and so does every index after l.append() in the loop body
# (the length may have changed).


def total(l):
    s = 0
    for i in range(len(l)):
        s += l[i]
    return s


def pairs(l):
    s = 0
    for i in range(len(l) - 1):
        s += l[i] * l[i + 1]
    return s


def first(l, n):
    s = 0
    for j in range(n):
        s += l[j]
    return s


def guarded(l, n):
    s = 0
    if n <= len(l):
        for j in range(n):
            s += l[j]
    return s


def backwards(l):
    s = 0
    for i in range(len(l)):
        s = s * 10 + l[-1 - i]
    return s


def squares(sq):
    for i in range(len(sq)):
        sq[i] = sq[i] * sq[i]
    return sq


def grow(l):
    for i in range(len(l)):
        l.append(l[i])
        l[i] = 0


def entry_point(argv):
    l = [len(argv), 2, 3, 4]
    grow(l)
    print(total(l), pairs(l), first(l, len(argv)), guarded(l, len(argv)), backwards(l))
    n = len(argv)
    print(squares([n, n + 1, n + 2])[-1])
    return 0


def target(driver, args):
    return entry_point, None
