# The list primitives lowered to low-level operations (append with its
# growth, pop(), iteration) and the helpers built on them (insert, pop(i),
# reverse), for items of every representation (int, float, bool, str,
# instances, tuples, nested lists), inside and outside try blocks: the
# raising guard must end its block where a handler catches it.


class Box(object):
    def __init__(self, v):
        self.v = v


def grow(n):
    l = []
    for i in range(n):
        l.append(i * 3)
    return l


def pop_all(l):
    total = 0
    while True:
        try:
            total += l.pop()
        except IndexError as e:
            print("IndexError:", e)
            return total


def next_or(it, dflt):
    try:
        return next(it)
    except StopIteration:
        return dflt


def boxes(n):
    r = []
    for i in range(n):
        r.append(Box(i))  # the growth collects: the new box must survive it
    return r


def entry_point(argv):
    l = grow(1000)
    print(len(l), l[0], l[999], sum(l))
    print(pop_all(grow(10)), pop_all([]))
    l = [1, 2, 3]
    l.insert(0, 0)
    l.insert(-1, 9)
    l.insert(100, 7)
    l.insert(-100, -1)
    l.insert(2, 5)
    print(l)
    print(l.pop(0), l.pop(-1), l.pop(2), l.pop(), l)
    for bad in [5, -6, 100]:
        try:
            l.pop(bad)
        except IndexError as e:
            print("IndexError:", e, bad)
    e = []
    try:
        e.pop()
    except IndexError as ex:
        print("IndexError:", ex)
    try:
        e.pop(0)
    except IndexError as ex:
        print("IndexError:", ex)
    l.reverse()
    print(l)
    e.reverse()
    one = [4]
    one.reverse()
    print(e, one)
    f = [0.5, 1.5]
    f.append(2.5)
    f.insert(1, 1.0)
    f.reverse()
    print(f, f.pop(), f.pop(0), f)
    b = [True]
    b.append(False)
    b.insert(0, False)
    print(b, b.pop(), b)
    s = ["b", "c"]
    s.insert(0, "a")
    s.append("d")
    s.reverse()
    print(s, s.pop(1), s.pop(), s, "".join(s))
    bs = boxes(100)
    print(len(bs), bs[0].v, bs[99].v, bs.pop().v, bs.pop(0).v, len(bs))
    bs.insert(50, Box(-5))
    bs.reverse()
    print(bs[48].v, bs[0].v, bs[-1].v)
    t = [(1, "x")]
    t.append((2, "y"))
    t.insert(0, (0, "w"))
    print(t, t.pop(1), t)
    nested = [[1], [2, 3]]
    nested.append([])
    nested[2].append(4)
    nested.insert(1, [9])
    print(nested, nested.pop(0), nested)
    # iteration: exhaustion raises StopIteration once caught, every time after
    it = iter([10, 20])
    print(next_or(it, -1), next_or(it, -1), next_or(it, -1), next_or(it, -1))
    it2 = iter(["p"])
    print(next(it2), next(it2, "end"))
    total = 0
    for x in grow(50):
        for y in [x, x + 1]:
            total += y
    print(total)
    acc = []
    for w in ["a", "bb", "ccc"]:
        try:
            acc.append(w * 2)
        except MemoryError:
            print("no memory")
    print(acc)
    k = 0
    try:
        for x in [1, 2, 3]:
            k += x
            if k > 2:
                raise ValueError("stop at %d" % k)
    except ValueError as ex:
        print("ValueError:", ex)
    # a list emptied by pop() grows again from its kept capacity
    q = grow(20)
    while q:
        q.pop()
    for i in range(5):
        q.append(i)
    print(q, len(q))
    n = int(argv[1]) if len(argv) > 1 else 0
    try:
        print([1, 2][n + 5])
    except IndexError as ex:
        print("IndexError:", ex)
    it3 = iter(q)
    print(next(it3))
    print(next(iter([])))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
