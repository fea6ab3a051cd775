# A tokenizer, recursive-descent parser and tree-walking evaluator for a
# small expression language with let-bindings, functions and errors.
import sys

KEYWORDS = {"let": "LET", "in": "IN", "fun": "FUN", "if": "IF",
            "then": "THEN", "else": "ELSE", "print": "PRINT"}
PUNCT = "+-*/%()=<>,;"


class Token(object):
    def __init__(self, kind, text, pos):
        self.kind = kind
        self.text = text
        self.pos = pos

    def __repr__(self):
        return "Token(%s, %r, %d)" % (self.kind, self.text, self.pos)


class LangError(Exception):
    def __init__(self, msg, pos=-1):
        self.msg = msg
        self.pos = pos

    def __str__(self):
        if self.pos >= 0:
            return "%s at %d" % (self.msg, self.pos)
        return self.msg


class ParseError(LangError):
    pass


class RuntimeErr(LangError):
    kind = "runtime"


class DivZero(RuntimeErr):
    kind = "div"


def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(Token("NUM", src[i:j], i))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(Token(KEYWORDS.get(word, "ID"), word, i))
            i = j
        elif c == '"':
            j = src.find('"', i + 1)
            if j < 0:
                raise ParseError("unterminated string", i)
            tokens.append(Token("STR", src[i + 1:j], i))
            i = j + 1
        elif c in PUNCT:
            if c == "=" and i + 1 < n and src[i + 1] == "=":
                tokens.append(Token("OP", "==", i))
                i += 2
            else:
                tokens.append(Token("OP", c, i))
                i += 1
        else:
            raise ParseError("bad character %r (ord %d)" % (c, ord(c)), i)
    tokens.append(Token("EOF", "", n))
    return tokens


class Value(object):
    def str(self):
        return "?"

    def truthy(self):
        return True


class IntV(Value):
    def __init__(self, v):
        self.v = v

    def str(self):
        return str(self.v)

    def truthy(self):
        return self.v != 0


class StrV(Value):
    def __init__(self, s):
        self.s = s

    def str(self):
        return self.s

    def truthy(self):
        return len(self.s) > 0


class FunV(Value):
    def __init__(self, params, body, env):
        self.params = params
        self.body = body
        self.env = env

    def str(self):
        return "<fun/%d>" % len(self.params)


class Node(object):
    def eval(self, env):
        raise NotImplementedError

    def dump(self):
        return "?"


class Num(Node):
    def __init__(self, v):
        self.v = v

    def eval(self, env):
        return IntV(self.v)

    def dump(self):
        return str(self.v)


class Str(Node):
    def __init__(self, s):
        self.s = s

    def eval(self, env):
        return StrV(self.s)

    def dump(self):
        return repr(self.s)


class Var(Node):
    def __init__(self, name, pos):
        self.name = name
        self.pos = pos

    def eval(self, env):
        e = env
        while e is not None:
            if self.name in e.vars:
                return e.vars[self.name]
            e = e.parent
        raise RuntimeErr("unbound variable '%s'" % self.name, self.pos)

    def dump(self):
        return self.name


