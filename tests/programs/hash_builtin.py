# hash() as CPython's: numbers (hash(-1) == -2, floats by their binary
# fraction), tuples (xxHash over the items, nested tuples too), bools; a
# constant's hash folded at translation time equals the binary's hash of the
# same value made at run time (str hashes differ from process to process in
# CPython: only compared, never printed).
import sys


def entry_point(argv):
    n = len(argv)
    m = n - 2
    f = n + 0.5
    print(hash(-1), hash(5), hash(-2), hash(2 ** 61), hash(-2 ** 63), hash(1.5), hash(-0.25), hash(float("inf")))
    print(hash((1, 2)), hash(()), hash(True), hash(2.0), hash((1, (2.5, False), ())))
    print(hash(m), hash(n + 4), hash(n << 61), hash(-(n << 62) * 2), hash(f), hash(-f / 4), hash(n * 1e308 * 10))
    print(hash(f * 4), hash((n, 2)), hash((m, n + 0.5, (n,))), hash(n == 1), hash((m, m)))
    print(hash(("a", n)) == hash(("a", 1)), hash("a") == hash("a" * n), hash((n, "a")) == hash((1, "a")))
    print(hash(b"xy") == hash(b"x" + b"y" * n), hash(m) == hash(-1), hash(m * 1.0) == hash(m))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
