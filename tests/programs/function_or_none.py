# A table of functions looked up with get(name, None): a function pointer
# that may be None, tested with `is None`, `is not None` and truth, called
# after the test, stored in an instance and passed around.
import sys


def op_neg(x):
    return -x


def op_double(x):
    return x * 2


def op_square(x):
    return x * x


UNARY = {"neg": op_neg, "double": op_double, "square": op_square}
ONLY = {"inc": op_neg}


class Handler(object):
    def __init__(self, name, fn):
        self.name = name
        self.fn = fn

    def run(self, x):
        if self.fn is None:
            return "no handler for %s" % self.name
        return "%s(%d) = %d" % (self.name, x, self.fn(x))


def apply(name, x):
    f = UNARY.get(name, None)
    if f is None:
        return "unknown " + name
    return str(f(x))


def apply_truth(name, x):
    f = UNARY.get(name, None)
    if f:
        return f(x)
    return -1


def single(name):
    g = ONLY.get(name, None)
    if g is not None:
        return g(5)
    return 0


def entry_point(argv):
    n = len(argv) + 6
    for name in ["neg", "double", "square", "cube"]:
        print(apply(name, n), apply_truth(name, n), Handler(name, UNARY.get(name, None)).run(n))
    print(single("inc"), single("dec"))
    fns = [UNARY.get(k, None) for k in ["neg", "nope", "square"]]
    print(len([f for f in fns if f is not None]), [f(3) for f in fns if f is not None])
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
