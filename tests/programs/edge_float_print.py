# Edge cases of float printing: repr switches to exponent notation at 1e16
# and below 1e-4, shortest round-trip digits (0.1*3, 1/3), large integral
# floats, negative zero, inf/nan from float("..."), and arithmetic that
# produces them, through print() and str().
# args: 1e16
import sys


def show(label, x):
    print(label, x, str(x), -x, x * 1.0)


def around(x):
    # the neighbours that differ in the last place or two
    print(x, x * (1.0 + 2.2e-16), x * (1.0 - 1.1e-16), x + 1.0, x - 1.0)


def entry_point(argv):
    big = float(argv[1]) if len(argv) > 1 else 1e16
    show("1e16", 1e16)
    show("1e16-arg", big)
    show("9999999999999998.0", 9999999999999998.0)
    show("1e15", 1e15)
    show("1e-4", 1e-4)
    show("1e-5", 1e-5)
    show("0.0001", 0.0001)
    show("0.00009999", 0.00009999)
    show("123456789012345678.0", 123456789012345678.0)
    show("0.1*3", 0.1 * 3)
    show("0.1+0.2", 0.1 + 0.2)
    show("1/3", 1.0 / 3.0)
    show("2/3", 2 / 3)
    show("-0.0", -0.0)
    show("0.0*-1", 0.0 * -1.0)
    show("1e22", 1e22)
    show("1e23", 1e23)
    show("5e-324", 5e-324)
    show("max", 1.7976931348623157e308)
    show("2**53", 9007199254740992.0)
    show("2**53+1", 9007199254740993.0)
    show("0.5", 0.5)
    show("100.0", 100.0)
    show("1.5e300*1e10", 1.5e300 * 1e10)
    inf = float("inf")
    ninf = float("-inf")
    nan = float("nan")
    show("inf", inf)
    show("-inf", ninf)
    show("nan", nan)
    print(inf + 1.0, inf - inf, inf * 0.0, -inf * -1.0, 1.0 / inf, -1.0 / inf)
    print(nan == nan, nan != nan, nan < 1.0, inf > 1e308, ninf < -1e308, inf == inf)
    print(big * 10.0 > inf, big * 1e300 == inf, -big * 1e300 == ninf)
    print(min(inf, 1.0), max(ninf, -1.0), abs(ninf), abs(-0.0))
    print("-- around the boundaries")
    around(1e16)
    around(1e15)
    around(big / 10.0)
    x = 1.0
    for i in range(20):
        print(i, x, x * 9.999999999999999, x / 3.0)
        x *= 10.0
    y = 1.0
    for i in range(8):
        y /= 10.0
        print(i, y, y * 3.0, y + 1e-20)
    print("-- str concatenation of floats")
    s = str(1e16) + "|" + str(1e-5) + "|" + str(-0.0) + "|" + str(inf) + "|" + str(nan) + "|" + str(0.1 * 3)
    print(s)
    print("-- int/float conversions near limits")
    print(int(1e18), int(-9.2e18), float(9007199254740993), float(2 ** 62), int(123456789012345678.0))
    print(float(-9223372036854775807 - 1), float(9223372036854775807), 1e16 == 10000000000000000, 0.1 * 3 == 0.3)
    print(7.0 // 2.0, -7.0 // 2.0, 7.0 % -2.0, -7.0 % 2.0, -0.0 % 5.0, 5.0 % 0.1, 2.0 ** 0.5, 2.0 ** -1)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
