# Integer arithmetic with Python semantics: floor division and modulo signs,
# shifts, bitwise operators, powers.  Nothing here overflows 64 bits.
import sys


def floordiv_table(lo, hi, dlo, dhi):
    total = 0
    for a in range(lo, hi):
        for b in range(dlo, dhi):
            if b == 0:
                continue
            q = a // b
            r = a % b
            # the invariant Python guarantees: a == q*b + r, r has b's sign
            ok = q * b + r == a and (r == 0 or (r > 0) == (b > 0))
            print(a, b, q, r, ok)
            total += q * 7 + r
    return total


def big_divisions():
    print("-- large operands")
    x = 1000000000000000007
    for d in range(-9, 10, 3):
        if d != 0:
            print(x, d, x // d, x % d, -x // d, -x % d)
    y = 9223372036854775807
    print(y // 2, y % 2, y // -2, y % -2, y // 7, y % -7)
    m = -9223372036854775807 - 1
    print(m, m // 2, m % 2, m // 3, m % 3, m // -3, m % -3, m // m)
    print(m + 1, -(m + 1), y - 1, y // y)


def shifts():
    print("-- shifts")
    for s in range(0, 63, 7):
        print(s, 1 << s, 5 << s if s < 60 else 0, 3 >> (s // 8), (1 << 62) >> s)
    for v in range(-20, 21, 5):
        print(v, v << 3, v >> 1, v >> 2, v >> 63, v << 20)
    n = -1
    print(n >> 1, n >> 30, n >> 63, n << 62, (n << 63) >> 63)
    big = 123456789123456789
    print(big >> 1, big >> 17, big >> 40, big << 3, -big >> 5, -big << 2)


def bitwise():
    print("-- bitwise")
    for a in range(-6, 7, 3):
        for b in range(-5, 6, 2):
            print(a, b, a & b, a | b, a ^ b, ~a, ~b, a & ~b, ~(a | b))
    mask = 0xFF00FF00FF00FF
    val = 0x123456789ABCDEF
    print(val & mask, val | mask, val ^ mask, ~val, -val & 0xFFFF, val ^ val)
    print(0x7FFFFFFFFFFFFFFF & -8, -0x8000 | 0xFF, ~0, ~-1, 1 ^ -1)


def powers():
    print("-- powers")
    for b in range(-4, 5):
        line = ""
        for e in range(0, 8):
            line = line + " " + str(b ** e)
        print(b, line)
    print(2 ** 62, 3 ** 39, 7 ** 22, (-3) ** 39, 10 ** 18, (-2) ** 62)
    print(0 ** 0, 0 ** 5, 1 ** 1000, (-1) ** 1001, (-1) ** 1000)
    # right-associative
    print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)


def unary_and_precedence():
    print("-- unary and precedence")
    a = 17
    b = -5
    print(-a, +a, - -a, -b, +b, ~-a, -~a, not a, not 0)
    print(a + b * 3, (a + b) * 3, a - b - 2, a - (b - 2), a * b // 4, a * (b // 4))
    print(a % 5 * 3, a % (5 * 3), -a // 4, -(a // 4), a << 2 + 1, (a << 2) + 1)
    print(a & 3 | 8, a & (3 | 8), a ^ 1 & 3, (a ^ 1) & 3, 1 + 2 << 3, 1 + (2 << 3))
    print(a // b, a % b, b // a, b % a, b * b * b, a * a * a * a)


def sums():
    print("-- loops of arithmetic")
    acc = 0
    for i in range(1, 1001):
        acc += i * i - 3 * i
    print(acc)
    h = 5381
    for i in range(200):
        h = (h * 33 + i) % 1000000007
    print(h)
    x = 1
    for i in range(1, 21):
        x *= i
    print("20! =", x)
    f = 0
    g = 1
    for i in range(90):
        f, g = g, f + g
    print("fib(90) =", f)
    c = 0
    v = 123456789
    while v != 0:
        c += v & 1
        v >>= 1
    print("popcount =", c)
    t = 100
    t -= 7
    t *= 3
    t //= 4
    t %= 50
    t **= 2
    t <<= 3
    t >>= 1
    t &= 0xFFF
    t |= 0x1000
    t ^= 0x55
    print("augmented =", t)


def entry_point(argv):
    print("floordiv total:", floordiv_table(-7, 8, -4, 5))
    big_divisions()
    shifts()
    bitwise()
    powers()
    unary_and_precedence()
    sums()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
