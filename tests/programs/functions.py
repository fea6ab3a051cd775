# Functions: positional, default and keyword arguments, procedures returning
# None, recursion (fib, ackermann, gcd, power), mutual recursion.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def gcd_iter(a, b):
    while b != 0:
        a, b = b, a % b
    return a


def fast_pow(base, exp):
    if exp == 0:
        return 1
    half = fast_pow(base, exp // 2)
    if exp % 2 == 0:
        return half * half
    return half * half * base


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def hof_f(n):
    if n == 0:
        return 1
    return n - hof_m(hof_f(n - 1))


def hof_m(n):
    if n == 0:
        return 0
    return n - hof_f(hof_m(n - 1))


def linear(x, a=2, b=-3):
    return a * x + b


def describe(name, value=0.0, scale=1.0, unit=" m"):
    print(name + ":", value * scale, unit)


def clamp(v, lo=-10, hi=10):
    return max(lo, min(v, hi))


def binomial(n, k):
    if k == 0 or k == n:
        return 1
    return binomial(n - 1, k - 1) + binomial(n - 1, k)


def hanoi(n, src, dst, via, depth):
    if n == 0:
        return 0
    moves = hanoi(n - 1, src, via, dst, depth + 1)
    if n >= 3:
        print("move disk", n, "from", src, "to", dst, "depth", depth)
    moves += 1
    moves += hanoi(n - 1, via, dst, src, depth + 1)
    return moves


def log_call(label):
    print("called", label)


def sum_digits(n):
    if n < 0:
        return sum_digits(-n)
    if n < 10:
        return n
    return n % 10 + sum_digits(n // 10)


def newton_sqrt(x, guess=1.0, iterations=20):
    for i in range(iterations):
        guess = (guess + x / guess) / 2.0
    return guess


def entry_point(argv):
    print("-- fib")
    for n in range(0, 26, 5):
        print("fib", n, fib(n))
    print("-- ackermann")
    for m in range(0, 4):
        for n in range(0, 4):
            print("ack", m, n, ackermann(m, n))
    print("-- gcd")
    for a in range(-24, 49, 12):
        for b in range(1, 40, 9):
            print(a, b, gcd(a, b), gcd_iter(a, b), gcd(b, a))
    print("-- pow")
    for e in range(0, 40, 6):
        print(3, e, fast_pow(3, e), fast_pow(-2, e), fast_pow(1, e))
    print("-- mutual recursion")
    for n in range(0, 12):
        print(n, is_even(n), is_odd(n), hof_f(n), hof_m(n))
    print(is_even(301), is_odd(301))
    print("-- defaults and keywords")
    for x in range(-2, 3):
        print(x, linear(x), linear(x, 5), linear(x, 5, 1), linear(x, b=7),
              linear(b=1, x=x), linear(x, a=-1), linear(a=0, b=0, x=x))
    describe("zero")
    describe("len", 2.5)
    describe("len", 2.5, 100.0, " cm")
    describe("width", scale=0.5, value=3.0)
    describe(unit=" km", name="dist", value=12.5)
    for v in range(-15, 16, 6):
        print("clamp", v, clamp(v), clamp(v, 0), clamp(v, hi=3), clamp(v, -2, 2), clamp(hi=5, v=v, lo=4))
    print("-- more recursion")
    for n in range(0, 9):
        row = ""
        for k in range(0, n + 1):
            row = row + " " + str(binomial(n, k))
        print(row)
    print("hanoi moves", hanoi(4, 1, 3, 2, 0))
    log_call("once")
    r = log_call("twice")
    print("procedure returned", r)
    print(sum_digits(123456789), sum_digits(-9081726354), sum_digits(0))
    print(newton_sqrt(2.0), newton_sqrt(9.0, 2.0), newton_sqrt(10.0, iterations=3), newton_sqrt(x=1e6))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
