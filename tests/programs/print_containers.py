import sys

class P(object):
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "P(%d)" % self.x if False else "P(" + str(self.x) + ")"

def entry_point(argv):
    l = [1, 2, 3]
    print(l)
    print([])
    print(["a", "b'c", 'd"e'])
    print([1.5, -0.0, 1e100])
    print((1, "x", 2.5))
    print((1,))
    t = (len(argv), [1, 2], {"k": (1, 2)})
    print(t)
    print(str(l), repr(l))
    d = {1: "one", 2: "two"}
    print(d)
    print({})
    print({"a": [1, 2], "b": []})
    nested = [[1, 2], [3], []]
    print(nested)
    print([True, False, None] if False else [True, False])
    print([P(1), P(2)])
    print(set())
    print({5})
    print("list:", l, "dict:", d)
    s = str([x * x for x in range(5)])
    print(len(s), s)
    return 0

def target(driver, args):
    return entry_point, None

if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
