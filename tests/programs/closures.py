# Closures (issue 3, item 6): inner functions reading variables of an
# enclosing function at run time, returned and called later; several
# closures over the same variables; closures over instances; nested two
# levels deep; a closure passed as an argument; `nonlocal` counters.
import sys


def make_adder(n):
    def add(x):
        return x + n
    return add


def make_linear(a, b):
    def f(x):
        return a * x + b
    return f


def make_counter(start):
    count = start

    def step(k):
        nonlocal count
        count += k
        return count
    return step


def make_pair(base):
    # two closures over the same cell
    state = base

    def get():
        return state

    def scaled(k):
        return state * k
    return get, scaled


class Box(object):
    def __init__(self, value):
        self.value = value


def make_box_reader(box):
    def read():
        return box.value
    return read


def make_nested(a):
    def middle(b):
        def inner(c):
            return a * 100 + b * 10 + c
        return inner
    return middle


def apply_n(f, n, x):
    for i in range(n):
        x = f(x)
    return x


def make_greeter(greeting, punct="!"):
    def greet(name):
        return greeting + ", " + name + punct
    return greet


def sum_with(n, weight):
    def weighted(i):
        return i * weight
    total = 0
    for i in range(n):
        total += weighted(i)
    return total


def entry_point(argv):
    n = len(argv) + 4          # known only at run time
    add_n = make_adder(n)
    add_ten = make_adder(10)
    print("adders", add_n(1), add_ten(1), add_n(add_ten(0)))
    f = make_linear(3, n)
    g = make_linear(-1, 100)
    print("linear", f(2), g(2), apply_n(f, 3, 1), apply_n(g, 4, 7))
    c1 = make_counter(0)
    c2 = make_counter(100)
    for i in range(5):
        c1(i)
        c2(1)
    print("counters", c1(0), c2(0))
    get, scaled = make_pair(n)
    print("pair", get(), scaled(3))
    box = Box(5)
    read = make_box_reader(box)
    print("box before", read())
    box.value = 42
    print("box after", read())
    mid = make_nested(n)
    inner = mid(2)
    print("nested", inner(3), make_nested(1)(2)(3))
    hello = make_greeter("Hello")
    hi = make_greeter("Hi", punct="?")
    print(hello("world"))
    print(hi("there"))
    print("sum_with", sum_with(10, n), sum_with(4, -2))
    fn = add_n
    if n > 100:
        fn = add_ten
    print("chosen closure", fn(0))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
