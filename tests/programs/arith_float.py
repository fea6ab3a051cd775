# Float arithmetic and str(float): shortest round-trip repr, signed zero,
# infinities and NaN, floor division / modulo with Python signs, mixed int/float.
import sys


def reprs():
    print("-- reprs")
    print(0.1 + 0.2, 0.1 * 3, 1.0 - 0.9, 0.3 - 0.1)
    print(1e16, 1e15, 123456789012345678.0, 1e22, 1e23, 9007199254740993.0)
    print(1e-5, 1e-4, 0.0001234, 1.5e-7, 5e-324, 2.2250738585072014e-308)
    print(1.7976931348623157e308, 1e308 * 1.5, 4.35, 2.675, 1.1 * 1.1)
    print(1 / 3, 2 / 3, 10 / 3, -1 / 3, 22 / 7, 355 / 113)
    print(0.0, -0.0, 0.0 * -1.0, -0.0 + 0.0, -0.0 - 0.0, -0.0 * -0.0)
    print(1.0, 100.0, 1e5, 12345.678, 0.5, 0.25, 0.125, 3.0e10, 1.0e-10)
    print(float(2 ** 53), float(2 ** 53 + 1), 2.0 ** 63, 2.0 ** -20, 2.0 ** 0.5)


def specials():
    print("-- inf and nan")
    big = 1e308
    inf = big * 10.0
    ninf = -inf
    nan = inf - inf
    print(inf, ninf, nan, inf + 1.0, inf * 0.5, 1.0 / inf, -1.0 / inf)
    print(inf > big, ninf < -big, nan == nan, nan != nan, nan < 1.0, nan > 1.0)
    print(inf == inf, inf - 1e308 == inf, inf * -1.0 == ninf)
    print(min(1.0, inf), max(ninf, -5.5), abs(ninf), -nan != -nan)


def divmod_signs():
    print("-- floor division and modulo")
    a = -7.5
    while a <= 7.5:
        b = -3.0
        while b <= 3.0:
            if b != 0.0:
                print(a, b, a / b, a // b, a % b)
            b += 1.5
        a += 2.5
    print(5.0 % 3.0, -5.0 % 3.0, 5.0 % -3.0, -5.0 % -3.0)
    print(6.0 % 3.0, -6.0 % 3.0, 6.0 % -3.0, -6.0 % -3.0)
    print(0.0 % 5.0, -0.0 % 5.0, 0.0 % -5.0, -0.0 // 5.0, 0.0 // -5.0)
    print(1e300 % 7.0, -1e-300 % 1.0, 1e-300 % -1.0, 7.0 // 0.1, 7.0 % 0.1)


def mixed():
    print("-- mixed int and float")
    n = 7
    x = 2.5
    print(n + x, n - x, n * x, n / x, x / n, n // x, n % x, x ** 2, n ** 0.5)
    print(n / 2, n / 7, -n / 2, 1 / 8, 10 / 4, 0 / 5, -0 / 5)
    print(n < x, n > x, n == 7.0, 3 == 3.0, 0.5 < 1, -1 < -0.5, 2 ** 0.5 > 1.414)
    print(x * 0, x * -0, 0 - x, n - 7.0, 1 - 1.0)
    print(2.0 ** 10, 2.0 ** -1, (-2.0) ** 3, 4.0 ** 0.5, 10.0 ** -3, 0.0 ** 0)


def series():
    print("-- series")
    s = 0.0
    for i in range(1, 101):
        s += 1.0 / i
    print("H(100) =", s)
    p = 0.0
    sign = 1.0
    for k in range(0, 10000):
        p += sign * 4.0 / (2 * k + 1)
        sign = -sign
    print("pi approx =", p)
    e = 1.0
    term = 1.0
    for k in range(1, 20):
        term = term / k
        e += term
    print("e approx =", e)
    r = 2.0
    for k in range(6):
        r = (r + 2.0 / r) / 2.0
        print("sqrt2 step", k, r)
    x = 1.0
    steps = 0
    while x + 1.0 != 1.0:
        x = x / 2.0
        steps += 1
    print("epsilon steps", steps, x)
    tiny = 1.0
    while tiny / 2.0 > 0.0:
        tiny = tiny / 2.0
    print("smallest", tiny, tiny / 2.0, -tiny)
    acc = 0.0
    for i in range(-10, 11):
        acc = acc + i * 0.1
        print(i, i * 0.1, acc, i / 10, i * 1e-3, i * 1e20)


def entry_point(argv):
    reprs()
    specials()
    divmod_signs()
    mixed()
    series()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
