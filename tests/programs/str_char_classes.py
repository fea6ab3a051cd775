# Character classes (isdigit, isalpha, isspace, ...) of one-character
# strings, inline for ASCII in generated code, against CPython for every
# ASCII code point, some non-ASCII characters and longer strings.
import sys


def classes(c):
    bits = 0
    if c.isdigit():
        bits |= 1
    if c.isdecimal():
        bits |= 2
    if c.isnumeric():
        bits |= 4
    if c.isalpha():
        bits |= 8
    if c.isalnum():
        bits |= 16
    if c.islower():
        bits |= 32
    if c.isupper():
        bits |= 64
    if c.isspace():
        bits |= 128
    return bits


def entry_point(argv):
    line = []
    for cp in range(128):
        line.append(str(classes(chr(cp))))
        if cp % 32 == 31:
            print(" ".join(line))
            line = []
    others = ["\u00e9", "\u00c9", "\u00b2", "\u0663", "\u2167", "\u00a0", "\u3000", "\u2028", "\U0001d7d8",
              "", "ab", "AB", "a1", "12", " \t", "\u00e9t\u00e9", "I\u00e9"]
    for s in others:
        print(repr(s), classes(s))
    text = argv[0][0:0] + "x1 = foo(42) + bar_3\t# done\n"
    kinds = []
    for c in text:
        kinds.append("d" if c.isdigit() else "a" if c.isalpha() else "s" if c.isspace() else "o")
    print("".join(kinds))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
