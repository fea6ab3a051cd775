# A small Lisp: reader (tokenizer over a str with an index), symbols interned
# in a dict, cons cells, special forms, closures with environments in
# linked frames, builtins in a table of functions, errors with payloads.
import sys
from rpython.rlib.rstring import StringBuilder
from rpython.rlib.objectmodel import compute_identity_hash


class W_Obj(object):
    def to_str(self):
        return "#<obj>"

    def is_true(self):
        return True

    def eq(self, other):
        return self is other


class W_Nil(W_Obj):
    def to_str(self):
        return "()"

    def is_true(self):
        return False


w_nil = W_Nil()


class W_Bool(W_Obj):
    def __init__(self, b):
        self.b = b

    def to_str(self):
        return "#t" if self.b else "#f"

    def is_true(self):
        return self.b


w_true = W_Bool(True)
w_false = W_Bool(False)


class W_Int(W_Obj):
    def __init__(self, v):
        self.v = v

    def to_str(self):
        return str(self.v)

    def eq(self, other):
        return isinstance(other, W_Int) and other.v == self.v


class W_Str(W_Obj):
    def __init__(self, s):
        self.s = s

    def to_str(self):
        b = StringBuilder()
        b.append('"')
        for c in self.s:
            if c == '"' or c == "\\":
                b.append("\\")
                b.append(c)
            elif c == "\n":
                b.append("\\n")
            else:
                b.append(c)
        b.append('"')
        return b.build()

    def eq(self, other):
        return isinstance(other, W_Str) and other.s == self.s


class W_Symbol(W_Obj):
    def __init__(self, name):
        self.name = name

    def to_str(self):
        return self.name


class W_Pair(W_Obj):
    def __init__(self, car, cdr):
        self.car = car
        self.cdr = cdr

    def to_str(self):
        parts = []
        w = self
        while isinstance(w, W_Pair):
            parts.append(w.car.to_str())
            w = w.cdr
        if w is not w_nil:
            parts.append(".")
            parts.append(w.to_str())
        return "(" + " ".join(parts) + ")"


class W_Lambda(W_Obj):
    def __init__(self, params, body, env, name="lambda"):
        self.params = params
        self.body = body
        self.env = env
        self.name = name

    def to_str(self):
        return "#<procedure %s>" % self.name


class W_Builtin(W_Obj):
    def __init__(self, name, fn, arity):
        self.name = name
        self.fn = fn
        self.arity = arity

    def to_str(self):
        return "#<builtin %s/%d>" % (self.name, self.arity)


class SchemeError(Exception):
    def __init__(self, msg, w_irritant=None):
        self.msg = msg
        self.w_irritant = w_irritant

    def describe(self):
        if self.w_irritant is not None:
            return "%s: %s" % (self.msg, self.w_irritant.to_str())
        return self.msg


class UnboundError(SchemeError):
    pass


class ArityError(SchemeError):
    def __init__(self, name, expected, got):
        SchemeError.__init__(self, "%s expects %d args, got %d" % (name, expected, got))
        self.expected = expected


symtab = {}


def intern(name):
    w = symtab.get(name, None)
    if w is None:
        w = W_Symbol(name)
        symtab[name] = w
    return w


S_QUOTE = intern("quote")
S_IF = intern("if")
S_DEFINE = intern("define")
S_LAMBDA = intern("lambda")
S_BEGIN = intern("begin")
S_LET = intern("let")
S_SET = intern("set!")


