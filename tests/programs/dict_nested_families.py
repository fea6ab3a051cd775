# Dicts whose values are dicts (and sets) made inside comprehensions: the
# inner family's low-level type is made while the outer one's is, and
# each must get a name of its own (they clashed in the generated C++).
import sys


def entry_point(argv):
    n = len(argv)
    names = {"p": 1, "q": n + 1, "r": 3}
    nested = {k: {"inner": v, "twice": 2 * v} for k, v in names.items()}
    print(nested["q"], len(nested), sorted(nested["r"].items()))
    groups = {k: set([v, v + n]) for k, v in names.items()}
    print(sorted(groups["p"]), "q" in groups)
    deep = {"a": {"b": {"c": n}}}
    deep["a"]["b"]["d"] = n + 1
    print(deep, {x: {y: x * y for y in range(2)} for x in range(3)})
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
