# Sets of GC objects (strings, tuples, instances with __eq__/__hash__) through
# every set operation, many times: the set code allocates (table growth,
# entries compaction, copies) while it holds keys, which the GC's debug mode
# moves at each allocation. Their order is not CPython's (str hashes are
# randomized there, tuples and instances hash differently): printed sorted.
import sys


class P(object):
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return self.x == other.x

    def __hash__(self):
        return self.x % 7


def names(s):
    return sorted([p.x for p in s])


def entry_point(argv):
    n = len(argv)
    a = set()
    b = set()
    for i in range(300):
        a.add("k%d" % (i * 7 % 101))
        if i % 3 == 0:
            a.discard("k%d" % (i % 50))
        b.add("k%d" % (i % 60 + n))
    print(len(a), len(b), sorted(a)[:5], sorted(b)[-3:])
    print(len(a | b), len(a & b), len(a - b), len(a ^ b), sorted(a & b)[:4])
    c = a.copy()
    c |= b
    c -= {"k1", "k2", "k3"}
    c &= a
    c ^= {"k1", "zz"}
    print(len(c), sorted(c)[:4], "zz" in c, c.pop() in a or True)
    d = set(c)
    d.intersection_update(b)
    d.difference_update(a)
    print(sorted(d))
    t = set()
    for i in range(200):
        t.add((i % 37, "v%d" % (i % 11)))
        if i % 5 == 0:
            t.discard((i % 13, "v%d" % (i % 11)))
    u = {(x, "v1") for x in range(40)}
    print(len(t), len(u), sorted(t & u)[:3], len(t - u), len(u ^ t), sorted(t | u)[-2:])
    ps = set()
    for i in range(100):
        ps.add(P(i % 45))
    qs = {P(x) for x in range(30, 60)}
    print(len(ps), names(ps & qs)[:5], names(ps - qs)[-3:], len(ps ^ qs), len(ps | qs))
    ps -= qs
    ps &= {P(1), P(2), P(44), P(99)}
    print(names(ps), P(2) in ps)
    while len(ps) > 0:
        ps.pop()
    print(len(ps))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
