# A small AST-walking interpreter, written in the object subset of
# RPython-3 (classes, virtual methods, exceptions, prebuilt instances; no
# lists or dicts):
#
#   ./translate.py examples/targetminilang.py && ./minilang-c 20
#
# The language has integers and booleans, let, if, <, ==, + - *, and calls
# to a fixed table of functions.  Programs are built with constructors below
# (there is no parser); environments are linked Env instances.  Prints
# fib(n), fact(n) and a sum of squares computed by interpreted code, for
# n = argv[1] (default 20).  fact() beyond 20 overflows 64 bits: the
# interpreter reports it (ovfcheck) instead of wrapping.
# bench-args: 25
import sys

from rpython.rlib.rarithmetic import ovfcheck


class MiniError(Exception):
    def __init__(self, msg):
        self.msg = msg


# ---- values -------------------------------------------------------------

class W_Value(object):
    def as_int(self):
        raise MiniError("expected an integer, got " + self.show())

    def is_true(self):
        raise MiniError("expected a boolean, got " + self.show())

    def show(self):
        return "?"

    def equals(self, other):
        return other is self      # W_TRUE and W_FALSE are prebuilt singletons


class W_Int(W_Value):
    _immutable_fields_ = ["value"]

    def __init__(self, value):
        self.value = value

    def as_int(self):
        return self.value

    def show(self):
        return str(self.value)

    def equals(self, other):
        return isinstance(other, W_Int) and other.value == self.value


class W_Bool(W_Value):
    _immutable_fields_ = ["value"]

    def __init__(self, value):
        self.value = value

    def is_true(self):
        return self.value

    def show(self):
        if self.value:
            return "true"
        return "false"


W_TRUE = W_Bool(True)
W_FALSE = W_Bool(False)


def wrap_bool(b):
    if b:
        return W_TRUE
    return W_FALSE


# ---- environments and the function table ------------------------------

class Env(object):
    def __init__(self, name, value, parent):
        self.name = name
        self.value = value
        self.parent = parent

    def lookup(self, name):
        env = self
        while env is not None:
            if env.name == name:
                return env.value
            env = env.parent
        raise MiniError("unbound variable " + name)


class Func(object):
    """A function of the table: name, two parameters (p2 may be ""), body."""

    def __init__(self, name, p1, p2, body, next):
        self.name = name
        self.p1 = p1
        self.p2 = p2
        self.body = body
        self.next = next


class Interp(object):
    def __init__(self, functions):
        self.functions = functions
        self.calls = 0

    def find(self, name):
        f = self.functions
        while f is not None:
            if f.name == name:
                return f
            f = f.next
        raise MiniError("no function " + name)


# ---- nodes --------------------------------------------------------------

class Node(object):
    def eval(self, env, interp):
        raise NotImplementedError


class Num(Node):
    def __init__(self, value):
        self.w_value = W_Int(value)

    def eval(self, env, interp):
        return self.w_value


class Var(Node):
    def __init__(self, name):
        self.name = name

    def eval(self, env, interp):
        if env is None:
            raise MiniError("unbound variable " + self.name)
        return env.lookup(self.name)


class BinOp(Node):
    symbol = "?"

    def __init__(self, left, right):
        self.left = left
        self.right = right

    def eval(self, env, interp):
        w_a = self.left.eval(env, interp)
        w_b = self.right.eval(env, interp)
        try:
            return self.compute(w_a, w_b)
        except OverflowError:
            raise MiniError("integer overflow in " + self.symbol)

    def compute(self, w_a, w_b):
        raise NotImplementedError


class Add(BinOp):
    symbol = "+"

    def compute(self, w_a, w_b):
        return W_Int(ovfcheck(w_a.as_int() + w_b.as_int()))


class Sub(BinOp):
    symbol = "-"

    def compute(self, w_a, w_b):
        return W_Int(ovfcheck(w_a.as_int() - w_b.as_int()))


class Mul(BinOp):
    symbol = "*"

    def compute(self, w_a, w_b):
        return W_Int(ovfcheck(w_a.as_int() * w_b.as_int()))


class Lt(BinOp):
    symbol = "<"

    def compute(self, w_a, w_b):
        return wrap_bool(w_a.as_int() < w_b.as_int())


class Eq(BinOp):
    symbol = "=="

    def compute(self, w_a, w_b):
        return wrap_bool(w_a.equals(w_b))


class If(Node):
    def __init__(self, cond, then, orelse):
        self.cond = cond
        self.then = then
        self.orelse = orelse

    def eval(self, env, interp):
        if self.cond.eval(env, interp).is_true():
            return self.then.eval(env, interp)
        return self.orelse.eval(env, interp)


class Let(Node):
    def __init__(self, name, value, body):
        self.name = name
        self.value = value
        self.body = body

    def eval(self, env, interp):
        w_v = self.value.eval(env, interp)
        return self.body.eval(Env(self.name, w_v, env), interp)


class Call(Node):
    def __init__(self, name, arg1, arg2=None):
        self.name = name
        self.arg1 = arg1
        self.arg2 = arg2

    def eval(self, env, interp):
        f = interp.find(self.name)
        interp.calls += 1
        new_env = Env(f.p1, self.arg1.eval(env, interp), None)
        if self.arg2 is not None:
            new_env = Env(f.p2, self.arg2.eval(env, interp), new_env)
        return f.body.eval(new_env, interp)


# ---- the program ---------------------------------------------------------

def build_functions():
    n = Var("n")
    fib = Func("fib", "n", "",
               If(Lt(n, Num(2)), n,
                  Add(Call("fib", Sub(n, Num(1))), Call("fib", Sub(n, Num(2))))), None)
    fact = Func("fact", "n", "",
                If(Lt(n, Num(1)), Num(1), Mul(n, Call("fact", Sub(n, Num(1))))), fib)
    sumsq = Func("sumsq", "n", "acc",
                 If(Lt(n, Num(1)), Var("acc"),
                    Let("sq", Mul(n, n),
                        Call("sumsq", Sub(n, Num(1)), Add(Var("acc"), Var("sq"))))), fact)
    bad = Func("bad", "n", "", Add(n, Lt(n, Num(3))), sumsq)
    return bad


FUNCTIONS = build_functions()      # a prebuilt constant: static data


def run(interp, label, node):
    try:
        w_result = node.eval(None, interp)
        print(label, "=", w_result.show())
    except MiniError as e:
        print(label, "failed:", e.msg)


def entry_point(argv):
    n = 20
    if len(argv) > 1:
        n = int(argv[1])
    interp = Interp(FUNCTIONS)
    run(interp, "fib(" + str(n) + ")", Call("fib", Num(n)))
    run(interp, "fact(" + str(n) + ")", Call("fact", Num(n)))
    run(interp, "fact(25)", Call("fact", Num(25)))
    run(interp, "sumsq(" + str(n) + ")", Call("sumsq", Num(n), Num(0)))
    run(interp, "let", Let("x", Num(6), Let("y", Mul(Var("x"), Num(7)),
                                            If(Eq(Var("y"), Num(42)), Var("y"), Num(0)))))
    run(interp, "bad(1)", Call("bad", Num(1)))
    run(interp, "unbound", Add(Num(1), Var("z")))
    print("calls:", interp.calls)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