class BinOp(Node):
    def __init__(self, op, left, right, pos):
        self.op = op
        self.left = left
        self.right = right
        self.pos = pos

    def eval(self, env):
        l = self.left.eval(env)
        r = self.right.eval(env)
        if isinstance(l, IntV) and isinstance(r, IntV):
            a = l.v
            b = r.v
            if self.op == "+":
                return IntV(a + b)
            elif self.op == "-":
                return IntV(a - b)
            elif self.op == "*":
                return IntV(a * b)
            elif self.op == "/":
                if b == 0:
                    raise DivZero("division by zero", self.pos)
                return IntV(a // b)
            elif self.op == "%":
                if b == 0:
                    raise DivZero("modulo by zero", self.pos)
                return IntV(a % b)
            elif self.op == "<":
                return IntV(int(a < b))
            elif self.op == ">":
                return IntV(int(a > b))
            elif self.op == "==":
                return IntV(int(a == b))
        if isinstance(l, StrV) and self.op == "+":
            return StrV(l.s + r.str())
        if isinstance(l, StrV) and isinstance(r, IntV) and self.op == "*":
            return StrV(l.s * r.v)
        if self.op == "==":
            return IntV(int(l.str() == r.str()))
        raise RuntimeErr("bad operands for %s: %s, %s" % (
            self.op, l.__class__.__name__, r.__class__.__name__), self.pos)

    def dump(self):
        return "(%s %s %s)" % (self.left.dump(), self.op, self.right.dump())


class Let(Node):
    def __init__(self, name, value, body):
        self.name = name
        self.value = value
        self.body = body

    def eval(self, env):
        v = self.value.eval(env)
        inner = Env(env)
        inner.vars[self.name] = v
        return self.body.eval(inner)

    def dump(self):
        return "let %s = %s in %s" % (self.name, self.value.dump(),
                                       self.body.dump())


class If(Node):
    def __init__(self, cond, then, orelse):
        self.cond = cond
        self.then = then
        self.orelse = orelse

    def eval(self, env):
        if self.cond.eval(env).truthy():
            return self.then.eval(env)
        return self.orelse.eval(env)

    def dump(self):
        return "if %s then %s else %s" % (self.cond.dump(), self.then.dump(),
                                          self.orelse.dump())


class Fun(Node):
    def __init__(self, params, body):
        self.params = params
        self.body = body

    def eval(self, env):
        return FunV(self.params, self.body, env)

    def dump(self):
        return "fun(%s) %s" % (", ".join(self.params), self.body.dump())


class Call(Node):
    def __init__(self, fn, args, pos):
        self.fn = fn
        self.args = args
        self.pos = pos

    def eval(self, env):
        f = self.fn.eval(env)
        if not isinstance(f, FunV):
            raise RuntimeErr("not callable: %s" % f.str(), self.pos)
        if len(f.params) != len(self.args):
            raise RuntimeErr("expected %d args, got %d" % (
                len(f.params), len(self.args)), self.pos)
        inner = Env(f.env)
        for i in range(len(self.args)):
            inner.vars[f.params[i]] = self.args[i].eval(env)
        return f.body.eval(inner)

    def dump(self):
        return "%s(%s)" % (self.fn.dump(),
                           ", ".join([a.dump() for a in self.args]))


class Print(Node):
    def __init__(self, e):
        self.e = e

    def eval(self, env):
        v = self.e.eval(env)
        print("out:", v.str())
        return v

    def dump(self):
        return "print " + self.e.dump()


class Env(object):
    def __init__(self, parent):
        self.parent = parent
        self.vars = {}


PREC = {"==": 1, "<": 1, ">": 1, "+": 2, "-": 2, "*": 3, "/": 3, "%": 3}


class Parser(object):
    def __init__(self, tokens):
        self.tokens = tokens
        self.i = 0

    def peek(self):
        return self.tokens[self.i]

    def advance(self):
        t = self.tokens[self.i]
        self.i += 1
        return t

    def expect(self, kind, text=""):
        t = self.advance()
        if t.kind != kind or (text and t.text != text):
            want = text or kind
            raise ParseError("expected %s, got %s" % (want, t.text or t.kind),
                             t.pos)
        return t

    def parse_expr(self):
        t = self.peek()
        if t.kind == "LET":
            self.advance()
            name = self.expect("ID").text
            self.expect("OP", "=")
            value = self.parse_expr()
            self.expect("IN")
            return Let(name, value, self.parse_expr())
        if t.kind == "IF":
            self.advance()
            c = self.parse_expr()
            self.expect("THEN")
            a = self.parse_expr()
            self.expect("ELSE")
            return If(c, a, self.parse_expr())
        if t.kind == "FUN":
            self.advance()
            self.expect("OP", "(")
            params = []
            while self.peek().text != ")":
                params.append(self.expect("ID").text)
                if self.peek().text == ",":
                    self.advance()
            self.expect("OP", ")")
            return Fun(params, self.parse_expr())
        if t.kind == "PRINT":
            self.advance()
            return Print(self.parse_expr())
        return self.parse_binary(0)

    def parse_binary(self, minprec):
        left = self.parse_call()
        while True:
            t = self.peek()
            if t.kind != "OP" or t.text not in PREC:
                break
            prec = PREC[t.text]
            if prec <= minprec:
                break
            self.advance()
            right = self.parse_binary(prec)
            left = BinOp(t.text, left, right, t.pos)
        return left

    def parse_call(self):
        e = self.parse_atom()
        while self.peek().text == "(":
            pos = self.advance().pos
            args = []
            while self.peek().text != ")":
                args.append(self.parse_expr())
                if self.peek().text == ",":
                    self.advance()
                elif self.peek().text != ")":
                    raise ParseError("expected , or )", self.peek().pos)
            self.advance()
            e = Call(e, args, pos)
        return e

    def parse_atom(self):
        t = self.advance()
        if t.kind == "NUM":
            return Num(int(t.text))
        if t.kind == "STR":
            return Str(t.text)
        if t.kind == "ID":
            return Var(t.text, t.pos)
        if t.kind == "OP" and t.text == "(":
            e = self.parse_expr()
            self.expect("OP", ")")
            return e
        if t.kind == "OP" and t.text == "-":
            return BinOp("-", Num(0), self.parse_atom(), t.pos)
        raise ParseError("unexpected %s" % (t.text or t.kind), t.pos)


PROGRAMS = [
    "1 + 2 * 3",
    "(1 + 2) * 3 - -4",
    "let x = 5 in x * x + 1",
    "let f = fun(a, b) a * 10 + b in f(3, 4) + f(1, 2)",
    "let fact = fun(n, self) if n < 2 then 1 else n * self(n - 1, self) in fact(20, fact)",
    '"ab" * 3 + "!" + 42',
    'print "hello" + " " + "world"',
    "let x = 7 in x / (x - 7)",
    "10 % 0",
    "y + 1",
    "let g = 3 in g(1)",
    "let h = fun(a) a in h(1, 2)",
    "1 + ",
    "let = 4",
    '"oops',
    "3 $ 4",
    '"a" - 1',
    "if 0 then 1 else if 1 then 22 else 33",
    "-7 / 2 + -7 % 3",
    "fun(x, y) x + y",
]


def run(src):
    try:
        tokens = tokenize(src)
        tree = Parser(tokens).parse_expr()
        print("ast:", tree.dump())
        v = tree.eval(Env(None))
        print("=>", v.str())
    except DivZero as e:
        print("div error [%s]:" % e.kind, str(e))
    except RuntimeErr as e:
        print("runtime error [%s]: %s" % (e.kind, e))
    except ParseError as e:
        print("parse error:", e, "| msg=%r pos=%d" % (e.msg, e.pos))
    finally:
        print("--")


def entry_point(argv):
    for src in PROGRAMS:
        run(src)
    toks = tokenize("let x = 12 in x")
    print(toks[0], toks[-2])
    print([t.kind for t in toks])
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
