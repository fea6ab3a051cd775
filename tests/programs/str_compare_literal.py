# Ordering comparisons of a str with a literal (codegen compares the
# literal's bytes inline: one-byte literals, longer ones, "", non-ASCII)
# on either side, and ord() of one-character strings (inline for ASCII),
# with the TypeError of ord() on other lengths.
import sys


def rel(a):
    return [a < "m", a <= "m", a > "m", a >= "m", "m" < a, "m" >= a,
            a < "", a > "", "" < a,
            a < "abc", a <= "abc", a > "abc", "abc" <= a,
            a < "\u00e9t\u00e9", a > "\u00e9t\u00e9", "\u00e9" <= a,
            "0" <= a <= "9", "a" <= a <= "z"]


def code(c):
    try:
        return str(ord(c))
    except TypeError as e:
        return str(e)


def entry_point(argv):
    texts = ["", "a", "m", "ma", "l", "z", "abc", "ab", "abcd", "abd", "\u00e9", "\u00e9t\u00e9", "\u00e9tt",
             "0", "5", "9", ":", "/", argv[0][0:0] + "m"]
    for t in texts:
        bits = "".join(["1" if b else "0" for b in rel(t)])
        print(repr(t), bits, code(t))
    digits = 0
    for c in "x1 = 42 + y9" + argv[0][0:0]:
        if "0" <= c <= "9":
            digits += ord(c) - ord("0")
    print(digits, code("\U0001f600"), code("\x00"), code("\x7f"), code("\u00ff"))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
