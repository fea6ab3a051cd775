# Mixed control flow and containers: chained comparisons, for/else,
# while/else, try/else/finally, setdefault(...).append, sets of tuples,
# nested comprehensions, sorting with a lambda key, string building.
import sys

LIMITS = (3, 5)
NAMES = {"a": 1, "b": 2}


def classify(n):
    if 0 <= n < LIMITS[0]:
        return "low"
    elif LIMITS[0] <= n <= LIMITS[1]:
        return "mid"
    return "high"


def find_first(l, target):
    for i, x in enumerate(l):
        if x == target:
            break
    else:
        return -1
    return i


def entry_point(argv):
    grid = [[str(r * 3 + c) for c in range(3)] for r in range(3)]
    print(grid, [row[::-1] for row in grid], [grid[r][c] for r in range(3) for c in range(3) if r == c])
    groups = {}
    for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
        groups.setdefault(w[0], []).append(w)
    print(sorted(groups.keys()), {k: len(v) for k, v in groups.items()})
    pairs = set()
    for a in range(3):
        for b in range(a, 3):
            pairs.add((a, b))
    print(sorted(pairs), (1, 2) in pairs, len(pairs))
    print([classify(n) for n in [-1, 0, 3, 5, 9]], find_first([4, 5, 6], 5), find_first([], 1))
    i = 0
    while i < 3:
        i += 1
    else:
        print("while-else", i)
    try:
        x = int("12")
    except ValueError:
        x = -1
    else:
        x += 1
    finally:
        print("finally", x)
    acc = ""
    for k in range(5):
        acc += str(k) * (k % 3)
    print(acc, len(acc), acc[-3:], acc[::-2], "-" * 10)
    print(list(zip("abc", [1, 2, 3], [True, False, True])), list(enumerate("xy", 1)))
    data = [("bob", 3), ("alice", 3), ("carol", 1)]
    print(sorted(data, key=lambda t: (-t[1], t[0])), sorted(data)[0], max(data)[0])
    s = "a,b;c d"
    out = []
    cur = ""
    for ch in s:
        if ch in ",; ":
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    print(out, NAMES["b"], len(NAMES), sorted(NAMES, reverse=True))
    nested = {"x": {"y": [1, 2]}}
    nested["x"]["y"].append(3)
    print(nested, nested["x"]["y"][-1])
    stack = [1]
    while stack:
        v = stack.pop()
        if v < 20:
            stack.append(v * 2)
            stack.append(v * 3)
        else:
            print(v, end=" ")
    print()
    print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, "a" * 3 == "aaa", [1] * 2 == [1, 1], not [], not "", bool({}))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
