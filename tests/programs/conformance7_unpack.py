# Starred assignment from a list (a, *rest = l; *init, last = l;
# a, *mid, b = l; in a for loop and from a call's result), its ValueError
# when the list is too short; a, b = l from a list, str or bytes (the
# ValueErrors of too many / not enough values); dicts built or updated from pairs:
# dict(pairs), d.update(pairs) with 2-tuples or 2-lists (the ValueError of
# an item of another length), dict.fromkeys(it[, value]).
import sys


def numbers(n):
    return [i * 10 for i in range(n)]


def split3(l):
    a, *mid, b = l
    return a, mid, b


def show_unpack(n):
    l = numbers(n)
    try:
        a, *rest = l
        print("a,*rest", a, rest, len(rest))
    except ValueError as e:
        print("ValueError", e)
    try:
        *init, last = l
        print("*init,last", init, last)
    except ValueError as e:
        print("ValueError", e)
    try:
        a, mid, b = split3(l)
        print("a,*mid,b", a, mid, b)
    except ValueError as e:
        print("ValueError", e)
    try:
        x, y, *z = numbers(n)
        print("x,y,*z", x, y, z)
        z.append(99)
        print("z is a new list", z, l)
    except ValueError as e:
        print("ValueError", e)
    try:
        [p, *q, r, s] = l
        print("[p,*q,r,s]", p, q, r, s)
    except ValueError as e:
        print("ValueError", e)


def pair(n):
    return [n, n * 2, n * 3][:n]


def plain_unpack(argv):
    # Without a star: the length of a list, str or bytes is checked at run
    # time; a tuple's by the annotator, also inside a try.
    for n in range(5):
        try:
            a, b = pair(n)
            print("a,b", a, b)
        except ValueError as e:
            print("ValueError", e)
        try:
            x, y, z = "xyz"[:n] + "q" * (n // 4)
            print(x, y, z)
        except ValueError as e:
            print("ValueError", e)
        try:
            t1, t2 = (n, "s")
            print(t1, t2)
        except ValueError as e:
            print("ValueError", e)
    rows = [[1, 2], [3, 4]]
    for k, v in rows:
        print(k, v)
    c, d = b"hi"
    print(c, d)
    try:
        for k, v in [[1, 2], [3]]:
            print(k, v)
    except ValueError as e:
        print("ValueError", e)


def words_of(line):
    return line.split(" ")


def dicts(n):
    pairs = [("k%d" % i, i) for i in range(n)]
    d = dict(pairs)
    print(d)
    d.update([("k0", 100), ("new", -1)])
    print(d)
    e = {"a": 1}
    e.update(pairs)
    print(e)
    lists = [["x", "1"], ["y", "2"]]
    f = {"z": "0"}
    f.update(lists)
    print(f)
    g = dict(lists)
    print(g)
    bad = [["x", "1", "2"]]
    try:
        f.update(bad)
    except ValueError as ex:
        print("ValueError", ex)
    bad2 = [["x", "1"], ["y"]]
    try:
        print(dict(bad2))
    except ValueError as ex:
        print("ValueError", ex)
    print(dict([]), f)
    keys = ["k%d" % i for i in range(n)]
    print(dict.fromkeys(keys))
    print(dict.fromkeys(keys, 0))
    print(dict.fromkeys("abca", n))
    h = dict.fromkeys(keys, [1])
    if n > 0:
        h["k0"].append(2)
    print(h)


def entry_point(argv):
    for n in [0, 1, 2, 3, 5]:
        print("--", n)
        show_unpack(n)
    for line in ["a b c", "single", "one two"]:
        head, *tail = words_of(line)
        print(head, tail)
    rows = [[1, 2, 3], [4, 5], [6]]
    for first, *others in rows:
        print(first, others)
    try:
        for u, *v, w in rows:
            print(u, v, w)
    except ValueError as e:
        print("ValueError", e)
    plain_unpack(argv)
    dicts(len(argv) + 2)
    dicts(len(argv) - 1)
    a, *b = numbers(len(argv))
    print(a, b)
    *c, d = numbers(len(argv) - 1)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
