# rpython.rlib.rweakref and rpython.rlib.rgc: weak references are cleared once
# their object is collected (young objects at a minor collection, old ones at
# a major one) and follow the objects that move; the weak dictionaries drop
# entries whose value (or key) died. ctest also runs this under RPY_GC_DEBUG=1
# (a collection at every allocation) and with a small nursery.
import sys
from rpython.rlib import rgc
from rpython.rlib.objectmodel import we_are_translated
from rpython.rlib.rweakref import ref, RWeakValueDictionary, RWeakKeyDictionary


def precise():
    # CPython and incminimark free exactly the unreachable objects; Boehm
    # (programs_boehm, whose nursery size is 0) is conservative: a stale
    # word on the C stack may keep a dead object, and its weakref, alive.
    return not we_are_translated() or rgc.get_stats(rgc.NURSERY_SIZE) > 0


def at_least(n, expected):
    # The exact count where collection is precise; under Boehm, the expected
    # count if n is at least that (a few dead objects may survive).
    if precise() or n < expected or n > expected + 8:
        return str(n)
    return str(expected)


class Node(object):
    def __init__(self, n):
        self.n = n
        self.next = None


class Leaf(Node):
    pass


class Other(object):
    def __init__(self, s):
        self.s = s


class Holder(object):
    def __init__(self):
        self.refs = []
        self.keep = []
        self.maybe = None   # a weakref or None


def add_dead(h, n):
    h.refs.append(ref(Node(n)))


def churn(k):
    t = 0
    for i in range(k):
        x = Node(i)
        x.next = Node(i + 1)
        t += x.next.n
    return t


def count(h):
    live = 0
    dead = 0
    same = True
    for i in range(len(h.refs)):
        o = h.refs[i]()
        if o is None:
            dead += 1
        else:
            live += 1
            if i < len(h.keep) and o is not h.keep[i]:
                same = False
    return live, dead, same


def add_kept(h, i):
    # In a function of its own: a loop variable would keep the last object
    # alive on CPython (translated, it is dead after its last use).
    x = Node(i) if i % 2 else Leaf(i)
    h.keep.append(x)
    h.refs.append(ref(x))


def fill_values(d, keep):
    for i in range(200):
        n = Node(i)
        d.set("k" + str(i), n)
        if i % 4 == 0:
            keep.append(n)


def fill_keys(d, keys):
    for i in range(100):
        k = Node(i)
        d.set(k, Other("v" + str(i)))
        if i % 3 == 0:
            keys.append(k)


def test_young_and_old():
    h = Holder()
    for i in range(100):
        add_kept(h, i)
    for i in range(100):
        add_dead(h, 1000 + i)
    churn(50000)
    rgc.collect()
    live, dead, same = count(h)
    print("young:", at_least(live, 100), 200 - int(at_least(live, 100)) == dead or not precise(), same)
    # The kept ones are old now; drop half of them.
    kept = []
    for i in range(len(h.keep)):
        if i % 2 == 0:
            kept.append(h.keep[i])
    h.keep = []
    churn(50000)
    rgc.collect()
    n = 0
    total = 0
    for w in h.refs:
        o = w()
        if o is not None:
            n += 1
            total += o.n
    print("old:", at_least(n, 50), total == 2450 or not precise(), len(kept))
    # A weakref stored in an attribute, maybe None.
    target = Other("t")
    h.maybe = ref(target)
    churn(20000)
    w = h.maybe
    if w is not None:
        o = w()
        print("attr:", o is target, o is not None and o.s == "t")
    h.maybe = None
    print("none:", h.maybe is None)


def test_value_dict():
    d = RWeakValueDictionary(str, Node)
    keep = []
    fill_values(d, keep)
    churn(30000)
    rgc.collect()
    found = 0
    ok = True
    for i in range(200):
        o = d.get("k" + str(i))
        if o is not None:
            found += 1
            if o.n != i:
                ok = False
    print("wvd:", at_least(found, 50), ok, d.get("missing") is None)
    d.set("k0", None)
    print("wvd del:", d.get("k0") is None, d.get("k4") is keep[1])
    e = RWeakValueDictionary(int, Other)
    o = Other("x")
    e.set(7, o)
    rgc.collect()
    print("wvd2:", e.get(7) is o, e.get(8) is None)


def test_key_dict():
    d = RWeakKeyDictionary(Node, Other)
    keys = []
    fill_keys(d, keys)
    churn(30000)
    rgc.collect()
    ok = True
    for k in keys:
        v = d.get(k)
        if v is None or v.s != "v" + str(k.n):
            ok = False
    print("wkd:", at_least(len(d), 34), ok, d.get(Node(5)) is None)
    d.set(keys[0], None)
    print("wkd del:", d.get(keys[0]) is None, at_least(len(d), 33))
    rgc.collect()
    # Translated, an object lives until its last use, not to the end of the
    # function as on CPython: `keys` must be used after the collection for
    # its objects to be alive in both.
    print("wkd kept:", at_least(len(d), 33), len(keys))


def test_rgc():
    m0 = rgc.get_stats(rgc.MAJOR_COLLECTIONS)
    rgc.collect()
    print("collect:", rgc.get_stats(rgc.MAJOR_COLLECTIONS) > m0)
    x = Node(3)
    print("pin:", rgc.pin(x))
    if we_are_translated():
        assert not rgc.can_move(x)
        assert rgc._is_pinned(x)
    rgc.unpin(x)
    if we_are_translated():
        assert not rgc._is_pinned(x)
        assert rgc.can_move(Node(4)) or rgc.get_stats(rgc.NURSERY_SIZE) == 0
        assert rgc.get_stats(rgc.TOTAL_MEMORY) > 0
        assert rgc.get_stats(rgc.TOTAL_ALLOCATED) > 0
        assert rgc.get_stats(99) == -1
        m1 = rgc.get_stats(rgc.MAJOR_COLLECTIONS)
        # Far past any threshold: a major collection starts (and, the heap
        # being small, ends) at once.
        rgc.add_memory_pressure(1 << 40)
        churn(1000)
        assert rgc.get_stats(rgc.MAJOR_COLLECTIONS) > m1
    print("x:", x.n)


def entry_point(argv):
    test_young_and_old()
    test_value_dict()
    test_key_dict()
    test_rgc()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
