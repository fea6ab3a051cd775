# Edge cases of tuples: swaps and rotations in loops (all right-hand sides
# are read before any target is written), self-referencing assignments,
# functions returning tuples of mixed int/float/str/bool, tuples passed
# through several calls, unpacked in loops, compared element-wise by hand,
# indexed by constants (including negative), nested.
import sys

TRIPLE = (1, 2.5, "three")
NESTED = ((1, (2, 3)), ("a", True))


def rotate3(a, b, c):
    return b, c, a


def mixed(n):
    return n, n * 0.5, "n=" + str(n), n % 2 == 0


def mixed_nested(n):
    return (n, "s" + str(n)), (n > 1, (n * 1.5, -n))


def identity4(t):
    return t


def through(t):
    return identity4(identity4(t))


def minmax_sum(a, b, c, d):
    lo = min(a, b, c, d)
    hi = max(a, b, c, d)
    return lo, hi, a + b + c + d, (a + b + c + d) / 4


def step_state(state):
    x, y, vx, vy = state
    vy -= 1.0
    x += vx
    y += vy
    if y < 0.0:
        y = -y
        vy = -vy * 0.5
    return x, y, vx, vy


def entry_point(argv):
    print("-- swaps and rotations")
    a, b, c = 1, 2, 3
    for i in range(7):
        a, b, c = c, a, b
        print(i, a, b, c)
    x, y = 0, 1
    for i in range(10):
        x, y = y, x + y
    print("fib", x, y)
    p, q = 1.5, "q"
    for i in range(3):
        s1, s2 = q, str(p)
        q, p = s1 + s2, p * 2.0
    print(p, q)
    a, b = b, a
    a, a = 5, 6
    print("double target", a, b)
    u, v, w, z = 1, 2, 3, 4
    for i in range(5):
        u, v, w, z = z, u + z, v - u, w * 2
        print(u, v, w, z)
    m, n = 10, 3
    while n:
        m, n = n, m % n
    print("gcd via swap", m)
    f1, f2 = True, False
    for i in range(3):
        f1, f2 = f2, f1 and not f2
        print(f1, f2)
    for i in range(4):
        a, b, c = rotate3(a, b, c)
    print("rotated", a, b, c)
    print("-- mixed returns")
    for k in range(4):
        i, h, s, e = mixed(k)
        print(i, h, s, e)
        t = mixed(k)
        print(t[0], t[1], t[2], t[3], t[-1], t[-4])
    (n0, s0), (flag, (f0, neg)) = mixed_nested(3)
    print(n0, s0, flag, f0, neg)
    inner = mixed_nested(1)[1]
    print(inner[0], inner[1][0], inner[1][1])
    lo, hi, tot, avg = minmax_sum(3, -1, 4, 1)
    print(lo, hi, tot, avg)
    lo, hi, tot, avg = through(minmax_sum(-7, -7, -7, -8))
    print(lo, hi, tot, avg)
    print("-- module-level tuples")
    t0, t1, t2 = TRIPLE
    print(t0, t1, t2, TRIPLE[0] + 1, TRIPLE[-2] * 2, TRIPLE[2] + "!")
    (one, (two, three)), (letter, truth) = NESTED
    print(one, two, three, letter, truth, NESTED[0][1][1], NESTED[1][0])
    print("-- tuple state in a loop")
    state = (0.0, 10.0, 1.0, 0.0)
    for i in range(12):
        state = step_state(state)
        sx, sy, svx, svy = state
        print(i, sx, sy, svy)
    pair = (1, 1)
    for i in range(5):
        pair = (pair[1], pair[0] * 2 + pair[1])
    print("pair", pair[0], pair[1])
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
