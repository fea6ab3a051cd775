# Sets of tuples iterate and print in CPython's order: their keys are hashed
# with CPython's tuple hash (xxHash over the items' CPython hashes).
import sys


def entry_point(argv):
    n = len(argv)
    seen = set()
    x = 0
    y = 0
    for i in range(40):
        seen.add((x, y))
        x = (x * 3 + i + n) % 7
        y = (y + x * 5) % 6 - 2
    print(seen)
    for p in seen:
        print(p, end=" ")
    print()
    pairs = {(1, 2), (3, 4), (-1, -2), (0, 0), (5, 6), (7, 8)}
    print(pairs, pairs - {(0, 0)}, pairs & {(1, 2), (7, 8)})
    nested = {((1, 2), 3), ((1, 3), 2), ((2, 1), 3)}
    print(nested)
    fl = {(1.5, 2), (0.25, -1), (1e10, 3)}
    print(fl)
    bo = {(True, 1), (False, 2), (True, 3)}
    print(bo)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
