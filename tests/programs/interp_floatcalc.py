# A float calculator language: number literals with exponents, unary
# minus, power, functions from math by name in a dict of function values,
# variables, and results printed the way Python prints floats.
import sys
import math


class CalcError(Exception):
    def __init__(self, msg):
        self.msg = msg


def fn_sqrt(x):
    if x < 0:
        raise CalcError("sqrt of negative number %r" % x)
    return math.sqrt(x)


def fn_log(x):
    if x <= 0:
        raise CalcError("log domain error")
    return math.log(x)


def fn_floor(x):
    return float(math.floor(x))


def fn_abs(x):
    return abs(x)


def fn_exp(x):
    return math.exp(x)


def fn_sin(x):
    return math.sin(x)


FUNCS = {"sqrt": fn_sqrt, "log": fn_log, "floor": fn_floor, "abs": fn_abs, "exp": fn_exp,
         "sin": fn_sin}


class Calc(object):
    def __init__(self, text, env):
        self.text = text.replace(" ", "")
        self.i = 0
        self.env = env

    def peek(self):
        if self.i < len(self.text):
            return self.text[self.i]
        return ""

    def number(self):
        start = self.i
        t = self.text
        while self.i < len(t) and (t[self.i].isdigit() or t[self.i] == "."):
            self.i += 1
        if self.i < len(t) and t[self.i] in "eE":
            self.i += 1
            if self.i < len(t) and t[self.i] in "+-":
                self.i += 1
            while self.i < len(t) and t[self.i].isdigit():
                self.i += 1
        try:
            return float(t[start:self.i])
        except ValueError:
            raise CalcError("bad number %s" % t[start:self.i])

    def atom(self):
        c = self.peek()
        if c == "(":
            self.i += 1
            v = self.expr()
            if self.peek() != ")":
                raise CalcError("expected )")
            self.i += 1
            return v
        if c == "-":
            self.i += 1
            return -self.power()
        if c.isdigit() or c == ".":
            return self.number()
        if c.isalpha():
            start = self.i
            while self.i < len(self.text) and self.text[self.i].isalnum():
                self.i += 1
            name = self.text[start:self.i]
            if self.peek() == "(":
                self.i += 1
                arg = self.expr()
                self.i += 1
                f = FUNCS.get(name, None)
                if f is None:
                    raise CalcError("unknown function %s" % name)
                return f(arg)
            if name not in self.env:
                raise CalcError("unknown variable %s" % name)
            return self.env[name]
        raise CalcError("unexpected %r at %d" % (c, self.i))

    def power(self):
        base = self.atom()
        if self.text.startswith("**", self.i):
            self.i += 2
            exp = self.power()
            try:
                return base ** exp
            except ZeroDivisionError:
                raise CalcError("zero to a negative power")
            except OverflowError:
                raise CalcError("overflow")
        return base

    def term(self):
        v = self.power()
        while self.peek() in ("*", "/", "%") and self.peek() != "" and not self.text.startswith("**", self.i):
            op = self.peek()
            self.i += 1
            r = self.power()
            try:
                if op == "*":
                    v = v * r
                elif op == "/":
                    v = v / r
                else:
                    v = v % r
            except ZeroDivisionError as e:
                raise CalcError("ZeroDivisionError: %s" % e)
        return v

    def expr(self):
        v = self.term()
        while self.peek() in ("+", "-") and self.peek() != "":
            op = self.peek()
            self.i += 1
            r = self.term()
            v = v + r if op == "+" else v - r
        return v


LINES = ["1 + 2 * 3", "1.5e3 / 7", "2 ** 0.5", "-2 ** 2", "10 % 3.5", "-7.5 % 2",
         "sqrt(2) * sqrt(2)", "log(0)", "x * y - z", "1 / 3 + 1 / 3 + 1 / 3",
         "0.1 + 0.2", "1e308 * 10", "-(1e308 * 10)", "2 ** 1024", "0 ** -1", "1 / 0",
         "floor(-2.5) + abs(-0.0)", "exp(710)", "1e-320 / 1e10", "sin(3.141592653589793)",
         "123456789012345678.0", "1e16 + 1", "5 % 0", "3 +", "2 @ 3", "nope(1)", "q",
         "1..2", "100000000000000000000.0 / 3"]


def fmt(v):
    return "%r | %s | %.3f | %g | %e | %s | %s" % (v, v, v, v, v, format(v, ".2%") if abs(v) < 1e300 else "big",
                                                  round(v, 2) if abs(v) < 1e300 else -1.0)


def entry_point(argv):
    env = {"x": 2.5, "y": 4.0, "z": 0.25}
    for line in LINES:
        try:
            v = Calc(line, env).expr()
            print("%-28s = %s" % (line, fmt(v)))
        except CalcError as e:
            print("%-28s ! %s" % (line, e.msg))
        except OverflowError as e:
            print("%-28s ! OverflowError %s" % (line, e))
    vals = [float(i) / 8 for i in range(-4, 5)]
    print(vals, sum(vals), max(vals), min(vals), sorted(vals, key=abs)[:3])
    print([round(v) for v in vals], [int(v) for v in vals], [v.is_integer() for v in vals[:3]])
    print(float("inf"), -float("inf"), float("nan") != float("nan"), 1e-7, 1e21, 1.0e20, 12345678.9)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
