# dict operations against CPython: popitem order and messages, pop defaults, update,
# views, == and != between dicts of different types in one program (the
# comparison helpers were shared and conflicted), KeyError reprs, changes
# during iteration, copies and nested printing.
import sys


def popitems():
    d = {1: "a", 2: "b", 3: "c"}
    print(d.popitem(), d.popitem(), d)
    d[4] = "d"
    print(d.popitem(), d)
    d.popitem()
    try:
        d.popitem()
    except KeyError as e:
        print("KeyError:", e)
    print(d.pop(5, "dflt"), d.pop(6, None))
    d[7] = "x"
    print(d.pop(7, "q"), d)
    try:
        d.pop(8)
    except KeyError as e:
        print("KeyError:", e)


def updates():
    d = {"a": 1}
    d.update({"b": 2, "a": 3})
    print(d)
    d.update({"c": 4, "a": 5})
    print(d)
    d.update(dict(zip(["x", "y"], [8, 9])))
    print(d)
    z = dict(zip(range(3), "abc"))
    print(z)
    z2 = dict([(1, 2), (3, 4)])
    print(z2, dict(z2), dict())
    z3 = dict(z2)
    z3[5] = 6
    print(z2, z3)
    pass


def views():
    d = {3: 30, 1: 10, 2: 20}
    for k in d.keys():
        print(k, end=" ")
    print()
    for v in d.values():
        print(v, end=" ")
    print()
    for k, v in d.items():
        print(k, v, end="; ")
    print()
    print(len(d), len(d.keys()), len(d.values()), len(d.items()))
    print(2 in d, 5 in d, 2 in d.keys(),  5 not in d)
    print(sorted(d.values()), list(d), sorted(d.items(), reverse=True))
    pass
    print(list(reversed(list(d))))


def equality():
    a = {1: "a", 2: "b"}
    b = {2: "b", 1: "a"}
    c = {1: "a", 2: "c"}
    print(a == b, a != b, a == c, a != c, a == {}, {} == {})
    n = {"x": [1, 2], "y": [3]}
    m = {"y": [3], "x": [1, 2]}
    print(n == m)
    dd = {"k": {"n": 1}}
    print(dd == {"k": {"n": 1}}, dd, {(1, 2): {"a": [1.5]}})


def keyerrors():
    ds = {"a": 1}
    di = {1: 1}
    dt = {(1, "x"): 1}
    try:
        ds["it's"]
    except KeyError as e:
        print("KeyError:", e)
    try:
        ds["b"]
    except KeyError as e:
        print("KeyError:", e)
    try:
        di[-5]
    except KeyError as e:
        print("KeyError:", e)
    try:
        dt[(2, "y")]
    except KeyError as e:
        print("KeyError:", e)
    try:
        del di[7]
    except KeyError as e:
        print("KeyError:", e)
    df = {1.5: 1}
    try:
        df[2.0]
    except KeyError as e:
        print("KeyError:", e)


def mutation_iter():
    d = {1: 1, 2: 2, 3: 3}
    try:
        for k in d:
            if k == 1:
                d[10] = 10
    except RuntimeError as e:
        print("RuntimeError:", e)
    d = {1: 1, 2: 2, 3: 3}
    try:
        for k in d:
            del d[k]
    except RuntimeError as e:
        print("RuntimeError:", e)
    d = {1: 1, 2: 2, 3: 3}
    try:
        for k, v in d.items():
            d.pop(k)
    except RuntimeError as e:
        print("RuntimeError:", e)
    d = {1: 1, 2: 2, 3: 3}
    try:
        for v in d.values():
            d.clear()
    except RuntimeError as e:
        print("RuntimeError:", e)
    d = {1: 1, 2: 2}
    for k in d:
        d[k] = 5
    print(d)


def misc():
    d = {"a": [1], "b": [2]}
    c = d.copy()
    c["c"] = [3]
    c["a"].append(9)
    print(d, c)
    c.clear()
    print(c, len(c))
    print(d.get("z", [7]), d.get("a", [8]), d.get("z", [0]))
    g = {1: 2}
    print(g.get(3, -1), g.get(1, -1))
    nested = {1: {2: {3: "x"}}, 4: {}}
    print(nested, nested[1][2])
    print({i: i * i for i in range(5) if i % 2})
    pass
    print(d.setdefault("q", [5]), d)


def entry_point(argv):
    popitems()
    updates()
    views()
    equality()
    keyerrors()
    mutation_iter()
    misc()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
