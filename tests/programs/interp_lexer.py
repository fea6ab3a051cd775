# A table-driven lexer for a C-like language: operator tables, keyword sets,
# number literals in several bases, string escapes, line/column tracking and
# error recovery, then a pretty-printer of the token stream.
import sys

KEYWORDS = set(["if", "else", "while", "return", "fn", "var", "true", "false", "nil"])
OPERATORS = ["<<=", ">>=", "==", "!=", "<=", ">=", "&&", "||", "<<", ">>", "->", "+=", "-=",
             "+", "-", "*", "/", "%", "<", ">", "=", "!", "&", "|", "^", "~",
             "(", ")", "{", "}", "[", "]", ",", ";", ".", ":"]
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "0": "\x00"}


class Tok(object):
    def __init__(self, kind, value, line, col):
        self.kind = kind
        self.value = value
        self.line = line
        self.col = col
        self.ival = 0

    def __repr__(self):
        if self.kind == "int":
            return "%s(%d)@%d:%d" % (self.kind, self.ival, self.line, self.col)
        return "%s(%r)@%d:%d" % (self.kind, self.value, self.line, self.col)


class LexError(Exception):
    def __init__(self, msg, line, col):
        self.msg = msg
        self.line = line
        self.col = col

    def __str__(self):
        return "line %d, col %d: %s" % (self.line, self.col, self.msg)


class Lexer(object):
    def __init__(self, src):
        self.src = src
        self.i = 0
        self.line = 1
        self.linestart = 0
        self.errors = []

    def col(self):
        return self.i - self.linestart + 1

    def error(self, msg):
        raise LexError(msg, self.line, self.col())

    def number(self):
        start = self.i
        s = self.src
        base = 10
        if s.startswith("0x", self.i) or s.startswith("0X", self.i):
            base = 16
            self.i += 2
        elif s.startswith("0b", self.i):
            base = 2
            self.i += 2
        elif s.startswith("0o", self.i):
            base = 8
            self.i += 2
        while self.i < len(s) and (s[self.i].isalnum() or s[self.i] == "_"):
            self.i += 1
        text = s[start:self.i]
        try:
            value = int(text, 0) if base != 10 else int(text)
        except ValueError:
            raise LexError("bad number literal %r" % text, self.line, start - self.linestart + 1)
        t = Tok("int", text, self.line, start - self.linestart + 1)
        t.ival = value
        return t

    def string(self):
        q = self.src[self.i]
        line, col = self.line, self.col()
        self.i += 1
        out = []
        while True:
            if self.i >= len(self.src) or self.src[self.i] == "\n":
                raise LexError("unterminated string", line, col)
            c = self.src[self.i]
            if c == q:
                self.i += 1
                break
            if c == "\\":
                self.i += 1
                e = self.src[self.i]
                if e == "u":
                    hexpart = self.src[self.i + 1:self.i + 5]
                    out.append(chr(int(hexpart, 16)))
                    self.i += 5
                    continue
                if e not in ESCAPES:
                    self.error("unknown escape \\%s" % e)
                out.append(ESCAPES[e])
                self.i += 1
                continue
            out.append(c)
            self.i += 1
        return Tok("str", "".join(out), line, col)

    def next_token(self):
        s = self.src
        while self.i < len(s):
            c = s[self.i]
            if c == "\n":
                self.line += 1
                self.i += 1
                self.linestart = self.i
            elif c in " \t\r":
                self.i += 1
            elif s.startswith("//", self.i):
                end = s.find("\n", self.i)
                self.i = len(s) if end < 0 else end
            elif s.startswith("/*", self.i):
                end = s.find("*/", self.i + 2)
                if end < 0:
                    self.error("unterminated comment")
                self.line += s.count("\n", self.i, end)
                nl = s.rfind("\n", self.i, end)
                if nl >= 0:
                    self.linestart = nl + 1
                self.i = end + 2
            else:
                break
        if self.i >= len(s):
            return Tok("eof", "", self.line, self.col())
        c = s[self.i]
        if c.isdigit():
            return self.number()
        if c.isidentifier():
            start = self.i
            while self.i < len(s) and (s[self.i].isalnum() or s[self.i] == "_"):
                self.i += 1
            word = s[start:self.i]
            kind = "kw" if word in KEYWORDS else "name"
            return Tok(kind, word, self.line, start - self.linestart + 1)
        if c == '"' or c == "'":
            return self.string()
        for op in OPERATORS:
            if s.startswith(op, self.i):
                t = Tok("op", op, self.line, self.col())
                self.i += len(op)
                return t
        self.error("unexpected character %r (U+%04X)" % (c, ord(c)))

    def tokens(self):
        out = []
        while True:
            try:
                t = self.next_token()
            except LexError as e:
                self.errors.append(str(e))
                self.i += 1
                continue
            out.append(t)
            if t.kind == "eof":
                return out


SOURCE = """fn fib(n) {  // classic
    if (n <= 1) { return n; }
    return fib(n - 1) + fib(n - 2);
}
/* multi
   line */ var x = 0x1F + 0b101 - 0o17 * 1_000;
var s = "tab\\there \\"q\\" \\u00e9\\u4e2d";
x <<= 2; x >>= 1; y = x != 3 && !flag || ~mask;
var bad = 12ab + @ + 'single' + "open
lst[0].field->next;
"""


def pretty(tokens):
    lines = []
    cur = []
    line = 1
    for t in tokens:
        if t.line != line:
            lines.append("%3d| %s" % (line, " ".join(cur)))
            cur = []
            line = t.line
        if t.kind == "str":
            cur.append(repr(t.value))
        elif t.kind == "int":
            cur.append("%s=%d" % (t.value, t.ival))
        else:
            cur.append(t.value or "<eof>")
    lines.append("%3d| %s" % (line, " ".join(cur)))
    return "\n".join(lines)


def entry_point(argv):
    lx = Lexer(SOURCE)
    toks = lx.tokens()
    print(pretty(toks))
    for e in lx.errors:
        print("error:", e)
    kinds = {}
    for t in toks:
        kinds[t.kind] = kinds.get(t.kind, 0) + 1
    print(sorted(kinds.items()))
    print(toks[:3])
    names = sorted(set([t.value for t in toks if t.kind == "name"]))
    print(names, len(names))
    longest = max(toks, key=lambda t: len(t.value))
    print("longest", repr(longest.value), longest.line, len(longest.value))
    s = [t for t in toks if t.kind == "str"][0].value
    print(len(s), s.encode("utf-8"), [ord(ch) for ch in s[-3:]], s.upper(), s.split())
    words = "  alpha beta\tgamma\n delta  ".split()
    print(words, "-".join(words).title(), "x".join(reversed(words)).swapcase())
    print("%-8s|%8s|%s" % ("ab".center(6, "*"), "cd".rjust(5, "."), "ef".zfill(5)))
    print("a,b,,c".split(","), "a,b,,c".rsplit(",", 1), "k=v=w".partition("="), "no".partition("="))
    print("Hello World".replace("o", "0", 1), "abc"[::-1], "abcdef"[1:-1:2], "x" * 0, "ab" * -1)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
