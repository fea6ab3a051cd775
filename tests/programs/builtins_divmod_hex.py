# divmod() of ints and floats (signs, zero, infinities), hex()/oct()/bin()
# of ints (0, negatives, the extremes), and tuple slices with constant
# bounds on heterogeneous tuples.
import sys

INF = float("inf")


def divmods(argv):
    print("-- divmod of ints")
    for a in [7, -7, 0, 1, -1, 13, -13, 9223372036854775807, -9223372036854775807]:
        for b in [2, -2, 3, -3, 1, -1, 7, 100]:
            q, r = divmod(a, b)
            print(a, b, q, r, divmod(a, b), q * b + r == a)
    n = len(argv)  # 1: not a constant
    print(divmod(n * 17, 5), divmod(-n * 17, 5), divmod(True, 2))
    try:
        print(divmod(5, n - 1))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    print("-- divmod of floats")
    for x in [7.5, -7.5, 0.0, -0.0, 1e300, 3.0, -3.0, 0.1, INF, -INF]:
        for y in [2.0, -2.0, 0.5, 3.0, -0.1, INF, -INF]:
            print(x, y, divmod(x, y))
    print(divmod(7, 2.5), divmod(-7, 2.5), divmod(7.5, 2), divmod(-7.5, -2), divmod(float(n), 3))
    for a, b in [(1.0, 0.0), (0.0, -0.0)]:
        try:
            print(divmod(a, b))
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
    try:
        print(divmod(n, 0.0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(divmod(float(n), n - 1))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)


def bases(argv):
    print("-- hex / oct / bin")
    n = len(argv)
    for v in [0, 1, -1, 7, -7, 8, 255, -256, 4096, 123456789, -123456789, n, -n, n * 1000,
              9223372036854775807, -9223372036854775807 - 1]:
        print(v, hex(v), oct(v), bin(v))
    print(hex(True), oct(False), bin(n > 0))
    print(hex(n) + oct(n) + bin(n), len(bin(-9223372036854775807 - 1)))


def slices(argv):
    print("-- tuple slices")
    t = (1, "two", 3.0, None, len(argv), "six")
    print(t[1:], t[:-1], t[::2], t[1::2], t[::-1], t[-2:], t[:0], t[10:], t[-100:2])
    print(t[4:1:-1], t[:1], t[5:6], t[1:-1:3], t[::-2], t[True:])
    a, b = t[2:4]
    print(a, b)
    head, rest = t[0], t[1:]
    print(head, rest, len(rest), rest[0], rest[-1])
    pair = ("x", 1)
    print(pair[1:], pair[:1], pair[:] == pair, pair[1:] == (1,))
    s = t[1:3][::-1]
    print(s, s[1] + "!")


def entry_point(argv):
    divmods(argv)
    bases(argv)
    slices(argv)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