class Reader(object):
    def __init__(self, src):
        self.src = src
        self.pos = 0

    def skip(self):
        while self.pos < len(self.src):
            c = self.src[self.pos]
            if c == ";":
                nl = self.src.find("\n", self.pos)
                self.pos = len(self.src) if nl == -1 else nl + 1
            elif c.isspace():
                self.pos += 1
            else:
                break

    def at_end(self):
        self.skip()
        return self.pos >= len(self.src)

    def read(self):
        self.skip()
        if self.pos >= len(self.src):
            raise SchemeError("unexpected end of input")
        c = self.src[self.pos]
        if c == "(":
            self.pos += 1
            items = []
            while True:
                self.skip()
                if self.pos >= len(self.src):
                    raise SchemeError("unclosed list")
                if self.src[self.pos] == ")":
                    self.pos += 1
                    break
                items.append(self.read())
            w = w_nil
            for item in reversed(items):
                w = W_Pair(item, w)
            return w
        if c == ")":
            raise SchemeError("unexpected ) at %d" % self.pos)
        if c == "'":
            self.pos += 1
            return W_Pair(S_QUOTE, W_Pair(self.read(), w_nil))
        if c == '"':
            end = self.pos + 1
            chars = []
            while end < len(self.src) and self.src[end] != '"':
                if self.src[end] == "\\" and end + 1 < len(self.src):
                    end += 1
                    chars.append({"n": "\n", "t": "\t"}.get(self.src[end], self.src[end]))
                else:
                    chars.append(self.src[end])
                end += 1
            self.pos = end + 1
            return W_Str("".join(chars))
        start = self.pos
        while self.pos < len(self.src) and not self.src[self.pos].isspace() and self.src[self.pos] not in "()'":
            self.pos += 1
        tok = self.src[start:self.pos]
        if tok == "#t":
            return w_true
        if tok == "#f":
            return w_false
        if tok.lstrip("-").isdigit() and tok != "-":
            return W_Int(int(tok))
        return intern(tok.lower())


class Env(object):
    def __init__(self, parent):
        self.parent = parent
        self.bindings = {}

    def lookup(self, w_sym):
        env = self
        while env is not None:
            w = env.bindings.get(w_sym, None)
            if w is not None:
                return w
            env = env.parent
        raise UnboundError("unbound variable", w_sym)

    def set(self, w_sym, w_val):
        env = self
        while env is not None:
            if w_sym in env.bindings:
                env.bindings[w_sym] = w_val
                return
            env = env.parent
        raise UnboundError("set! of unbound variable", w_sym)


def list_to_array(w):
    out = []
    while isinstance(w, W_Pair):
        out.append(w.car)
        w = w.cdr
    if w is not w_nil:
        raise SchemeError("improper list")
    return out


def evaluate(w_x, env):
    while True:
        if isinstance(w_x, W_Symbol):
            return env.lookup(w_x)
        if not isinstance(w_x, W_Pair):
            return w_x
        w_op = w_x.car
        args = list_to_array(w_x.cdr)
        if w_op is S_QUOTE:
            return args[0]
        if w_op is S_IF:
            if evaluate(args[0], env).is_true():
                w_x = args[1]
            elif len(args) > 2:
                w_x = args[2]
            else:
                return w_nil
            continue
        if w_op is S_DEFINE:
            target = args[0]
            if isinstance(target, W_Pair):
                assert isinstance(target.car, W_Symbol)
                name = target.car
                fn = W_Lambda(list_to_array(target.cdr), args[1:], env, name.name)
                env.bindings[name] = fn
            else:
                env.bindings[target] = evaluate(args[1], env)
            return w_nil
        if w_op is S_SET:
            env.set(args[0], evaluate(args[1], env))
            return w_nil
        if w_op is S_LAMBDA:
            return W_Lambda(list_to_array(args[0]), args[1:], env)
        if w_op is S_BEGIN:
            for a in args[:-1]:
                evaluate(a, env)
            w_x = args[-1]
            continue
        if w_op is S_LET:
            inner = Env(env)
            for binding in list_to_array(args[0]):
                pair = list_to_array(binding)
                inner.bindings[pair[0]] = evaluate(pair[1], env)
            for a in args[1:-1]:
                evaluate(a, inner)
            w_x = args[-1]
            env = inner
            continue
        w_fn = evaluate(w_op, env)
        vals = [evaluate(a, env) for a in args]
        if isinstance(w_fn, W_Builtin):
            if w_fn.arity >= 0 and w_fn.arity != len(vals):
                raise ArityError(w_fn.name, w_fn.arity, len(vals))
            return w_fn.fn(vals)
        if isinstance(w_fn, W_Lambda):
            if len(w_fn.params) != len(vals):
                raise ArityError(w_fn.name, len(w_fn.params), len(vals))
            inner = Env(w_fn.env)
            for i in range(len(vals)):
                inner.bindings[w_fn.params[i]] = vals[i]
            for a in w_fn.body[:-1]:
                evaluate(a, inner)
            w_x = w_fn.body[-1]
            env = inner
            continue
        raise SchemeError("not a procedure", w_fn)


