# Frames, scopes and control flow of a small imperative language run by a
# tree walker: break/continue/return as exceptions, finally blocks that
# restore state, re-raise with modified fields, handlers chosen by class,
# generators over the program's statements and class-level opcode tables.
import sys


class Control(Exception):
    pass


class BreakEx(Control):
    pass


class ContinueEx(Control):
    pass


class ReturnEx(Control):
    def __init__(self, value):
        self.value = value


class LangError(Exception):
    def __init__(self, msg):
        self.msg = msg
        self.trace = []

    def add(self, where):
        self.trace.append(where)


class Scope(object):
    def __init__(self, parent, name):
        self.parent = parent
        self.name = name
        self.vars = {}
        self.depth = 0 if parent is None else parent.depth + 1

    def get(self, name):
        s = self
        while s is not None:
            if name in s.vars:
                return s.vars[name]
            s = s.parent
        raise LangError("undefined: " + name)

    def assign(self, name, value):
        s = self
        while s is not None:
            if name in s.vars:
                s.vars[name] = value
                return
            s = s.parent
        self.vars[name] = value


class Stmt(object):
    opname = "?"

    def run(self, interp, scope):
        raise NotImplementedError

    def children(self):
        return []


class Expr(object):
    def ev(self, scope):
        raise NotImplementedError


class Lit(Expr):
    def __init__(self, v):
        self.v = v

    def ev(self, scope):
        return self.v


class Name(Expr):
    def __init__(self, n):
        self.n = n

    def ev(self, scope):
        return scope.get(self.n)


class Bin(Expr):
    def __init__(self, op, a, b):
        self.op = op
        self.a = a
        self.b = b

    def ev(self, scope):
        x = self.a.ev(scope)
        y = self.b.ev(scope)
        if self.op == "+":
            return x + y
        if self.op == "-":
            return x - y
        if self.op == "*":
            return x * y
        if self.op == "<":
            return 1 if x < y else 0
        if self.op == "%":
            if y == 0:
                raise LangError("modulo by zero")
            return x % y
        if self.op == "==":
            return 1 if x == y else 0
        raise LangError("bad op " + self.op)


class CallE(Expr):
    def __init__(self, interp, fname, args):
        self.interp = interp
        self.fname = fname
        self.args = args

    def ev(self, scope):
        return self.interp.call(self.fname, [a.ev(scope) for a in self.args])


class Assign(Stmt):
    opname = "assign"

    def __init__(self, name, e):
        self.name = name
        self.e = e

    def run(self, interp, scope):
        scope.assign(self.name, self.e.ev(scope))


class Print(Stmt):
    opname = "print"

    def __init__(self, e):
        self.e = e

    def run(self, interp, scope):
        interp.out.append(str(self.e.ev(scope)))


class Block(Stmt):
    opname = "block"

    def __init__(self, body):
        self.body = body

    def run(self, interp, scope):
        for s in self.body:
            s.run(interp, scope)

    def children(self):
        return self.body


class While(Stmt):
    opname = "while"

    def __init__(self, cond, body):
        self.cond = cond
        self.body = body

    def run(self, interp, scope):
        while self.cond.ev(scope):
            try:
                self.body.run(interp, scope)
            except BreakEx:
                break
            except ContinueEx:
                continue

    def children(self):
        return [self.body]


class If(Stmt):
    opname = "if"

    def __init__(self, cond, then, orelse=None):
        self.cond = cond
        self.then = then
        self.orelse = orelse

    def run(self, interp, scope):
        if self.cond.ev(scope):
            self.then.run(interp, scope)
        elif self.orelse is not None:
            self.orelse.run(interp, scope)

    def children(self):
        if self.orelse is None:
            return [self.then]
        return [self.then, self.orelse]


class Break(Stmt):
    opname = "break"

    def run(self, interp, scope):
        raise BreakEx()


class Continue(Stmt):
    opname = "continue"

    def run(self, interp, scope):
        raise ContinueEx()


