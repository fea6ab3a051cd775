# str()/repr()/print() of dict views: dict_keys([...]), dict_values([...]),
# dict_items([...]) as CPython prints them (they were rejected).
import sys


def entry_point(argv):
    d = {3: "c", 1: "a", len(argv): "x"}
    print(d.keys(), d.values(), d.items())
    e = {}
    e["k"] = [1.5]
    print(e.keys(), e.values(), e.items(), str(d.keys()), repr(e.items()))
    f = {(1, 2): {"n": None}}
    print(f.items(), "%s" % (d.values(),))
    empty = {"a": 1}
    del empty["a"]
    print(empty.keys(), empty.values(), empty.items())
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