def need_int(w):
    if not isinstance(w, W_Int):
        raise SchemeError("not an integer", w)
    return w.v


def b_add(args):
    total = 0
    for w in args:
        total += need_int(w)
    return W_Int(total)


def b_sub(args):
    if len(args) == 1:
        return W_Int(-need_int(args[0]))
    r = need_int(args[0])
    for w in args[1:]:
        r -= need_int(w)
    return W_Int(r)


def b_mul(args):
    r = 1
    for w in args:
        r *= need_int(w)
    return W_Int(r)


def b_quotient(args):
    d = need_int(args[1])
    if d == 0:
        raise SchemeError("division by zero", args[0])
    return W_Int(need_int(args[0]) // d)


def b_lt(args):
    return w_true if need_int(args[0]) < need_int(args[1]) else w_false


def b_eq(args):
    return w_true if args[0].eq(args[1]) else w_false


def b_cons(args):
    return W_Pair(args[0], args[1])


def b_car(args):
    w = args[0]
    if not isinstance(w, W_Pair):
        raise SchemeError("car of non-pair", w)
    return w.car


def b_cdr(args):
    w = args[0]
    if not isinstance(w, W_Pair):
        raise SchemeError("cdr of non-pair", w)
    return w.cdr


def b_nullp(args):
    return w_true if args[0] is w_nil else w_false


def b_display(args):
    w = args[0]
    if isinstance(w, W_Str):
        print(w.s)
    else:
        print(w.to_str())
    return w_nil


def b_list(args):
    w = w_nil
    for item in reversed(args):
        w = W_Pair(item, w)
    return w


def b_strappend(args):
    parts = []
    for w in args:
        if not isinstance(w, W_Str):
            raise SchemeError("string-append: not a string", w)
        parts.append(w.s)
    return W_Str("".join(parts))


def b_numtostr(args):
    return W_Str(str(need_int(args[0])))


BUILTINS = [("+", b_add, -1), ("-", b_sub, -1), ("*", b_mul, -1),
            ("quotient", b_quotient, 2), ("<", b_lt, 2), ("eq?", b_eq, 2),
            ("cons", b_cons, 2), ("car", b_car, 1), ("cdr", b_cdr, 1),
            ("null?", b_nullp, 1), ("display", b_display, 1), ("list", b_list, -1),
            ("string-append", b_strappend, -1), ("number->string", b_numtostr, 1)]


def make_global():
    env = Env(None)
    for name, fn, arity in BUILTINS:
        env.bindings[intern(name)] = W_Builtin(name, fn, arity)
    return env


PROGRAM = """
; comments are skipped
(define (fact n) (if (< n 2) 1 (* n (fact (- n 1)))))
(display (fact 20))
(define (loop i acc) (if (< i 1) acc (loop (- i 1) (+ acc i))))
(display (loop 10000 0))
(define (map f xs) (if (null? xs) '() (cons (f (car xs)) (map f (cdr xs)))))
(display (map (lambda (x) (* x x)) (list 1 2 3 4 5)))
(define counter (let ((n 0)) (lambda () (set! n (+ n 1)) n)))
(counter) (counter)
(display (counter))
(display (cons 1 2))
(display '(a (b "c\\"d") . e))
(display "tab\\there")
(display (string-append "n=" (number->string (quotient -7 2))))
(display (eq? 'abc 'ABC))
(display map)
(display car)
(begin (display "x") (display "y"))
"""

ERRORS = ["(car 5)", "(undefined-fn 1)", "(quotient 1 0)", "((lambda (x) x))",
          "(car 1 2)", "(1 2)", "(+ 1 \"a\")", "(set! zz 1)", "(display", ")"]


def entry_point(argv):
    env = make_global()
    r = Reader(PROGRAM)
    while not r.at_end():
        w = evaluate(r.read(), env)
        if w is not w_nil:
            print("=>", w.to_str())
    for src in ERRORS:
        try:
            evaluate(Reader(src).read(), env)
        except ArityError as e:
            print("arity:", e.describe(), e.expected)
        except UnboundError as e:
            print("unbound:", e.describe())
        except SchemeError as e:
            print("error:", e.describe(), e.w_irritant is None)
    print(len(symtab), sorted(symtab.keys())[:5])
    h1 = compute_identity_hash(intern("car"))
    print(h1 == compute_identity_hash(intern("car")))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
