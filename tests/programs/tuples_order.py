import sys


def entry_point(argv):
    n = len(argv)
    a = (1, "b", 2.5)
    b = (1, "b", 3.0)
    c = (n, "a", 0.0)
    print(a < b, a <= b, a > b, a >= b, a < a, a <= a)
    print(c < a, c > a, (2, "a") > (1, "z"), ("x", 1) < ("x", 2), ("x", 2) < ("x", 2))
    print(((1, 2), 3) < ((1, 3), 0), ((1, 2), 3) >= ((1, 2), 3))
    pairs = [(3, "c"), (1, "z"), (2, "b"), (1, "a"), (n, "m")]
    pairs.sort()
    print(pairs)
    print(sorted([(2.5, "x"), (1.5, "y"), (2.5, "a")], reverse=True))
    print(max([(1, "a"), (3, "b"), (2, "c")]), min([("b", 2), ("a", 9), ("b", 1)]))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
