# Issue 4 items 3-7 as a checklist: %-formatting, f-strings and str.format,
# str()/repr() of every kind, list, dict, set and tuple operations with the
# exceptions CPython raises, and the iteration helpers.
import sys
from rpython.rlib.objectmodel import specialize


@specialize.argtype(0)
def show(x):
    print(repr(x))


class P(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return self.x * 31 + self.y


def entry_point(argv):
    n = len(argv)
    # formatting
    print("%d|%i|%s|%r|%x|%X|%o|%f|%e|%g|%c|%%" % (42, -7, "s", "r", 255, 255, 8, 3.14159, 12345.678, 0.00001234, 65))
    print("%5d|%-5d|%05d|%+d|% d|%.3f|%10.2e|%-8s|%8r|%#x|%#o|%.2g|%c" % (42, 42, 42, 42, 42, 2.5, 1234.5, "ab", "ab", 255, 8, 123456.0, "z"))
    print("%s %s %s %s" % (None, True, 1.5, [1, 2]))
    x = 3.0 + n
    print(f"{x:.3f} {n:>4} {n:<4}| {'s'!r} {x!s} {n:08.3f} {n:+} {n:,} {1234567:_} {x:e} {x:%}")
    print("{} and {}".format(1, "two"), "{1} {0} {1}".format("a", "b"), "{0:>5}|{1:^7}|".format("x", 3.5))
    print(str(1), repr(1.5), str(False), repr(None), repr("q"), repr(b"\xff\x00a"), str((1, "a")), str({1: (2.5, "x")}))
    print(str(1e22), str(1.5e-7), repr(123456789012345678.0), str(float("inf")), str(-float("inf")), str(float("nan")))
    # lists
    l = [3, 1, 2] * 2
    l.append(9); l.extend([7, 8]); l.insert(0, 5); l.insert(-1, 6); l.insert(100, 4)
    show(l); show(l.pop()); show(l.pop(0)); show(l.pop(-2)); show(l)
    l.remove(2); show(l.index(9)); show(l.count(1)); l.reverse(); show(l)
    show(sorted(l)); show(sorted(l, reverse=True)); show(sorted(["bb", "a", "ccc"], key=len))
    l.sort(); show(l)
    show(l[1:4]); show(l[::2]); show(l[::-1]); show(l[-2:])
    l[1:3] = [10, 20, 30]; show(l)
    del l[::2]; show(l)
    l[::2] = [0] * len(l[::2]); show(l)
    show(3 in l); show(20 in l); show([1, 2] < [1, 3]); show([1, 2] == [1, 2]); show([1] < [1, 0])
    show([i * i for i in range(5) if i % 2 == 0])
    show(list("abc")); show(list(range(3))); show(min(l)); show(max(l)); show(sum(l)); show(any([0, 0])); show(all([1, 1]))
    try:
        [1, 2][5]
    except IndexError as e:
        print("IndexError", e)
    try:
        [].pop()
    except IndexError as e:
        print("IndexError", e)
    try:
        l.remove(12345)
    except ValueError as e:
        print("ValueError", e)
    try:
        l.index(12345)
    except ValueError as e:
        print("ValueError", e)
    try:
        l[100] = 1
    except IndexError as e:
        print("IndexError", e)
    # dicts
    d = {"a": 1, "b": 2}
    d["c"] = 3
    show(d); show(d.get("z", 0)); show(d.setdefault("d", 4)); show(d.pop("a")); show(d.pop("zz", -1)); show(d.popitem())
    d.update({"x": 10}); show(list(d.keys())); show(list(d.values())); show(list(d.items())); show("b" in d); show(len(d))
    del d["b"]; show(d)
    try:
        d["nope"]
    except KeyError as e:
        print("KeyError", e)
    try:
        del d["nope"]
    except KeyError as e:
        print("KeyError", e)
    show({k: len(k) for k in ["aa", "b"]})
    dt = {(1, "a"): 1.5, (2, "b"): 2.5}
    show(dt[(2, "b")])
    dp = {P(1, 2): "p"}
    show(dp[P(1, 2)])
    db = {"k": 1}
    show(db["k"])
    s = {1, 2, 3}
    s.add(4); s.discard(1); show(sorted(s)); show(sorted(s | {9})); show(sorted(s & {2, 3})); show(sorted(s - {2})); show(sorted(s ^ {3, 10})); show(2 in s)
    # tuples
    t = (1, "a", 2.5)
    show(t); show(t[1]); show(len(t)); show(t == (1, "a", 2.5)); show((1, 2) < (1, 3)); show(hash((1, 2)) == hash((1, 2)))
    a, b, c = t
    show(b)
    # iteration helpers
    it = iter(range(2))
    show(next(it)); show(next(it)); show(next(it, -1))
    for i, (p, q) in enumerate(zip("xy", [1, 2])):
        show((i, p, q))
    show(list(reversed([1, 2, 3])))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
