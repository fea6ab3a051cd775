# round(x, ndigits) and round(n, ndigits) on pseudo-random floats of every
# magnitude, exact halves included, against CPython (correctly rounded,
# halfway cases to even).
from rpython.rlib.rrandom import Random


def entry_point(argv):
    n = len(argv)
    r = Random(7 * n)
    acc = 0
    for i in range(3000):
        e = r.genrand32() % 40
        x = (r.random() - 0.5) * 10.0 ** (e - 20)
        if i % 3 == 0 and abs(x) < 1e15:
            x = float(int(x * 1000)) / 8.0  # exact halves and quarters
        k = int(r.genrand32() % 41) - 20
        y = round(x, k)
        print(repr(x), k, repr(y), round(x * 100.0) if abs(x) < 1e15 else 0)
        j = int(r.genrand32() % 2000000) - 1000000
        print(j, k, round(j * n, k))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
