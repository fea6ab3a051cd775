# argv: len(argv), argv[i], int() and float() of argument strings (values the
# translator cannot constant-fold).
# args: 7 3.5
import sys


def power_table(n, x):
    p = 1.0
    for i in range(n + 1):
        print("x **", i, "=", p, " n * i =", n * i, " x * i =", x * i)
        p = p * x


def entry_point(argv):
    print("argc", len(argv))
    n = 5
    x = 1.25
    if len(argv) > 1:
        n = int(argv[1])
    if len(argv) > 2:
        x = float(argv[2])
    print("args:", argv[1] if len(argv) > 1 else "-", argv[2] if len(argv) > 2 else "-")
    print("n =", n, "x =", x)
    print(n + x, n * x, n / x, n // x, n % x, x ** n, n ** 2, -n // 2, -n % 3)
    power_table(n, x)
    for k in range(-n, n + 1, 3):
        print(k, k * n, k // 2, k % n if n != 0 else 0, k * x, k / x, k < x)
    s = "argv[1]=" + argv[1] + " argv[2]=" + argv[2] if len(argv) > 2 else "short argv"
    print(s)
    total = 0
    i = 1
    while i < len(argv):
        total += i * int(argv[1])
        i += 1
    print("total", total)
    return n - 7


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
