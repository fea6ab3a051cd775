import sys


def entry_point(argv):
    s = set([3, 1, 3, 2])
    print(len(s), 3 in s)
    t = set(["h", "e", "l", "l", "o"])
    print(len(t), "l" in t)
    d = {"a": 1}
    e = dict(d)
    e["b"] = 2
    print(len(d), len(e))
    p = dict([("x", 1), ("y", 2)])
    print(p["y"], len(p))
    z = dict(zip_pairs(["k1", "k2"], [10, 20]))
    print(z)
    return 0


def zip_pairs(a, b):
    r = []
    for i in range(len(a)):
        r.append((a[i], b[i]))
    return r


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
