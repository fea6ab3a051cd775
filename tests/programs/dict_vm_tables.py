# Symbol tables of an interpreter in dicts: setdefault(...).append, pop with
# a None default, zip, comprehensions, update, copies, KeyError messages.
import sys
class Cell(object):
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Cell(%d)" % self.v
def entry_point(argv):
    n = len(argv)
    index = {}
    for i, w in enumerate("a b a c b a d".split()):
        index.setdefault(w, []).append(i * n)
    print(index, sorted(index.items(), key=lambda kv: kv[0])[-1], list(index), len(index))
    cells = {"x": Cell(1), "y": Cell(2)}
    c = cells.pop("x", None)
    print(c, cells.pop("zz", None), cells)
    names = dict(zip(["p", "q", "r"], [1, 2, 3]))
    big = {k: v * 10 for k, v in names.items() if v != 2}
    big.update(names)
    print(big, names.copy() == names, {k: {"inner": v} for k, v in names.items()}["q"])
    try:
        del names["missing"]
    except KeyError as e:
        print("KeyError", e)
    try:
        print(cells["x"])
    except KeyError as e:
        print("KeyError", e)
    snap = dict(names)
    names["p"] = 100
    print(snap["p"], names["p"], sorted(names.values()), max(names, key=lambda k: names[k]))
    keys = set(names.keys()) & set(["p", "zz"])
    print(keys, "p" in names.keys(), [k for k in names if k > "p"])
    return 0
def target(driver, args):
    return entry_point, None
if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
