# hash() of ints, floats and (nested) tuples: CPython's values (constant
# arguments are folded by CPython itself, so both paths must agree).
def entry_point(argv):
    n = len(argv)
    for x in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, -2 ** 61 + 1, 2 ** 63 - 1, -2 ** 63, 123456789, 2 ** 62 + 12345]:
        print(x, hash(x * n))
    for f in [0.0, -0.0, 1.0, -1.0, 1.5, -2.5, 0.1, 1e300, -1e-300, 5e-324, 2.0 ** 61, 2.0 ** 70, 1e16 + 2, 3.14159, float("inf"), -float("inf")]:
        print(f, hash(f * n), hash(f * n) == hash(int(f)) if f == f and abs(f) < 1e18 and f == int(f) else False)
    print(hash((1 * n, 2)), hash((1.5 * n, -1, True)), hash(((1 * n, 2), 3.0)), hash(()), hash((n,)), hash(True), hash(False))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
