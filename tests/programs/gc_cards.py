# Card marking: item stores into big old lists of refs (the list's item array
# has thousands of items) and into big old dicts (their entry arrays: inline
# structs holding the key and value refs) remember only the written cards; the young objects
# stored there must survive the next minor collection, also while a major
# collection is marking (ctest runs this in the debug mode too: a collection
# at every allocation, marking in small steps).
import sys
from rpython.rlib import rgc


class Box(object):
    def __init__(self, v):
        self.v = v


class Pair(object):
    def __init__(self, a, b):
        self.a = a
        self.b = b


def churn(n):
    t = 0
    for i in range(n):
        t += Pair(Box(i), None).a.v & 1
    return t


def entry_point(argv):
    n = 5000
    big = []
    for i in range(n):
        big.append(Box(i))
    pairs = []
    for i in range(3000):
        pairs.append(Pair(Box(i), Box(-i)))
    rgc.collect()  # both lists and their item arrays are old now
    expect = 0
    for i in range(n):
        expect += i
    step = 0
    for rnd in range(20):
        for k in range(0, n, 37 + rnd):
            old = big[k].v
            big[k] = Box(old + 1)  # a young object into an old array
            expect += 1
            step += 1
        for k in range(0, 3000, 101):
            pairs[k] = Pair(pairs[k].b, Box(rnd))
        churn(2000)
    total = 0
    for b in big:
        total += b.v
    ptotal = 0
    for p in pairs:
        ptotal += p.a.v + p.b.v
    print(total == expect, step, ptotal)
    dicts()
    return 0


def dicts():
    # Values (and str keys) stored into the old entry arrays of big dicts.
    by_int = {}
    by_str = {}
    for i in range(4000):
        by_int[i] = Box(i)
        by_str["k" + str(i)] = Box(-i)
    rgc.collect()
    for rnd in range(10):
        for k in range(rnd, 4000, 53):
            by_int[k] = Box(by_int[k].v + 1000)     # an existing entry's value
            by_str["k" + str(k)] = Box(rnd)         # the key is an old str, the value young
        for k in range(4000 + rnd * 10, 4000 + rnd * 10 + 10):
            by_int[k] = Box(k)                      # new entries at the end
            by_str["n" + str(k)] = Box(k)           # young str keys too
        churn(3000)
    t = 0
    for k in by_int:
        t += by_int[k].v
    u = 0
    for k in by_str:
        u += by_str[k].v + len(k)
    print(len(by_int), t, len(by_str), u)


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
