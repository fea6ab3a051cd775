# `x in (a, b, c)` and `not in` over tuple constants and tuple displays:
# operator sets in a tokenizer, keyword checks, values computed at run
# time, instances compared by identity, inside try blocks and chains.
import sys

OPS = ("+", "-", "*", "/")
SMALL = (1, 2, 3)


class Tok(object):
    def __init__(self, text):
        self.text = text


EOF_TOK = Tok("<eof>")
NL_TOK = Tok("<nl>")


def classify(c):
    if c in OPS:
        return "op"
    if c in ("(", ")"):
        return "paren"
    if c not in (" ", "\t", "\n") and c.isalpha():
        return "letter"
    if c in ():
        return "never"
    return "other"


def entry_point(argv):
    print([classify(c) for c in "a+(b*2)\t-c/ "])
    n = len(argv)
    m = n + 1
    print(n in SMALL, 7 in SMALL, n in (m, m + 1), m in (n, m), n not in (m, 2 * m), 2.5 in (1.0, 2.5))
    t = EOF_TOK if n > 5 else NL_TOK
    print(t in (EOF_TOK, NL_TOK), t in (EOF_TOK,), t not in (NL_TOK, EOF_TOK))
    print(0 < n in (1, 2), 5 < n in (1, 2), "x" in ("x", "y") in (True,))
    try:
        v = [1, 2, 3][n + 5] in (2, 3)
    except IndexError:
        v = n in (1,)
    print(v)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
