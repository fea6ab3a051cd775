# Indexing in loops whose bounds checks backendopt/boundscheck.cpp removes
# or keeps: results, and IndexError exactly where Python raises it
# (range(n) past the end, a list shrunk or grown in the loop, negative
# indices, while-loops).
# args: 3
import sys


def total(l):
    s = 0
    for i in range(len(l)):
        s += l[i] * (i + 1)
    return s


def first(l, n):
    s = 0
    for j in range(n):
        s += l[j]
    return s


def shrink(l):
    s = 0
    for i in range(len(l)):
        s += l[i]
        if l[i] == 2:
            l.pop()
    return s


def backwards(l):
    s = 0
    i = len(l) - 1
    while i >= 0:
        s = s * 10 + l[i]
        i -= 1
    return s


def neg(l):
    s = 0
    for i in range(len(l)):
        s = s * 10 + l[-1 - i]
    return s


def main_loop(l, k):
    i = 0
    s = 0
    while i < len(l):
        s += l[i] + l[i - k]
        i += 1
    return s


def rebind(l):
    s = 0
    for i in range(len(l)):
        s += l[i]
        l = l[:1]
    return s


def guarded(l, n):
    s = 0
    if n <= len(l):
        for j in range(n):
            s += l[j]
    if n < len(l) + 2:
        for j in range(n):
            s += l[j]
    return s


def squares(n):
    sq = [0] * n
    for i in range(len(sq)):
        sq[i] = i * i
    return sq


def entry_point(argv):
    n = int(argv[1]) if len(argv) > 1 else 3
    l = [n, 2, 7, 1, 5]
    print(total(l), first(l, n), backwards(l), neg(l), main_loop(l, n))
    for m in [n, 5, 6]:
        try:
            print("first", m, first(l, m))
        except IndexError as e:
            print("IndexError", m, e)
    try:
        print("shrink", shrink([1, 2, 3, 2, 5]))
    except IndexError as e:
        print("IndexError in shrink:", e)
    print("squares", squares(n)[-1], len(squares(n + 4)))
    for m in [n, 5, 6]:
        try:
            print("guarded", m, guarded(l, m))
        except IndexError as e:
            print("IndexError in guarded", m, e)
    try:
        print("rebind", rebind(l))
    except IndexError as e:
        print("IndexError in rebind:", e)
    print("main_loop", main_loop(l, 7))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))


def target(driver, args):
    return entry_point, None
