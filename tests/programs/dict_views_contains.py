# x in d.values() and (k, v) in d.items() (they were 'not supported yet'),
# beside k in d.keys().
import sys


def entry_point(argv):
    n = len(argv)
    d = {3: "c", 1: "a", n + 5: "x"}
    print("a" in d.values(), "z" in d.values(), "x" not in d.values(), 6 in d.keys(), 7 in d.keys())
    print((1, "a") in d.items(), (1, "b") in d.items(), (6, "x") in d.items(), (2, "a") not in d.items())
    g = {"k": [1, 2], "j": []}
    print([1, 2] in g.values(), [] in g.values(), [3] in g.values(), ("j", [7]) in g.items(), ("k", [1, 2]) in g.items())
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
