# `c in "literal"` (codegen: rpy_str_contains_lit, a memchr for one-byte c):
# digits, whitespace, non-ASCII literals, empty and multi-char needles, NUL.
import sys

def kinds(text):
    d = 0
    s = 0
    o = 0
    for c in text:
        if c in "0123456789":
            d += 1
        elif c in " \t\n":
            s += 1
        elif c in "é+-":
            o += 1
    return d, s, o

def entry_point(argv):
    text = "x1 = 23 + y4\t- é7\n" * 200
    print(kinds(text))
    print("" in "abc", "bc" in "abc", "é" in "aé", "x" in "", "ab" in "a")
    for c in ["0", "a", "", "é", "12", "\x00"]:
        print(repr(c), c in "0123456789", c in "a\x00é")
    return 0

def target(driver, args):
    return entry_point, None

if __name__ == "__main__":
    entry_point(sys.argv)
