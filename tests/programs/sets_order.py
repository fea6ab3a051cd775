# Sets iterate, print and pop in the order of CPython's set table: each
# operation below (literals, add/discard/pop/clear, copy, the operators and
# their in-place forms, the methods) must leave the same order as CPython's.
# A deterministic pseudo-random sequence of operations on four sets, printed
# as it goes.
import sys


class Rand(object):
    def __init__(self, seed):
        self.x = seed

    def next(self, n):
        self.x = (self.x * 1103515245 + 12345) % 2147483648
        return (self.x >> 8) % n


def key(r, k):
    c = r.next(4)
    if c == 0:
        return r.next(45) - 5
    if c == 1:
        return r.next(100) * 8
    if c == 2:
        return r.next(1000000007) * 9223372036 - 4611686018427387904
    return -r.next(3)


def show(sets):
    for s in sets:
        print(s)


def run(seed, steps):
    r = Rand(seed)
    sets = [set(), {1, 2}, {5, 3, 1, 9, -1, 64}, {x * 7 for x in range(12)}]
    for step in range(steps):
        a = r.next(4)
        b = r.next(4)
        c = r.next(4)
        op = r.next(16)
        k = key(r, op)
        if op < 5:
            sets[a].add(k)
        elif op == 5:
            if len(sets[a]) > 0:
                items = list(sets[a])
                sets[a].discard(items[r.next(len(items))])
        elif op == 6:
            if len(sets[a]) > 0:
                print("pop", sets[a].pop())
        elif op == 7:
            if r.next(8) == 0:
                sets[a].clear()
        elif op == 8:
            sets[c] = sets[a] | sets[b]
        elif op == 9:
            sets[c] = sets[a] & sets[b]
        elif op == 10:
            sets[c] = sets[a] - sets[b]
        elif op == 11:
            sets[c] = sets[a] ^ sets[b]
        elif op == 12:
            sets[a] -= sets[b]
        elif op == 13:
            sets[a] ^= sets[b]
        elif op == 14:
            sets[a] &= sets[b]
        else:
            sets[a] |= sets[b]
        if step % 10 == 9:
            show(sets)
    show(sets)


def entry_point(argv):
    for seed in range(12):
        print("seed", seed)
        run(seed, 120)
    s = {3, 1, 2}
    t = set(s)
    t.add(17)
    u = t.copy()
    u.update({40, 48, 56})
    print(s, t, u, set(range(20, 0, -3)))
    print(u.union(s), u.intersection(s), u.difference(s), u.symmetric_difference(s))
    u.intersection_update({1, 2, 40, 99})
    print(u)
    u.difference_update({1})
    print(u)
    u.symmetric_difference_update({2, 5, 6})
    print(u)
    print({-5, -1, -2, 2 ** 62, -2 ** 63, 7}, {1.5, 2.0, -0.5, 1e100, float("inf")}, {True, False})
    big = set(range(0, 400, 3))
    small = {3, 6, 7}
    print(small - big, small & big, big & small)
    small -= big
    print(small)
    for x in {100, 5, 37, 2, 64}:
        print(x, end=" ")
    print()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
