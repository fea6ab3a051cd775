# A packrat (memoizing) PEG parser for arithmetic with a memo dict keyed by
# (rule, position) tuples, parse results as small classes, a pretty
# printer built with StringBuilder (append_slice, append_multiple_char)
# and error reporting with a caret under the failing column.
import sys
from rpython.rlib.rstring import StringBuilder


class Result(object):
    def __init__(self, pos, value, text):
        self.pos = pos
        self.value = value
        self.text = text


FAIL = Result(-1, 0, "")


class Parser(object):
    def __init__(self, src):
        self.src = src
        self.memo = {}
        self.hits = 0
        self.furthest = 0

    def skip(self, pos):
        while pos < len(self.src) and self.src[pos] == " ":
            pos += 1
        return pos

    def lit(self, pos, s):
        pos = self.skip(pos)
        if self.src.startswith(s, pos):
            return pos + len(s)
        self.furthest = max(self.furthest, pos)
        return -1

    def rule(self, name, pos):
        key = (name, pos)
        r = self.memo.get(key, None)
        if r is not None:
            self.hits += 1
            return r
        if name == "expr":
            r = self.expr(pos)
        elif name == "term":
            r = self.term(pos)
        elif name == "factor":
            r = self.factor(pos)
        else:
            r = self.number(pos)
        self.memo[key] = r
        return r

    def expr(self, pos):
        left = self.rule("term", pos)
        if left is FAIL:
            return FAIL
        for op in ("+", "-"):
            p = self.lit(left.pos, op)
            if p >= 0:
                right = self.rule("expr", p)
                if right is not FAIL:
                    v = left.value + right.value if op == "+" else left.value - right.value
                    return Result(right.pos, v, "(%s %s %s)" % (left.text, op, right.text))
        return left

    def term(self, pos):
        left = self.rule("factor", pos)
        if left is FAIL:
            return FAIL
        for op in ("*", "/"):
            p = self.lit(left.pos, op)
            if p >= 0:
                right = self.rule("term", p)
                if right is not FAIL:
                    if op == "*":
                        v = left.value * right.value
                    elif right.value == 0:
                        return FAIL
                    else:
                        v = left.value // right.value
                    return Result(right.pos, v, "(%s %s %s)" % (left.text, op, right.text))
        return left

    def factor(self, pos):
        p = self.lit(pos, "(")
        if p >= 0:
            inner = self.rule("expr", p)
            if inner is not FAIL:
                q = self.lit(inner.pos, ")")
                if q >= 0:
                    return Result(q, inner.value, inner.text)
            return FAIL
        return self.rule("number", pos)

    def number(self, pos):
        pos = self.skip(pos)
        end = pos
        while end < len(self.src) and self.src[end].isdigit():
            end += 1
        if end == pos:
            self.furthest = max(self.furthest, pos)
            return FAIL
        return Result(end, int(self.src[pos:end]), self.src[pos:end])


def report(src, col, msg):
    b = StringBuilder()
    b.append("error: ")
    b.append(msg)
    b.append("\n  ")
    b.append_slice(src, 0, len(src))
    b.append("\n  ")
    b.append_multiple_char(" ", col)
    b.append("^")
    return b.build()


def entry_point(argv):
    for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 * (3 + 4) * 5 - 6 / 2", "((7))", "8 / (4 - 4)",
                "1 + * 2", "(1 + 2", "12 34", ""]:
        p = Parser(src)
        r = p.rule("expr", 0)
        end = p.skip(r.pos) if r is not FAIL else -1
        if r is FAIL or end != len(src):
            col = max(p.furthest, end)
            print(report(src, col, "unexpected input at column %d" % col))
        else:
            print("%-26s => %-40s = %d  (memo %d, hits %d)" % (src, r.text, r.value, len(p.memo), p.hits))
    keys = sorted(Parser("1+2").memo.keys())
    p = Parser("(1+2)*3")
    p.rule("expr", 0)
    print(sorted(p.memo.keys())[:6], keys)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
