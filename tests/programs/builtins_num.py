# Numeric builtins: int(), float(), bool(), abs(), min(), max() on numbers,
# int(str) / float(str) parsing (whitespace, signs, underscores, exponents),
# str() of numbers and bools.
import sys


def conversions():
    print("-- int() of floats truncates toward zero")
    f = -4.0
    while f <= 4.0:
        print(f, int(f), int(-f), float(int(f)), int(f * 2.5), int(f / 3.0))
        f += 0.7
    print(int(-3.7), int(3.7), int(-0.5), int(0.9999999), int(1e18), int(-1e18))
    print(int(2.0 ** 62), int(-2.0 ** 63), int(123456789.987654321), int(-0.0))
    print(int(True), int(False), int(7), int(-7), float(True), float(False))
    print("-- float() of ints")
    for i in range(-3, 4):
        print(i, float(i), float(i * 1000000007), float(i) / 7)
    print(float(2 ** 53 + 1), float(-(2 ** 62)), float(9223372036854775807))
    print("-- bool()")
    for i in range(-2, 3):
        print(i, bool(i), bool(i * 0.25), bool(i > 0), bool(bool(i)))
    print(bool(0.0), bool(-0.0), bool(1e-320), bool(True), bool(False))


def parsing():
    print("-- int(str)")
    print(int("0"), int("42"), int("-42"), int("+42"), int(" 42 "), int("\t-7\n"))
    print(int("007"), int("-0"), int("1_000_000"), int("9223372036854775807"))
    print(int("-9223372036854775808"), int("  +123_456  "))
    print("-- float(str)")
    print(float("1e3"), float("2.5"), float("-2.5"), float(" 3.25 "), float("1_000.5"))
    print(float(".5"), float("5."), float("-.5e-3"), float("1E+2"), float("0"), float("-0"))
    print(float("0.1"), float("1e-5"), float("1e16"), float("123456789012345678901234567890"))
    print(float("inf"), float("-inf"), float("Infinity"), float("  -iNF  "), float("1e400"))
    print(float("nan"), float("2.2250738585072014e-308"), float("4.9e-324"), float("1e-400"))
    print(float("7"), float("-12"), float("+0.000001"))


def abs_min_max():
    print("-- abs")
    for i in range(-3, 4):
        print(i, abs(i), abs(i * 1.5), abs(-i), abs(i) == abs(-i))
    print(abs(-0.0), abs(-9223372036854775807), abs(-1e308), abs(0))
    print("-- min / max")
    for a in range(-2, 3):
        for b in range(-2, 3):
            print(a, b, min(a, b), max(a, b), min(a, b, 0), max(a, -b, 1), min(a * 0.5, b * 0.25))
    print(min(3, 1, 2), max(3, 1, 2), min(5, 4, 3, 2, 1), max(1, 2, 3, 4, 5))
    print(min(1.5, -2.5, 0.0), max(1.5, -2.5, 0.0), min(0.0, -0.0), max(-0.0, 0.0))
    print(max(0.0, -0.0), min(-0.0, 0.0), min(True, False), max(False, True))


def strs():
    print("-- str()")
    s = ""
    for i in range(-3, 4):
        s = s + str(i) + "," + str(i * 0.5) + ";"
    print(s)
    print(str(True) + "/" + str(False), str(0) + str(-0) + str(10 ** 18))
    print(str(1e16) + " " + str(1e-5) + " " + str(0.1 + 0.2) + " " + str(-0.0))
    print(str(int("12") + 1) + str(float("1.5") * 2))


def entry_point(argv):
    conversions()
    parsing()
    abs_min_max()
    strs()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
