# Lambda expressions: as sort keys, stored and called later, capturing
# locals and parameters (closures), with defaults, two on one line, a
# lambda returning a lambda, and module-level lambdas called as functions.
import sys

square = lambda x: x * x
pick = lambda a, b=10: a if a > b else b


def apply_twice(f, x):
    return f(f(x))


def make_scaler(k):
    return lambda x: x * k


def entry_point(argv):
    words = ["pear", "Fig", "apple", "kiwi", "Date"]
    print(sorted(words, key=lambda s: s.lower()))
    print(sorted(words, key=lambda s: (len(s), s), reverse=True))
    words.sort(key=lambda s: s[-1])
    print(words)
    n = len(argv) + 2
    add_n = lambda x: x + n
    print([add_n(i) for i in range(4)], square(7), pick(3), pick(30), pick(3, 1))
    inc, dec = (lambda x: x + 1), (lambda x: x - 1)
    print(inc(5), dec(5), apply_twice(make_scaler(3), 2), apply_twice(make_scaler(-1), 7))
    double = make_scaler(2)
    triple = make_scaler(3)
    print(double(21), triple(5))
    adder = lambda a: lambda b: a + b
    print(adder(40)(2))
    pairs = [(3, "c"), (1, "a"), (2, "b")]
    pairs.sort(key=lambda p: p[0])
    print(pairs, max(pairs, key=lambda p: p[1]), min([5, -7, 3], key=lambda v: v * v))
    defaulted = lambda x, y=5: x * y
    print(defaulted(2), defaulted(2, 3))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
