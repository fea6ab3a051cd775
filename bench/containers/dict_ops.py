# Dict insert/lookup/delete with int and str keys.
# bench-args: 300000
import sys


def entry_point(argv):
    n = int(argv[1]) if len(argv) > 1 else 300000
    d = {}
    for i in range(n):
        d[i * 7] = i
    total = 0
    for r in range(10):
        for i in range(n):
            total += d[i * 7]
    for i in range(0, n, 2):
        del d[i * 7]
    names = {}
    for i in range(n // 3):
        names["key" + str(i)] = i
    hits = 0
    for r in range(5):
        for i in range(n // 3):
            if ("key" + str(i * 2)) in names:
                hits += 1
    print(total, len(d), len(names), hits)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
