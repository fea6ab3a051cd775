# Comparisons: all six operators on ints, floats and mixed; chained
# comparisons, which evaluate each operand once and stop at the first false.
import sys


def noisy(tag, v):
    print("  eval", tag, v)
    return v


def table_int():
    print("-- ints")
    for a in range(-2, 3):
        for b in range(-2, 3):
            print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)


def table_float():
    print("-- floats")
    a = -1.5
    while a <= 1.5:
        b = -1.0
        while b <= 1.0:
            print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)
            b += 1.0
        a += 0.75
    print(0.0 == -0.0, 0.0 < -0.0, -0.0 <= 0.0, 0.1 + 0.2 == 0.3, 0.1 + 0.2 > 0.3)


def table_mixed():
    print("-- mixed")
    for a in range(-2, 3):
        f = a * 0.5
        print(a, f, a < f, a == f, a > f, a <= f + 0.5, f == a / 2, a * 1.0 == a)
    big = 9007199254740992
    print(big == 9007199254740992.0, big > 9007199254740991.0, big - 1 < 9007199254740992.0)


def chains():
    print("-- chains")
    for x in range(-1, 12, 3):
        print(x, 0 <= x < 10, 0 < x <= 10, x < 5 < 8, 1 < x > 4, x == x == x, -1 <= x <= 11 <= 11)
    a = 1
    b = 2
    c = 3
    d = 3
    print(a < b < c, a < b < c < d, a < b < c <= d, c > b > a, a < c > b, a != b != a)
    print(a == 1 == 1.0, 1 < 2 < 3 < 4 < 5 < 6, 6 > 5 > 4 > 3 > 2 > 0 > 1)
    print("chain short-circuits:")
    r = noisy("a", 1) < noisy("b", 0) < noisy("c", 5)
    print("  ->", r)
    r = noisy("a", 1) < noisy("b", 2) < noisy("c", 5)
    print("  ->", r)
    r = noisy("a", 1) < noisy("b", 2) > noisy("c", 5) < noisy("d", 9)
    print("  ->", r)
    r = noisy("a", 3) == noisy("b", 3) == noisy("c", 3) != noisy("d", 4)
    print("  ->", r)


def in_range(v, lo, hi):
    return lo <= v < hi


def sort3(a, b, c):
    if a <= b <= c:
        return a, b, c
    if a <= c <= b:
        return a, c, b
    if b <= a <= c:
        return b, a, c
    if b <= c <= a:
        return b, c, a
    if c <= a <= b:
        return c, a, b
    return c, b, a


def uses():
    print("-- uses")
    count = 0
    for v in range(-50, 50, 7):
        if in_range(v, -10, 20):
            count += 1
            print("in", v)
    print("count", count)
    for a in range(3):
        for b in range(3):
            for c in range(3):
                x, y, z = sort3(a * 7 % 5, b * 3 - 2, c - a)
                print(a, b, c, "->", x, y, z, x <= y <= z)
    lo = 2.5
    hi = 7.25
    for i in range(0, 10):
        print(i, lo < i < hi, not lo < i < hi, i >= hi or i <= lo)


def entry_point(argv):
    table_int()
    table_float()
    table_mixed()
    chains()
    uses()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
