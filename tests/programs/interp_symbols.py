# Symbol tables and value classes: __eq__/__hash__ keys, isinstance against
# tuples of classes, sorting with tuple keys, % with a tuple built at run
# time, iterators driven by next(), closures over loop variables, class
# attributes shadowed per instance.
import sys


class Sym(object):
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Sym) and self.name == other.name

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self.name)

    def __repr__(self):
        return "Sym(%s)" % self.name


class Val(object):
    mutable = False
    tag = "val"

    def __init__(self, n):
        self.n = n


class IntVal(Val):
    tag = "int"


class FloatVal(Val):
    tag = "float"


class ListVal(Val):
    mutable = True
    tag = "list"


def kind(v):
    if isinstance(v, (IntVal, FloatVal)):
        return "number"
    if isinstance(v, ListVal):
        return "sequence"
    return "other"


def make_fn(i):
    def f(x):
        return x * 10 + i
    return f


def counter_fns(n):
    fns = []
    for i in range(n):
        fns.append(make_fn(i))
    return fns


class Countdown(object):
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


def entry_point(argv):
    table = {}
    words = "the quick brown fox jumps over the lazy dog the end fox".split()
    for w in words:
        s = Sym(w)
        table[s] = table.get(s, 0) + 1
    print(len(table), table[Sym("the")], Sym("fox") in table, Sym("cat") in table)
    ranked = sorted(table.items(), key=lambda kv: (-kv[1], kv[0].name))
    print(ranked[:4])
    for s, c in ranked[:3]:
        args = (s.name, c, c * 100 // len(words))
        print("%-6s %2d %3d%%" % args)
    vals = [IntVal(1), FloatVal(2), ListVal(3), Val(4)]
    vals[2].mutable = False
    vals[0].tag = "custom"
    print([(kind(v), v.tag, v.mutable, v.n) for v in vals])
    print([f(7) for f in counter_fns(4)])
    it = Countdown(4)
    out = []
    while True:
        try:
            out.append(next(it))
        except StopIteration:
            break
    print(out, list(Countdown(3)), sum(Countdown(5)), [x * y for x in Countdown(3) for y in (1, 10)])
    for i, (a, b) in enumerate(zip(words, words[1:]), 1):
        if i > 3:
            break
        print(i, a, b, "{!r:>8}|{:<6}|".format(a, b))
    d = {"a": 1, "b": 2, "c": 3}
    for k in list(d.keys()):
        if d[k] % 2:
            del d[k]
    print(d, sorted(set(words))[-3:], max(words, key=len), min(len(w) for w in words))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
