# Regressions found in review: __eq__ raising inside try, a generator that raised
# stays finished, a for over a call evaluates it once, int % 0's message,
# str(KeyError), an except-as name captured by a nested function.
import sys

class V(object):
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        if o.x < 0:
            raise KeyError("neg")
        return self.x == o.x

def gen(n):
    yield 1
    if n > 0:
        raise ValueError("boom")
    yield 2

def gen2(k):
    for i in range(k):
        yield i

def factory():
    print("factory called")
    return gen2

def f(n):
    try:
        if n > 0:
            raise ValueError("boom")
        return "none"
    except ValueError as e:
        def show():
            return "msg=" + str(e)
        return show()

class MissingKey(KeyError):
    def __init__(self, key, where):
        KeyError.__init__(self, key)
        self.where = where


def entry_point(argv):
    a = V(1)
    try:
        r = a == V(-1)
        print("no exception", r)
    except KeyError as e:
        print("caught eq", str(e))
    g = gen(1)
    print(next(g))
    try:
        next(g)
    except ValueError:
        print("caught")
    try:
        print("again", next(g))
    except StopIteration:
        print("stop")
    for x in factory()(2):
        print("x", x)
    try:
        x = (len(argv) - 1) % 0
    except ZeroDivisionError as e:
        print(str(e))
    print(str(KeyError("k")), str(MissingKey("name", 3)), str(KeyError(5)))
    print(f(1), f(0))
    return 0

def target(driver, args):
    return entry_point, None

if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
