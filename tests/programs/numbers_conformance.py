# Numbers against CPython: int(s) and int(s, base) (prefixes, underscores,
# whitespace, errors), float(s), float repr in containers, round() with and
# without ndigits (halfway cases to even, negative ndigits, ints), float and
# int division by zero and signs, pow() with two and three arguments,
# int.bit_length(), float.is_integer(), and sum() over a list whose items are
# appended after the sum in the flow order.
def to_int(s):
    try:
        print("int", repr(s), int(s))
    except OverflowError as e:
        print("OverflowError")
    except ValueError as e:
        print("ValueError", e)


def to_int_base(s, b):
    try:
        print("int", repr(s), b, int(s, b))
    except ValueError as e:
        print("ValueError", e)


def to_float(s):
    try:
        print("float", repr(s), float(s))
    except ValueError as e:
        print("ValueError", e)


def fdiv(a, b):
    try:
        print("fdiv", a, b, a // b, a % b, divmod(a, b))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)


def idiv(a, b):
    try:
        print("idiv", a, b, a // b, a % b, divmod(a, b))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)


def tdiv(a, b):
    try:
        print("tdiv", a, b, a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)


def itdiv(a, b):
    try:
        print("itdiv", a, b, a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)


def entry_point(argv):
    n = len(argv)
    for s in ["  42  ", "1_000", "+5", "-0", " -17\n", "1__0", "_1", "1_", "x", "", " ", "12a", "0x1f", "4.5", "\t\n 7 \r", "\u0661\u0662\u0663", "\u2003 5\u3000"]:
        to_int(s)
    for s, b in [("1f", 16), ("0x1f", 16), ("0x1f", 0), ("0o17", 0), ("0b101", 0), ("017", 0), ("0", 0), ("00", 0),
                 ("z", 36), ("Z", 36), ("10", 2), ("12", 2), ("-ff", 16), ("1_f", 16), ("0b_1", 0), ("0_7", 0), (" 0X_FF ", 16), ("10", 1), ("10", 37)]:
        to_int_base(s, b)
    for s in ["1.5", " 2.5 ", "inf", "-inf", "+INF", "Infinity", "-nan", "nan", "NaN", "1e500", "-1e500", "1e-400", "1_0.5", "1__0.5",
              "abc", "", "1.5.5", ".5", "5.", "1e", "0x10", "  -0.0  ", "1_000.000_1", "infinit"]:
        to_float(s)
    for x in [1e16, 1e15, 1e-5, 1e-4, -0.0, 0.1 + 0.2, 1e22, 123456789012345678.0, 1.5e300, 5e-324, 2.0 ** 53, 0.1 * 3, 100.0, 1e100, 12345.678]:
        print(x, repr(x), str(x), [x], (x, x), {x: x})
    for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1234.5678, -1234.5678, 0.125, 5e-324]:
        print("round", x, round(x), round(x, 1), round(x, 2), round(x, -1), round(x, -2), round(x, 0))
    for i in [15, 25, -25, 1234, 5, -5, 150, 250]:
        print("round int", i, round(i * n, -1), round(i * n, -2), round(i * n, 0), round(i * n))
    for a, b in [(7.0, 2.0), (-7.0, 2.0), (7.0, -2.0), (-7.0, -2.0), (7.5, 0.0), (0.0, 0.0), (1.0, -0.0), (-0.0, 1.0), (5.0, math_inf()), (-5.0, math_inf())]:
        fdiv(a * n, b)
    for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (7, 0), (0, 0)]:
        idiv(a * n, b)
    for a, b in [(1.0, 0.0), (-1.0, 0.0)]:
        tdiv(a * n, b)
    for i, j in [(1, 0), (0, 0), (7, 2), (-7, 2)]:
        itdiv(i * n, j)
    print(2 ** -1, 2 ** -2 * n, (-2) ** -3)
    print(pow(3 * n, 4, 5), pow(-3 * n, 3, 7), pow(3, 4 * n, -5), pow(2 * n, 100, 1000000007))
    try:
        print(pow(3 * n, 4, 0))
    except ValueError as e:
        print("ValueError", e)
    try:
        print(0.0 ** (-1.0 * n))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(0 ** (-1 * n))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    print(abs(-5 * n), abs(-5.5 * n), abs(-0.0 * n), abs(True))
    print(divmod(7.5 * n, 2), divmod(-7.5 * n, 2), divmod(7 * n, -2))
    for i in [0, 1, 255, 256, -1, -256, 2**62, -2**63]:
        print("bl", i, (i * n).bit_length(), hex(i * n), oct(i * n), bin(i * n))
    for x in [1.0, 1.5, -2.0, 0.0, 1e300, -0.0]:
        print("is_integer", x, (x * n).is_integer())
    print(float(n * 3), int(3.9 * n), int(-3.9 * n), int(True), float(True), int("  -12  ") * n)
    try:
        print(int(math_inf() * n))
    except OverflowError as e:
        print("OverflowError", e)
    try:
        print(int(math_nan() * n))
    except ValueError as e:
        print("ValueError", e)
    print(1e16 * n, 1e16 * n + 1, 9007199254740993.0 * n, 0.1 * n, -1e-7 * n)
    print(3 * n == 3.0, 1 / 3 * n, 2 / 3 * n, 10 / 4 * n, 7 // 2.0 * n, 2 ** 0.5 * n)
    print(-7 // 2 * n, -7 % 2 * n, 7 % -2 * n, -7.0 % 2 * n, 7 % -2.0 * n, -0.0 % 5 * n, 0.0 % -5 * n)
    print(float("1e16") * n, float("0.1") * n, float("  123  ") * n)
    halves = []
    for i in range(n, 6):
        halves.append(i * 0.5)
    print(sum(halves), sum(halves, 1.5), sum([i * 2 for i in range(5 * n)]))
    print(round(1.7976931348623157e308 * n, -300), round(-2.5e-300 * n, 400), round(123.456 * n, -400))
    try:
        print(round(1.7976931348623157e308 * n, -308))
    except OverflowError as e:
        print("OverflowError", e)
    print(round(9 * n, -19), round(-4 * 10 ** 18 * n, -19), round(5 * 10 ** 18 * n, -19))
    print(pow(7 * n, -1, 13), pow(-7 * n, -1, 13), pow(7 * n, -1, -13), pow(7 * n, 0, 1), pow(-2 * n, 63, 2 ** 62 + 7))
    try:
        print(pow(6 * n, -1, 9))
    except ValueError as e:
        print("ValueError", e)
    try:
        print(int("1" * 4301 * n))
    except ValueError as e:
        print("ValueError", str(e)[:40])
    try:
        print(int("1" * 4301 * n, 7))
    except ValueError as e:
        print("ValueError", str(e)[:40])
    print(int("-8000000000000000" * n, 16), int("7fffffffffffffff" * n, base=16))
    return 0


def math_inf():
    return float("inf")


def math_nan():
    return float("nan")


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
