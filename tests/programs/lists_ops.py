# Lists: + and * (both orders), +=, *=, extend, remove, index, count, in,
# comparisons, copy, clear, del l[i], list() of every iterable kind, and the
# exceptions CPython raises for them.


class P(object):
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return self.x == other.x


def gen(n):
    i = 0
    while i < n:
        yield i * i
        i += 1


def entry_point(argv):
    a = [1, 2, 3]
    b = [4, 5]
    print(a + b, b + a, a * 2, 3 * b, a * 0, a * -1, [] + a)
    c = a
    c += b
    print(c, a, c is a)
    c *= 2
    print(a, len(a))
    a *= 0
    print(a, c)
    l = [5, 1, 4, 1, 5, 9, 2, 6]
    l.extend([3, 5])
    l.extend(l)
    print(l, len(l))
    l.remove(1)
    print(l)
    print(l.index(5), l.index(5, 1), l.index(5, -5), l.index(9, 0, 6), l.count(5), l.count(7))
    print(4 in l, 7 in l, 7 not in l)
    try:
        l.remove(42)
    except ValueError as e:
        print("ValueError:", e)
    try:
        l.index(42)
    except ValueError as e:
        print("ValueError:", e)
    try:
        l.index(5, 1, 3)
    except ValueError as e:
        print("ValueError:", e)
    words = ["x", "y", "z"]
    try:
        words.index("w")
    except ValueError as e:
        print("ValueError:", e)
    print(words.index("z"), "y" in words, "q" in words)
    # comparisons: lexicographic, shorter prefix first
    print([1, 2] == [1, 2], [1, 2] != [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9, 9])
    print([1, 2] <= [1, 2], [1, 2] >= [1, 3], [] < [0], ["a", "b"] < ["a", "c"], [[1, 2], [3]] < [[1, 2], [4]])
    print([1.5, 2.0] == [1.5, 2.0], [1, 2] == [1, 2, 3])
    ps = [P(1), P(2)]
    print(P(2) in ps, P(3) in ps, ps.count(P(1)), ps.index(P(2)))
    try:
        ps.index(P(7))
    except ValueError:
        print("ValueError (its message shows an address in CPython)")
    ps.remove(P(1))
    print(len(ps), ps[0].x)
    d = l.copy()
    d[0] = 100
    print(d[0], l[0])
    d.clear()
    print(d, len(d))
    d.append(7)
    print(d)
    # del l[i]
    m = [0, 1, 2, 3, 4]
    del m[0]
    del m[-1]
    print(m)
    try:
        del m[10]
    except IndexError as e:
        print("IndexError:", e)
    # list() of iterables
    print(list(m), list("héllo"), list(range(4)), list(range(10, 0, -3)), list(gen(4)), list())
    dd = {"a": 1, "b": 2}
    print(list(dd), list(dd.keys()), list(dd.values()), list(dd.items()))
    s = {3}
    print(list(s))
    e = list()
    e.append("q")
    print(e)
    # nested lists
    grid = [[0] * 3 for i in range(2)]
    grid[1][2] = 5
    print(grid, [[1]] * 2)
    total = 0
    for row in grid:
        total += sum(row)
    print(total)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
