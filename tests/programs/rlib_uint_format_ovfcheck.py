# r_uint values through format specs, f-strings and %-formats (%d %x %o of
# an r_uint printed its bits as a negative int), and ovfcheck() of an
# operation inside a try, whose block the operation's own ValueError (a
# negative shift count) had already ended; 0 << n fits for any n.
from rpython.rlib.rarithmetic import r_uint, ovfcheck


def shift(a, b):
    try:
        return ovfcheck(a << b)
    except OverflowError:
        return -1
    except ValueError:
        return -2


def arith(a, b):
    try:
        x = ovfcheck(a + b)
        y = ovfcheck(a * b)
        z = ovfcheck(-a)
        return x + y + z
    except OverflowError:
        return -1


def entry_point(argv):
    n = len(argv)
    u = r_uint(5 * n) - r_uint(7)
    print("%d|%x|%s|%r|%o|%X|%i|%u|%5d|%#x|%-22d|" % (u, u, u, u, u, u, u, u, r_uint(3), u, u))
    print("{}|{:x}|{:d}|{!r}|{:,}|{:e}|{:_b}".format(u, u, u, u, u, u, r_uint(255 * n)))
    print(f"{u}|{u:x}|{u:>25}|{u:#o}", format(u, "x"), format(r_uint(65 * n), "c"), str(u), repr(u))
    print(shift(3 * n, 62), shift(3 * n, 2), shift(1, -n), shift(-1, 63 * n), shift(-1, 64 * n), shift(0, 100 * n))
    print(arith(2 ** 62 * n, 2 ** 62), arith(3 * n, 4), arith(-2 ** 63 * n, 0), arith(-2 ** 32 * n, 2 ** 31))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
