# String and list loops after backendopt: `for c in s` is the inlined
# StrIter with no iterator or StopIteration left, and s[i] below len(s)
# is rpy_str_getitem_nonneg (boundscheck.cpp, string lengths); s[i - 1]
# keeps the checked rpy_str_getitem, and so does TEXT[i] over a prebuilt
# string (a gap: range(len(TEXT)) is folded to a constant count before the
# pass sees a range loop, so it knows no bound for i). A list loop
# inside a loop ends with a jump (the StopIteration raise is routed to the
# loop's exit, exceptions.cpp) and the outer iterator is virtual too.

TEXT = "ab cd é"


def spaces(s):
    n = 0
    for c in s:
        if c == " ":
            n += 1
    return n


def by_index(s):
    n = 0
    for i in range(len(s)):
        if s[i] == "a":
            n += 1
    return n


def prebuilt():
    n = 0
    for i in range(len(TEXT)):
        if TEXT[i] == "d":
            n += i
    return n


def previous(s):
    n = 0
    for i in range(len(s)):
        if s[i - 1] == "b":
            n += 1
    return n


def nested(rows):
    n = 0
    for row in rows:
        for w in row:
            n += len(w)
    return n


def entry_point(argv):
    print(spaces(argv[0]), by_index(argv[0]), prebuilt(), previous(argv[0]), nested([argv, argv]))
    return 0


def target(driver, args):
    return entry_point, None
