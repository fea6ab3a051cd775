# t.count(x) and t.index(x) (they were rejected as attribute access), ending
# with an uncaught ValueError from index.
import sys


def entry_point(argv):
    n = len(argv)
    t = (1, 2, 1, 3, n)
    print(t.count(1), t.index(3), t.count(9), t.index(n), (n, n + 1, n).count(n))
    s = ("a", "b", "a")
    print(s.count("a"), s.index("b"), ("x",).count("y"))
    p = ((1, 2), (3, 4), (1, 2))
    print(p.count((1, 2)), p.index((3, 4)))
    try:
        t.index(9)
    except ValueError as e:
        print("ValueError:", e)
    print(t.index(42 + n))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
