# The math module: results, int results of floor/ceil/trunc, and the
# ValueError / OverflowError messages CPython gives.
import math


NAMES = ['sqrt', 'exp', 'log', 'log10', 'log2', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'fabs', 'degrees', 'radians', 'expm1', 'log1p', 'asinh', 'acosh', 'atanh']


def apply(k, x):
    if k == 0:
        return math.sqrt(x)
    elif k == 1:
        return math.exp(x)
    elif k == 2:
        return math.log(x)
    elif k == 3:
        return math.log10(x)
    elif k == 4:
        return math.log2(x)
    elif k == 5:
        return math.sin(x)
    elif k == 6:
        return math.cos(x)
    elif k == 7:
        return math.tan(x)
    elif k == 8:
        return math.asin(x)
    elif k == 9:
        return math.acos(x)
    elif k == 10:
        return math.atan(x)
    elif k == 11:
        return math.sinh(x)
    elif k == 12:
        return math.cosh(x)
    elif k == 13:
        return math.tanh(x)
    elif k == 14:
        return math.fabs(x)
    elif k == 15:
        return math.degrees(x)
    elif k == 16:
        return math.radians(x)
    elif k == 17:
        return math.expm1(x)
    elif k == 18:
        return math.log1p(x)
    elif k == 19:
        return math.asinh(x)
    elif k == 20:
        return math.acosh(x)
    elif k == 21:
        return math.atanh(x)
    return 0.0


def one_arg(x):
    for k in range(len(NAMES)):
        try:
            print(NAMES[k], apply(k, x))
        except ValueError as e:
            print(NAMES[k], "ValueError", e)
        except OverflowError as e:
            print(NAMES[k], "OverflowError", e)


def to_int(x):
    try:
        print("floor", math.floor(x), "ceil", math.ceil(x), "trunc", math.trunc(x))
    except ValueError as e:
        print("ValueError", e)
    except OverflowError as e:
        print("OverflowError", e)


def two(x, y):
    for k in range(6):
        try:
            if k == 0:
                print("pow", math.pow(x, y))
            elif k == 1:
                print("atan2", math.atan2(x, y))
            elif k == 2:
                print("hypot", math.hypot(x, y))
            elif k == 3:
                print("fmod", math.fmod(x, y))
            elif k == 4:
                print("copysign", math.copysign(x, y))
            else:
                print("log", math.log(x, y))
        except ValueError as e:
            print("ValueError", e)
        except OverflowError as e:
            print("OverflowError", e)
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)


def entry_point(argv):
    n = len(argv)
    for x in [0.0, 1.0, -1.0, 0.5, 2.5, 100.0, 1000.0, -1000.0, 1e308, float(n) * math.inf, -math.inf, math.nan]:
        print("x =", x)
        one_arg(x)
        print("isnan", math.isnan(x), "isinf", math.isinf(x), "isfinite", math.isfinite(x))
        fr, ip = math.modf(x)
        m, e = math.frexp(x)
        print("modf", fr, ip, "frexp", m, e)
    print(math.sqrt(n), math.log(n), math.exp(n), math.atan(n), math.fabs(-n))  # int arguments
    # sqrt's inline case is x >= 0: its edges (-0.0 stays -0.0, denormals).
    print(math.sqrt(-0.0 * n), math.sqrt(5e-324 * n), math.sqrt(1e-320 * n), math.sqrt(2.0 ** 1000 * n))
    for x in [2.5, -2.5, 3.0, -0.5, 9.2e18, math.inf, math.nan, 7.0 / 2]:
        to_int(x)
    print(math.floor(-7 * n), math.ceil(-7 * n), math.trunc(-7 * n))
    print(math.floor(7 * n) + 1, math.ceil(n * 3) * 2)
    pairs = [(2.0, 10.0), (0.0, -1.0), (-1.0, 0.5), (10.0, 400.0), (5.0, 0.0), (1.0, math.inf), (math.inf, 2.0),
             (-8.0, 1.0 / 3), (100.0, 10.0), (10.0, 1.0), (-3.0, -0.0), (math.nan, 0.0), (0.0, 0.0)]
    for p in pairs:
        print("pair", p[0], p[1])
        two(p[0], p[1])
    print(math.ldexp(1.5, 10 * n), math.ldexp(-0.0, 5), math.ldexp(3.0, -1080))
    try:
        print(math.ldexp(1.0, 2000 * n))
    except OverflowError as e:
        print("OverflowError", e)
    print(math.gcd(12 * n, 18), math.gcd(-4, 6 * n), math.gcd(0, 0), math.gcd(0, -5 * n), math.gcd(30, 12 * n, 9))
    for k in [0, 1, 5, 10, 20, -1]:
        try:
            print("factorial", k, math.factorial(k * n))
        except ValueError as e:
            print("ValueError", e)
    print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
    print(math.sqrt(16 * n), math.pow(2, 10 * n), math.exp(n), math.hypot(3, 4 * n), math.fabs(-3 * n))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
