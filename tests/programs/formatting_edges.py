# Formatting edge cases against CPython: nested format specs in f-strings,
# `,`/`_` grouping, `%` with every flag, round-half-even of `.0f`, float
# repr at the boundaries (1e16, 5e-324), repr of control/format characters.
import sys


def entry_point(argv):
    w = 7
    x = 3.14159
    n = -1234567
    print(f"{x:>{w}.2f}|{n:+,d}|{n:_d}|{255:_x}|{x!r:>12}|{'ab'!s:^6}|{n:=+12d}|{0.5:.0f}|{1.5:.0f}|{2.5:.0f}")
    print("{0}{1}{0}".format("a", "b"), "{:e}".format(1e300), "{:g}".format(1e-10), "{:.3g}".format(123456.0))
    print("%.0f %.0f %.0f %.1f" % (0.5, 1.5, 2.5, 0.25), "%s %s" % (1.0, 1e16), "%r" % 0.1, "%5.1s|" % "abc")
    print(format(x, ""), format(n, ""), format("s", ""), format(True, ""), format(12, "c") if False else "", format(0.0001234, ".2e"))
    print(float("nan"), -float("nan"), float("inf") * -1, 1e16, 1e15, 123456789.123456789, 0.1 + 0.7, 2.0 ** 0.5)
    print(str(10 ** 18), -(2 ** 63), 2 ** 63 - 1, (2 ** 63 - 1) // -1, -(2 ** 63) + 1)
    print("%10.4e|%-12g|%G|%#.3g|%#x|%+.2f|% d|% d" % (12345.6789, 0.00001, 1e-20, 1.0, 0, -0.0, 5, -5))
    print("{:%}".format(0.125), "{:.1%}".format(1.0), "{:,.2f}".format(1234567.891), "{:08.2f}".format(-3.14159))
    print("{:<8}|{:>8}|{:^8}|{:*^9}".format("l", "r", "c", "mid"), "{:5}|{:<5}|{:>5}".format(42, 42, True))
    print(repr(""), repr("'"), repr('"'), repr("\\"), repr("\x1b[0m"), repr("\u0085\u2028"), repr("\ud7ff"))
    print(str(b"abc"), repr(b"\x00\xff'\""), str([b"x"]), repr(bytearray(b"hi")))
    print([1.0, 2.5e-5, -0.0], (1e22, 1e21), {1: 1.5}, [[], [[]]] if False else [[1], []])
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
