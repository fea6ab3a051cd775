# Comparisons of str and bytes with literals (codegen compares the bytes
# inline, rpy_str_eq_lit): every length class, None, non-ASCII text,
# embedded NULs, the literal on either side, bytes.
import sys


def classify(c):
    if c == " ":
        return "space"
    if c == "":
        return "empty"
    if "\n" == c:
        return "newline"
    if c == "é":
        return "e-acute"
    if c == "\x00":
        return "nul"
    if c == "a\x00b":
        return "a-nul-b"
    if c == "def":
        return "keyword"
    if c != "this literal is longer than thirty-two bytes, so it is a call":
        return "other"
    return "long"


def maybe(flag):
    if flag:
        return "x"
    return None


def tokens(text):
    out = []
    word = ""
    for c in text:
        if c == " " or c == "\t":
            if word != "":
                out.append(word)
            word = ""
        else:
            word += c
    if word != "":
        out.append(word)
    return out


def entry_point(argv):
    for c in [" ", "", "\n", "é", "e", "\x00", "a\x00b", "a\x00c", "def", "de", "deff",
              "this literal is longer than thirty-two bytes, so it is a call", "x" * 40]:
        print(repr(c), classify(c))
    for flag in [True, False]:
        v = maybe(flag)
        print(v == "x", v != "x", "x" == v, v == "")
    for b in [b"GET", b"GE", b"POST", b"", b"\x00\xff"]:
        print(b == b"GET", b != b"POST", b"" == b, b == b"\x00\xff")
    print(tokens("def  f(x):\treturn x == 'a b'"))
    words = " ".join(argv[1:]) if len(argv) > 1 else "é ü a"
    print([w == "é" for w in words.split(" ")])
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
