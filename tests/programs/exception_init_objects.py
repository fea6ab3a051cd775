# User exceptions whose __init__ takes objects (a position, a wrapped value)
# rather than a message: with and without a call of Exception.__init__,
# with their own __str__, caught and uncaught.
import sys


class Pos(object):
    def __init__(self, line, col):
        self.line = line
        self.col = col

    def __repr__(self):
        return "Pos(%d, %d)" % (self.line, self.col)


class W_Value(object):
    def __init__(self, v):
        self.v = v


class OperationError(Exception):
    def __init__(self, w_type, w_value):
        self.w_type = w_type
        self.w_value = w_value

    def __str__(self):
        return "OperationError(%d, %d)" % (self.w_type.v, self.w_value.v)


class SyntaxErr(Exception):
    def __init__(self, msg, pos):
        Exception.__init__(self, msg)
        self.pos = pos


class Located(SyntaxErr):
    def __init__(self, msg, pos):
        SyntaxErr.__init__(self, "%s at %d:%d" % (msg, pos.line, pos.col), pos)


class Quiet(Exception):
    def __init__(self, code):
        self.code = code


def fail(n):
    if n == 0:
        raise OperationError(W_Value(1), W_Value(2))
    if n == 1:
        raise SyntaxErr("unexpected token", Pos(3, 4))
    if n == 2:
        raise Located("bad indent", Pos(5, 6))
    if n == 3:
        raise Quiet(42)
    return n


def entry_point(argv):
    for n in range(5):
        try:
            print("ok", fail(n))
        except OperationError as e:
            print("operr", str(e), e.w_value.v)
        except SyntaxErr as e:
            print("syntax", str(e), e.pos)
        except Quiet as e:
            print("quiet", e.code, repr(str(e)))
    raise Located("at the end", Pos(len(argv), 9))


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
