# Dicts and sets keyed by tuples holding floats, many insertions: their keys
# hash as CPython's hash() does, which allocates (math.frexp's tuple) when
# malloc removal is off (--opt=0); the GC's debug mode moves objects then.
import sys


def entry_point(argv):
    n = len(argv)
    d = {}
    for i in range(300):
        d[(i * 0.5, n)] = [i]
        d[(i % 7 + 0.25, n)] = [i, i]
    print(len(d), d[(3.0, 1)], d[(2.25, 1)], (100.5, 1) in d, (0.1, 1) in d)
    s = set()
    for i in range(300):
        s.add((i * 1.5, "x%d" % (i % 5)))
    print(len(s), (3.0, "x2") in s)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
