# sort() and sorted(): stability, key=, reverse=, instances with __lt__,
# strings, floats, lists of lists, larger inputs; min/max/sum/any/all.


class Item(object):
    def __init__(self, k, tag):
        self.k = k
        self.tag = tag

    def __lt__(self, other):
        return self.k < other.k


def by_second(w):
    return w[1:]


def neg(x):
    return -x


def lcg(seed, n):
    out = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 1000)
    return out


def entry_point(argv):
    l = [5, 2, 8, 1, 9, 3, 2]
    l.sort()
    print(l)
    l.sort(reverse=True)
    print(l)
    print(sorted([3.5, -1.0, 2.25]), sorted(["pear", "apple", "fig"]), sorted("hello"), sorted([]) == [])
    words = ["bb", "ab", "ca", "aa", "cb", "ba"]
    print(sorted(words, key=by_second), sorted(words, key=by_second, reverse=True))
    words.sort(key=len)
    print(words)
    items = [Item(2, "a"), Item(1, "b"), Item(2, "c"), Item(1, "d"), Item(0, "e")]
    items.sort()
    print([it.tag for it in items])
    items.sort(reverse=True)
    print([it.tag for it in items])
    print([it.tag for it in sorted(items, key=lambda_free_key)])
    big = lcg(42, 5000)
    s = sorted(big)
    ok = True
    for i in range(1, len(s)):
        if s[i - 1] > s[i]:
            ok = False
    print(ok, len(s), s[0], s[-1], s[2500], sum(s))
    big.sort(key=neg)
    print(big[:5], big[-5:])
    pairs = lcg(7, 300)
    idx = list(range(300))
    idx.sort(key=pairs.__getitem__ if False else by_index_key(pairs))
    print(idx[:10])
    nested = [[3, 1], [1, 2, 3], [1, 2], [], [3, 0]]
    nested.sort()
    print(nested)
    d = {"b": 2, "a": 1, "c": 0}
    print(sorted(d), sorted(d.values()), sorted(d.items()) if False else sorted(d.keys(), reverse=True))
    # min / max / sum / any / all
    print(min(l), max(l), min(words), max(words, key=len), min([2.5, -1.5]), max("hello"))
    print(min(items).tag, max(items).tag, min(d), max(d.values()))
    print(sum(l), sum([1.5, 2.5]), sum([]), sum(l, 100), sum([True, True, False]))
    print(any([0, 0, 1]), any([]), all([1, 2]), all([1, 0]), all([]), any(["", "x"]), any(x > 8 for x in l))
    try:
        max([])
    except ValueError as e:
        print("ValueError:", e)
    try:
        min([])
    except ValueError as e:
        print("ValueError:", e)
    return 0


def lambda_free_key(it):
    return it.tag


class IndexKey(object):
    def __init__(self, l):
        self.l = l

    def __call__(self, i):
        return self.l[i]


def by_index_key(l):
    return IndexKey(l)


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