class Return(Stmt):
    opname = "return"

    def __init__(self, e):
        self.e = e

    def run(self, interp, scope):
        raise ReturnEx(self.e.ev(scope))


class Func(object):
    def __init__(self, name, params, body):
        self.name = name
        self.params = params
        self.body = body


class Interp(object):
    def __init__(self):
        self.funcs = {}
        self.out = []
        self.depth = 0
        self.max_depth = 0
        self.globals = Scope(None, "<module>")

    def call(self, fname, args):
        f = self.funcs.get(fname, None)
        if f is None:
            raise LangError("no function " + fname)
        if len(args) != len(f.params):
            raise LangError("%s() takes %d arguments (%d given)" % (fname, len(f.params), len(args)))
        scope = Scope(self.globals, fname)
        for i, p in enumerate(f.params):
            scope.vars[p] = args[i]
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        try:
            if self.depth > 50:
                raise LangError("recursion too deep")
            f.body.run(self, scope)
        except ReturnEx as r:
            return r.value
        except LangError as e:
            e.add("%s/%d" % (fname, scope.depth))
            raise
        finally:
            self.depth -= 1
        return 0


def walk(node, level):
    yield (level, node.opname)
    for c in node.children():
        for item in walk(c, level + 1):
            yield item


def build(interp):
    # fizz(n): counts multiples of 3 below n skipping 5s, stops at 40
    body = Block([
        Assign("i", Lit(0)), Assign("c", Lit(0)),
        While(Lit(1), Block([
            Assign("i", Bin("+", Name("i"), Lit(1))),
            If(Bin("<", Name("n"), Name("i")), Break()),
            If(Bin("==", Bin("%", Name("i"), Lit(5)), Lit(0)), Continue()),
            If(Bin("==", Bin("%", Name("i"), Lit(3)), Lit(0)),
               Block([Assign("c", Bin("+", Name("c"), Lit(1))), Print(Name("i"))])),
            If(Bin("<", Lit(40), Name("i")), Return(Bin("*", Name("c"), Lit(-1)))),
        ])),
        Return(Name("c")),
    ])
    interp.funcs["fizz"] = Func("fizz", ["n"], body)
    fact = Block([
        If(Bin("<", Name("n"), Lit(2)), Return(Lit(1))),
        Return(Bin("*", Name("n"), CallE(interp, "fact", [Bin("-", Name("n"), Lit(1))]))),
    ])
    interp.funcs["fact"] = Func("fact", ["n"], fact)
    bad = Block([Return(Bin("%", Name("n"), CallE(interp, "bad", [Bin("-", Name("n"), Lit(1))])))])
    interp.funcs["bad"] = Func("bad", ["n"], bad)
    interp.funcs["deep"] = Func("deep", ["n"], Block([Return(CallE(interp, "deep", [Name("n")]))]))
    interp.funcs["undef"] = Func("undef", [], Block([Print(Name("nope"))]))
    return body


def entry_point(argv):
    interp = Interp()
    body = build(interp)
    for n in [10, 30, 100]:
        interp.out = []
        r = interp.call("fizz", [n])
        print("fizz(%d) = %d:" % (n, r), " ".join(interp.out))
    print("fact", [interp.call("fact", [k]) for k in range(0, 21, 4)], interp.depth, interp.max_depth)
    for fname, args in [("bad", [3]), ("deep", [1]), ("undef", []), ("fact", [1, 2]), ("nofunc", [])]:
        try:
            interp.call(fname, args)
        except LangError as e:
            tr = e.trace
            if len(tr) > 4:
                tr = tr[:2] + ["..."] + tr[-2:]
            print("LangError:", e.msg, "<-", " <- ".join(tr), "depth", interp.depth)
    shapes = {}
    for level, name in walk(body, 0):
        shapes[name] = max(shapes.get(name, 0), level)
    print(sorted(shapes.items()), len(list(walk(body, 0))))
    print([(lv, nm) for lv, nm in walk(body, 0) if lv == 2][:4])
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
