# Edge cases of conformance7_*: starred targets from str, bytes and bytearray
# (nested, inside a tuple target, a lone *x), nested format fields with
# accessors and a bad spec built at run time, update/fromkeys from other
# iterables (range, dict, set, str pairs), ovfcheck of // and % in one try.
import sys
from rpython.rlib.rarithmetic import ovfcheck


class P(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


def f(n):
    s = "xyz"[:n]
    try:
        a, *b = s
        print(a, b)
    except ValueError as e:
        print("VE", e)
    try:
        [c, *d, e2] = b"hello"[:n]
        print(c, d, e2)
    except ValueError as e:
        print("VE", e)
    *only, = [n, n + 1]
    print(only)
    l = [[1, 2, 3], [4, 5, 6]]
    (p, *q), r = l[0], l[1][:n]
    print(p, q, r)
    ba = bytearray(b"abc")
    x, *y = ba
    print(x, y)
    try:
        print("{:{}}|{:{}}".format(n, n, "s", n + 1), "{a.x:{a.y}}|".format(a=P(n, n + 3)))
        print("{0[0]:{0[1]}}|".format([n, n + 2]))
        print("{0:{1}}|".format(n, "q" * n))
    except ValueError as e:
        print("VE", e)
    d = {}
    d.update([(str(i), i) for i in range(n)])
    print(d, dict.fromkeys(range(n)), dict.fromkeys({"a": 1, "b": 2}, 1.5), dict.fromkeys(set([n])))
    print(dict(["ab", "cd"][:n]))
    try:
        print(dict(["ab", "cde"][:n]))
    except ValueError as e:
        print("VE", e)
    try:
        q2 = ovfcheck(n // 3) + ovfcheck(-n % 3) + ovfcheck((-sys.maxsize - 1) // (n - 2))
        print(q2)
    except OverflowError:
        print("OE")
    except ZeroDivisionError as e:
        print("ZDE", e)


def entry_point(argv):
    for n in range(4):
        f(n)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
