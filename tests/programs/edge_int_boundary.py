# Edge cases of 64-bit ints that never leave the 64-bit range (so CPython
# and the binary must agree): the largest and smallest values built by
# arithmetic, floor division and modulo with them and with negative
# operands, shifts up to 63, bitwise ops on negatives, abs/min/max, int()
# of strings at the limits, and pow with exact results.
# args: 62 -9223372036854775808
import sys


def build_max(k):
    return (1 << k) + ((1 << k) - 1)


def build_min(k):
    return -(1 << k) * 2


def show_divmod(a, d):
    q = a // d
    r = a % d
    # q * d + r == a is not checked: q * d can leave the 64-bit range
    print(" ", a, d, q, r, (r == 0) or ((r < 0) == (d < 0)))


def entry_point(argv):
    k = int(argv[1]) if len(argv) > 1 else 62
    mn_arg = int(argv[2]) if len(argv) > 2 else -9223372036854775807 - 1
    mx = build_max(k)
    mn = build_min(k)
    print("max", mx, mx == 9223372036854775807, "min", mn, mn == mn_arg)
    print(mx + mn, mx + mn + 1, -(mn + 1), mn + mx, mx - 1, mn + 1, -mx, -mx - 1 == mn)
    print("-- floor division and modulo at the limits")
    show_divmod(mx, 1)
    show_divmod(mx, -1)
    show_divmod(mx, 2)
    show_divmod(mx, -2)
    show_divmod(mx, 7)
    show_divmod(mx, -7)
    show_divmod(mx, mx)
    show_divmod(mx, mn)
    show_divmod(mn, 1)
    show_divmod(mn, 2)
    show_divmod(mn, -2)
    show_divmod(mn, 3)
    show_divmod(mn, -3)
    show_divmod(mn, 7)
    show_divmod(mn, mx)
    show_divmod(mn, mn)
    show_divmod(mn + 1, -1)
    show_divmod(-1, mx)
    show_divmod(1, mn)
    show_divmod(-1, mn)
    show_divmod(0, mn)
    print("-- small negative division")
    for a in range(-7, 8, 3):
        for d in range(-3, 4):
            if d != 0:
                print(a, d, a // d, a % d, -a // d, -(a // d), int(a / d))
    print("-- shifts")
    for s in range(0, 63, 9):
        print(s, 1 << s, mn >> s, mx >> s, -1 >> s, (mx >> s) << s, -(1 << s) >> 1, 5 << (s // 4))
    print(1 << 63 - 1, -1 << 63 == mn, mn >> 63, mx >> 62, mx >> 63, (-5) >> 1, (-5) // 2)
    print("-- bitwise")
    print(mx & mn, mx | mn, mx ^ mn, ~mx, ~mn, (mn + 1) & -(mn + 1), mx & -mx, -1 & mx, ~0)
    print(-12 & 10, -12 | 10, -12 ^ 10, 12 & -10, ~-12, (-1) ^ mx == mn, mn | 1, mn ^ -1)
    print("-- abs, min, max, comparisons")
    print(abs(mn + 1), abs(-mx), min(mx, mn), max(mx, mn, 0), min(mn, mn + 1), mx > mn, mn < -mx)
    print(mx == mx, mn != mx, 0 < mx <= mx, mn <= mn < 0)
    print("-- int(str) and str(int) at the limits")
    print(int("9223372036854775807") == mx, int("-9223372036854775808") == mn, str(mn), str(mx))
    print(str(mn) + "/" + str(mx), int(str(mn + 12345)), int(str(mx - 999)))
    print("-- pow within range")
    print(2 ** 62, (-2) ** 63, 3 ** 39, (-3) ** 39, 7 ** 22, 10 ** 18, (-1) ** 63, 0 ** 0, mx ** 1, mn ** 1)
    print("-- float conversions")
    print(float(mx), float(mn), int(float(mn)), float(mx) == float(mn) * -1.0, mx / 1, mn / -1)
    print(mx / 2, mn / 3, mn * 1.0, mx + 0.0, mn // 2.0, mx % 1.5)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
