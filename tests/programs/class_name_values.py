# type(x) and x.__class__ as values: their __name__ (what interpreters put
# in error messages), `is` against a class, nested classes (__name__ is
# the last part of the qualified name) and exception classes.
import sys


class W_Root(object):
    def typename(self):
        return self.__class__.__name__


class W_Int(W_Root):
    def __init__(self, v):
        self.v = v


class W_Str(W_Root):
    def __init__(self, s):
        self.s = s


class Outer(object):
    class Inner(W_Root):
        pass


class VMError(Exception):
    pass


class StackUnderflow(VMError):
    pass


def make(n):
    if n == 0:
        return W_Int(1)
    if n == 1:
        return W_Str("a")
    if n == 2:
        return Outer.Inner()
    return W_Root()


def check(n):
    if n == 1:
        raise StackUnderflow("empty stack")
    if n == 2:
        raise VMError("bad opcode")
    if n == 3:
        raise ValueError("plain")
    if n == 4:
        raise KeyError("k")
    return n


def entry_point(argv):
    for n in range(4):
        w = make(n)
        cls = type(w)
        print(n, w.typename(), type(w).__name__, cls.__name__, w.__class__.__name__,
              cls is W_Int, w.__class__ is W_Str, type(w) is type(make(n)), type(w) is not W_Root)
        print("unsupported operand type for +: '%s'" % type(w).__name__)
    for n in range(6):
        try:
            check(n)
        except Exception as e:
            print("caught %s: %s" % (type(e).__name__, e), e.__class__.__name__ == "VMError")
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
