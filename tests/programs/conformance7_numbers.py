# ovfcheck(x // y) and ovfcheck(x % y) (OverflowError only for
# -sys.maxsize-1 // -1, ZeroDivisionError by zero), float.hex(),
# float.fromhex() and float.as_integer_ratio() as CPython's, with their
# errors (inf, nan, bad or too large hex strings).
import sys
from rpython.rlib.rarithmetic import ovfcheck


def div(x, y):
    try:
        print("//", x, y, ovfcheck(x // y))
    except OverflowError:
        print("// OverflowError")
    except ZeroDivisionError as e:
        print("// ZeroDivisionError", e)
    try:
        print("%", x, y, ovfcheck(x % y))
    except OverflowError:
        print("% OverflowError")
    except ZeroDivisionError as e:
        print("% ZeroDivisionError", e)


def div_noexc(x, y):
    # Outside a try: the exception leaves the function.
    q = ovfcheck(x // y)
    r = ovfcheck(x % y)
    return q * 1000 + r


def hexes(x, ratio):
    h = x.hex()
    back = float.fromhex(h)
    print(repr(x), h, repr(back), back == x or (back != back and x != x))
    if not ratio:
        return
    try:
        print("ratio", x.as_integer_ratio())
    except OverflowError as e:
        print("OverflowError", e)
    except ValueError as e:
        print("ValueError", e)


def fromhex(s):
    try:
        print("fromhex", repr(s), repr(float.fromhex(s)))
    except OverflowError as e:
        print("OverflowError", e)
    except ValueError as e:
        print("ValueError", e)


def entry_point(argv):
    n = len(argv)
    big = -sys.maxsize - n
    for x, y in [(7, 2), (-7, 2), (7, -2), (-7, -2), (big, -1), (big, 1), (big, 2), (sys.maxsize, -1), (5, 0),
                 (0, 0), (big, big), (big, -n)]:
        div(x, y)
    print(div_noexc(17, n + 4), div_noexc(-17, n + 4))
    for x in [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 3.0, 1.5, -2.75, 123456.789, 1e16, 2.0 ** 62, -(2.0 ** 63),
              float(n) / 3.0, 1e-3, float("inf"), float("-inf"), float("nan")]:
        hexes(x, True)
    # Their ratios do not fit machine ints (a documented difference).
    for x in [1e-310, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e+308, 2.0 ** 63, 1e300, -1e-300]:
        hexes(x, False)
    for s in ["0x1.8p1", "0X1.8P+1", "  -0x1p-2  ", "1", "a", "0x.8", "0x8.", "ff.ff", "+0x10", "-0x0p0",
              "0x1p-1074", "0x1p-1075", "0x3p-1076", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7ffp1023",
              "0x1p1024", "0x1.0000000000000800000001p0", "0x1.00000000000008p0", "0x1.00000000000018p0",
              "inf", "-Infinity", "nan", "-NAN", "0x", "", "0x1p", "0x1.8q", "1 2", "0x1p+99999999999999999999",
              "0x1p-99999999999999999999", "0x0p99999999999999", "0x" + "0" * 400 + "1p-1600",
              "0x1" + "0" * 300 + "p-1200", ".", "0x.p1", "-", "1p0 ", "\t0x1\n"]:
        fromhex(s)
    # Outside a try
    print(float.fromhex("0x1.0p" + str(n)), (n * 0.25).hex(), (n * 1.25).as_integer_ratio())
    print(float.fromhex("xyz"))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
