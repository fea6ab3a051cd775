# Module-level tables of tuples holding functions, prebuilt instances,
# classes and lists: an interpreter's builtin table, opcode table and
# operator precedence table, read in loops and through a dict.
import sys


class Op(object):
    def __init__(self, name, prec):
        self.name = name
        self.prec = prec


ADD = Op("add", 10)
MUL = Op("mul", 20)
NEG = Op("neg", 30)


def b_abs(args):
    return abs(args[0])


def b_max(args):
    return max(args)


def b_sum(args):
    return sum(args)


class Node(object):
    def __init__(self, v):
        self.v = v

    def show(self):
        return "node %d" % self.v


class Leaf(Node):
    def show(self):
        return "leaf %d" % self.v


BUILTINS = [("abs", b_abs, 1), ("max", b_max, -1), ("sum", b_sum, -1)]
OPS = [("+", ADD, [1, 2]), ("*", MUL, []), ("-", NEG, [3])]
BY_NAME = {"abs": (b_abs, 1), "sum": (b_sum, 0)}
KINDS = (("node", Node), ("leaf", Leaf))
PAIR = ("inc", b_sum, ADD, [7, 8])


def entry_point(argv):
    args = [3, -9, len(argv)]
    for name, fn, arity in BUILTINS:
        print(name, arity, fn(args))
    for sym, op, extra in OPS:
        print(sym, op.name, op.prec, extra, len(extra))
    fn, n = BY_NAME["sum"]
    print(fn(args), n, BY_NAME["abs"][0]([-4]))
    for kind, cls in KINDS:
        print(kind, cls(len(kind)).show())
    print(PAIR[0], PAIR[1](PAIR[3]), PAIR[2].name)
    best = OPS[0][1]
    for _, op, _ in OPS:
        if op.prec > best.prec:
            best = op
    print("highest", best.name)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
