"""math.isclose (rel_tol=/abs_tol= keywords), math.fsum (exact, correctly
rounded), math.comb, math.perm, math.isqrt: results and exceptions as
CPython's."""
import math


def attempt(what, n, k):
    try:
        if what == 0:
            print(math.comb(n, k))
        elif what == 1:
            print(math.perm(n, k))
        else:
            print(math.isqrt(n))
    except ValueError as e:
        print("ValueError:", str(e))


def fsum_of(xs):
    try:
        print(repr(math.fsum(xs)))
    except ValueError as e:
        print("ValueError:", str(e))
    except OverflowError as e:
        print("OverflowError:", str(e))


def main(argv):
    print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.0 + 1e-8))
    print(math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0.0, 1e-12))
    print(math.isclose(0.0, 1e-12, abs_tol=1e-11), math.isclose(100, 101, rel_tol=0.01))
    print(math.isclose(b=5.0, a=5.0), math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf))
    print(math.isclose(math.nan, math.nan), math.isclose(1, 2, abs_tol=1, rel_tol=0.0))
    try:
        math.isclose(1.0, 2.0, rel_tol=-1.0)
    except ValueError as e:
        print("ValueError:", str(e))

    fsum_of([0.1] * 10)
    fsum_of([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])
    fsum_of([1.0, 1e-16, 1e-16])
    fsum_of([2.0 ** 53, -0.5, -2.0 ** -54])
    fsum_of([2.0 ** 53, 1.0, 2.0 ** -100])
    fsum_of([1.7976931348623157e308, 1.7976931348623157e308])
    fsum_of([math.inf, 1.0, math.inf])
    fsum_of([math.inf, -math.inf])
    fsum_of([math.nan, 1.0])
    fsum_of([])
    print(math.fsum([1, 2, 3]), math.fsum(range(5)))
    xs = []
    seed = 12345
    for i in range(1000):
        seed = (seed * 1103515245 + 12345) % 2147483648
        xs.append((seed - 1073741824) * 1e-3 * (1 << (seed % 40)))
    fsum_of(xs)
    print(math.fsum(x * x for x in [0.1, 0.2, 0.3]))

    for n, k in [(5, 2), (10, 0), (10, 10), (3, 5), (52, 5), (60, 30), (66, 33),
                 (1000, 3), (-1, 2), (3, -1), (-1, -1)]:
        attempt(0, n, k)
    for n, k in [(5, 2), (10, 0), (3, 5), (20, 20), (1000, 6), (-1, 2), (3, -1)]:
        attempt(1, n, k)
    print(math.perm(5), math.perm(0), math.comb(True, False))
    for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 10 ** 12, 10 ** 18 - 1, 9223372036854775807, -4]:
        attempt(2, n, 0)
    total = 0
    for n in range(20000):
        r = math.isqrt(n * 7919)
        if r * r > n * 7919 or (r + 1) * (r + 1) <= n * 7919:
            print("isqrt wrong", n)
        total += r
    print(total)
    return 0


def target(driver, args):
    return main, None


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
