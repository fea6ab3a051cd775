# Tuples as values: returned from functions and unpacked, swapped, passed
# through, heterogeneous (int, float, str, bool), nested, module-level tuples.
import sys

ORIGIN = (0, 0)
LIMITS = (-3.5, 3.5)
NAMED = ("alpha", 1, 2.5, True)


def divmod_py(a, b):
    return a // b, a % b


def min_max(a, b, c):
    lo = a
    hi = a
    if b < lo:
        lo = b
    if c < lo:
        lo = c
    if b > hi:
        hi = b
    if c > hi:
        hi = c
    return lo, hi


def stats(n):
    # sum, mean, label, all-positive flag
    total = 0
    positive = True
    for i in range(-n // 3, n):
        total += i
        if i <= 0:
            positive = False
    mean = total / n
    label = "big" if total > 50 else "small"
    return total, mean, label, positive


def fib_pair(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a, b


def rotate(a, b, c):
    return b, c, a


def nested(n):
    return (n, n * 2), (n * 0.5, "x" + str(n))


def ext_gcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = ext_gcd(b, a % b)
    return g, y, x - (a // b) * y


def pass_through(t):
    return t


def point_add(p, q):
    px, py = p
    qx, qy = q
    return px + qx, py + qy


def entry_point(argv):
    print("-- divmod")
    for a in range(-9, 10, 4):
        for b in range(-4, 5, 3):
            if b != 0:
                q, r = divmod_py(a, b)
                print(a, b, q, r)
    print("-- min_max")
    for i in range(-3, 4):
        lo, hi = min_max(i * i - 4, 3 - i, i)
        print(i, lo, hi)
    print("-- heterogeneous")
    for n in range(1, 20, 4):
        total, mean, label, positive = stats(n)
        print(n, total, mean, label, positive)
    print("-- swaps")
    a = 1
    b = 2
    c = 3
    a, b = b, a
    print(a, b)
    a, b, c = c, a, b
    print(a, b, c)
    for i in range(4):
        a, b, c = rotate(a, b, c)
        print("rotated", a, b, c)
    x, y = 1.5, -2.5
    x, y = y, x
    print(x, y)
    print("-- fib pairs")
    for n in range(0, 50, 7):
        f0, f1 = fib_pair(n)
        print(n, f0, f1, f1 - f0)
    print("-- nested")
    for n in range(3):
        (p, q), (h, s) = nested(n)
        print(p, q, h, s)
        inner, other = nested(n + 10)
        i0, i1 = inner
        o0, o1 = other
        print(i0, i1, o0, o1)
    print("-- extended gcd")
    for a in range(10, 100, 17):
        for b in range(3, 40, 11):
            g, s, t = ext_gcd(a, b)
            print(a, b, g, s, t, a * s + b * t == g)
    print("-- module tuples")
    ox, oy = ORIGIN
    lo, hi = LIMITS
    name, i1, f1, flag = NAMED
    print(ox, oy, lo, hi, name, i1, f1, flag)
    px, py = point_add(ORIGIN, (3, 4))
    px, py = point_add((px, py), pass_through((10, -20)))
    print(px, py)
    k = 0
    pos = ORIGIN
    while k < 5:
        pos = point_add(pos, (k, -k))
        k += 1
    px, py = pos
    print("walk", px, py)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
