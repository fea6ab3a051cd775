import sys
from rpython.rlib.objectmodel import r_dict


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return self.x * 31 + self.y


class Token(object):
    def __init__(self, name):
        self.name = name


def eq_nocase(a, b):
    return a.lower() == b.lower()


def hash_nocase(a):
    return hash(a.lower())


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


OPS = {"+": add, "-": sub}
NAMES = {1: "one", 2: "two", 3: "three"}
TABLE = {"x": [1, 2], "y": [3]}
KEYWORDS = {"if", "else", "while"}


def entry_point(argv):
    # instance keys with __eq__/__hash__
    d = {}
    d[Point(1, 2)] = "a"
    d[Point(3, 4)] = "b"
    print(d[Point(1, 2)], d[Point(3, 4)], Point(5, 5) in d, len(d))
    d[Point(1, 2)] = "c"
    print(len(d), d[Point(1, 2)])
    # identity keys
    t1 = Token("t1")
    t2 = Token("t2")
    ids = {t1: 1, t2: 2}
    print(ids[t1], ids[t2], Token("t1") in ids)
    # r_dict
    rd = r_dict(eq_nocase, hash_nocase)
    rd["Hello"] = 1
    rd["HELLO"] = 2
    rd["world"] = 3
    print(len(rd), rd["hello"], rd["WORLD"], "x" in rd)
    # dict of functions, prebuilt
    print(OPS["+"](3, 4), OPS["-"](3, 4))
    print(NAMES[2], len(NAMES), 4 in NAMES)
    print(TABLE["x"][1], len(TABLE["y"]))
    print("while" in KEYWORDS, "for" in KEYWORDS)
    # tuple keys
    grid = {}
    for i in range(3):
        for j in range(3):
            grid[(i, j)] = i * 3 + j
    print(grid[(2, 1)], (1, 1) in grid, (5, 5) in grid, len(grid))
    # KeyError with int key
    try:
        print(NAMES[7])
    except KeyError as e:
        print("KeyError:", e)
    # popitem, update, copy, clear
    a = {"x": 1, "y": 2}
    b = {"y": 20, "z": 30}
    a.update(b)
    for k, v in a.items():
        print(k, v)
    c = a.copy()
    pk, pv = c.popitem()
    print(pk, pv, len(c), len(a))
    a.clear()
    print(len(a), bool(a), bool(c))
    try:
        a.popitem()
    except KeyError as e:
        print("KeyError:", e)
    # mutation during iteration
    m = {1: 1, 2: 2}
    try:
        for k in m:
            m[k + 10] = 0
    except RuntimeError as e:
        print("RuntimeError:", e)
    # sets
    s = set()
    for w in "the quick brown the lazy quick".split():
        s.add(w)
    print(len(s), "the" in s, "fox" in s)
    s.discard("the")
    s.discard("nothere")
    print(len(s))
    try:
        s.remove("nothere")
    except KeyError as e:
        print("KeyError:", e)
    words = [w for w in s]
    print(len(words))
    sc = {x % 3 for x in range(10)}
    print(len(sc))
    # nested comprehension, dict comprehension over items
    pairs = [(i, j) for i in range(3) for j in range(i)]
    print(len(pairs), pairs[2][0], pairs[2][1])
    inv = {v: k for k, v in NAMES.items()}
    print(inv["two"])
    # keys()/values() views
    print(len(NAMES.keys()), 2 in NAMES.keys())
    total = 0
    for v in grid.values():
        total += v
    print(total)
    # del and re-insert keeps insertion order at the end
    o = {"a": 1, "b": 2, "c": 3}
    del o["a"]
    o["a"] = 4
    for k in o:
        print(k, o[k])
    # counting words
    counts = {}
    for w in "a b a c b a".split():
        counts[w] = counts.get(w, 0) + 1
    for k, v in counts.items():
        print(k, v)
    # big dict
    big = {}
    for i in range(100000):
        big[i * 7] = i
    acc = 0
    for i in range(0, 700000, 7):
        acc += big[i]
    print(acc, len(big))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
