def main(argv):
    d = {}
    d["a"] = 1
    d["b"] = 2
    d["c"] = 3
    print(len(d), d["a"], d["b"], d["c"])
    print("a" in d, "z" in d)
    del d["b"]
    print(len(d), "b" in d)
    for k in d:
        print(k, d[k])
    e = {1: "one", 2: "two"}
    for k, v in e.items():
        print(k, v)
    for v in e.values():
        print(v)
    try:
        print(d["zz"])
    except KeyError as ex:
        print("KeyError", ex)
    print(d.get("a", 0), d.get("q", -1))
    n = 0
    sq = {}
    for i in range(1000):
        sq[i] = i * i
    for i in range(0, 1000, 2):
        del sq[i]
    for k in sq:
        n += sq[k]
    print(len(sq), n)
    print(d.pop("a"), len(d), d.pop("nope", 42))
    print(d.setdefault("x", 7), d.setdefault("x", 8))
    l = [x * 2 for x in range(5) if x != 2]
    for x in l:
        print(x)
    dc = {str(i): i for i in range(4)}
    print(len(dc), dc["3"])
    s = {1, 2, 3}
    s.add(2)
    s.add(10)
    print(len(s), 2 in s, 5 in s)
    return 0

def target(driver, args):
    return main, None

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
