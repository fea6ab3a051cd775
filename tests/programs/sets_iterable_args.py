# Set methods given another iterable than a set (a list, a range, a str):
# update, union, intersection, difference, symmetric_difference (and their
# _update forms), issubset/issuperset/isdisjoint, in CPython's order (they
# were rejected).
import sys


def entry_point(argv):
    n = len(argv)
    a = {1, 2, 3, 4, 100, 37}
    print(a.union([7, 8, 1]), a.union(range(5)), a.intersection([4, 100, 9, 1]), a.intersection(range(3)))
    print(a.difference([1, 100]), a.difference(range(50)), a.symmetric_difference([1, 5, 64]))
    print(a.issubset(range(200)), a.issubset([1, 2]), a.issuperset([1, 2]), a.issuperset([9]),
          a.isdisjoint([5, 6]), a.isdisjoint(range(2)))
    b = set()
    b.update([5, 3, 9, 3, n])
    b.update(range(20, 26))
    print(b)
    b.difference_update([3, 20, 21, 22, 23, 24])
    print(b)
    b.symmetric_difference_update([5, 77, 0])
    print(b)
    c = set()
    c.update("hello")
    print(sorted(c), sorted(c.union("xy")), sorted(c.intersection("lol")))
    w = set(range(40))
    w.difference_update(range(0, 40, 3))
    print(w)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
