# Generators (issue 3, item 6): functions with `yield` iterated by for,
# keeping local state across yields, with arguments, several yields per
# body, early break, generators consumed by other generators, a generator
# yielding instances, and a method that is a generator.
import sys


def count_up(start, stop, step=1):
    i = start
    while i < stop:
        yield i
        i += step


def fib_gen(n):
    a, b = 0, 1
    for i in range(n):
        yield a
        a, b = b, a + b


def collatz(n):
    yield n
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        yield n


def three_yields(x):
    yield x
    yield x * 10
    if x > 1:
        yield x * 100
    yield -x


def squares_of(n):
    for v in count_up(0, n):       # a generator consuming another
        yield v * v


def running_sum(n):
    total = 0
    for v in squares_of(n):
        total += v
        yield total


def forever():
    i = 0
    while True:
        yield i
        i += 1


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


def grid(w, h):
    for y in range(h):
        for x in range(w):
            yield Point(x, y)


class Tree(object):
    def __init__(self, value, left, right):
        self.value = value
        self.left = left
        self.right = right

    def walk_depth(self, depth):
        # a generator method; in-order walk, bounded depth via recursion
        if self.left is not None:
            for v in self.left.walk_depth(depth + 1):
                yield v
        yield self.value * 1000 + depth
        if self.right is not None:
            for v in self.right.walk_depth(depth + 1):
                yield v


def floats(n):
    x = 0.5
    for i in range(n):
        yield x
        x = x * 1.5


def entry_point(argv):
    line = ""
    for i in count_up(3, 20, 4):
        line = line + str(i) + " "
    print("count_up", line)
    line = ""
    for f in fib_gen(15):
        line = line + str(f) + " "
    print("fib", line)
    steps = 0
    peak = 0
    for v in collatz(27):
        steps += 1
        if v > peak:
            peak = v
    print("collatz 27", steps, peak)
    for x in range(3):
        line = ""
        for v in three_yields(x):
            line = line + str(v) + " "
        print("three", x, line)
    line = ""
    for s in running_sum(8):
        line = line + str(s) + " "
    print("running", line)
    for i in forever():
        if i * i > 50:
            print("break at", i)
            break
    found = -1
    for v in fib_gen(100):
        if v > 1000:
            found = v
            break
    print("first fib over 1000", found)
    total = 0
    for p in grid(4, 3):
        total += p.x * 10 + p.y
    print("grid", total)
    t = Tree(4, Tree(2, Tree(1, None, None), Tree(3, None, None)), Tree(6, None, Tree(7, None, None)))
    line = ""
    for v in t.walk_depth(0):
        line = line + str(v) + " "
    print("tree", line)
    acc = 0.0
    for f in floats(6):
        acc += f
    print("floats", acc)
    g = count_up(0, 3)
    print("next", next(g), next(g), next(g))
    for x in g:
        print("never printed", x)
    print("done")
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
