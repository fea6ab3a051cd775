# Issue 4 item 1 as a checklist: every str operation it names, on ASCII and
# non-ASCII text, with the exceptions; also `for ch in s` (an iterator over
# the string, not a copy into a list) and iter()/next() on a list.
import sys

from rpython.rlib.objectmodel import specialize

@specialize.argtype(0)
def show(x):
    print(repr(x))

def entry_point(argv):
    s = "Hello, Wörld! ünïcode " + argv[0][:0]
    show(s[1]); show(s[-1]); show(s[7]); show(s[1:8:2]); show(s[::-1]); show(s[-3:])
    show(len(s))
    for ch in "añb":
        show(ch)
    show("ö" in s); show("xyz" in s)
    show(s * 2); show(s < "Hellp"); show(s == "Hello")
    show(hash("abc") == hash("ab" + "c"))
    show("a,b,,c".split(",")); show("  a b  c ".split()); show("a,b,c,d".split(",", 2))
    show("a,b,c,d".rsplit(",", 1)); show(" a b c ".rsplit()); show("a b c".rsplit(None, 1))
    show("-".join(["x", "y", "z"]))
    show("  xx  ".strip()); show("xxhixx".strip("x")); show("  hi".lstrip()); show("hi  ".rstrip()); show("abcba".lstrip("ab")); show("abcba".rstrip("ab"))
    show(s.startswith("Hell")); show(s.endswith("code ")); show(s.startswith("W", 7)); show(s.endswith("Hello", 0, 5))
    show(s.find("ö")); show(s.rfind("o")); show(s.find("zz")); show(s.index("W")); show(s.count("l")); show(s.find("l", 4)); show(s.find("l", 4, 10))
    try:
        s.index("zzz")
    except ValueError as e:
        print("ValueError", e)
    show(s.replace("l", "L")); show(s.replace("l", "L", 1)); show("aaa".replace("", "-"))
    show(s.lower()); show(s.upper()); show("ß".upper()); show("İ".lower())
    show("123".isdigit()); show("12a".isdigit()); show("abc".isalpha()); show("ab1".isalnum()); show(" \t\n".isspace()); show("".isdigit()); show("٣".isdigit())
    show("a\nb\r\nc\rd".splitlines()); show("a\nb\n".splitlines(True)); show("".splitlines())
    show("42".zfill(5)); show("-42".zfill(6)); show("ab".ljust(5, "*")); show("ab".rjust(5)); show("ab".center(7, "-")); show("abc".center(6))
    show("hé".encode("utf-8")); show("hé".encode("latin-1")); show("abc".encode("ascii"))
    try:
        "hé".encode("ascii")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError", e)
    try:
        "h€".encode("latin-1")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError", e)
    show(format(3.5, "8.2f")); show(format("x", ">4")); show(format(42, "x"))
    show(ord("€")); show(chr(0x1F600)); show(ord(chr(0x10FFFF)))
    try:
        chr(0x110000)
    except ValueError as e:
        print("ValueError", e)
    show(repr("a'b\"c\n\t\x01\x7f\u00e9\u2028\U0001F600"))
    show("it's"); show('say "hi"'); show("both ' and \"")
    it = iter([1, 2, 3])
    show(next(it)); show(next(it)); show(next(it))
    try:
        next(it)
    except StopIteration:
        print("StopIteration")
    show(list(reversed(range(5)))); show(list(range(10, 0, -3))); show(list(enumerate("ab", 1))); show(list(zip([1, 2, 3], "ab")))
    show(str(1.0)); show(str(1e16)); show(str(-0.0)); show(repr(0.1 + 0.2)); show(str(True)); show(str(None)); show(str(b"a\x00'"))
    show(str([[1, 2], [3]])); show(str([(3, "x")])); show(str({"k": [1.5]})); show(str((1,))); show(str(()))
    return 0

def target(driver, args):
    return entry_point, None

if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
