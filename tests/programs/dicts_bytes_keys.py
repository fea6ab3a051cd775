# bytes as dict and set keys, in tuples, sorted, and in tuple comparisons (issue 4 item 5).
import sys


def entry_point(argv):
    d = {b"k": 1, b"\xff\x00": 2}
    d[b"new" + b"er"] = 3
    print(d[b"k"], d.get(b"newer", 0), b"\xff\x00" in d, b"zz" in d, len(d))
    print(d)
    try:
        d[b"missing"]
    except KeyError as e:
        print("KeyError", e)
    t = {(b"a", 1): "x"}
    print(t[(b"a", 1)])
    s = set([b"a", b"b", b"a"])
    print(len(s), sorted(s))
    print(hash(b"abc") == hash(b"ab" + b"c"))
    counts = {}
    for w in b"a b a c b a".split(b" "):
        counts[w] = counts.get(w, 0) + 1
    print(sorted(counts.items()))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
