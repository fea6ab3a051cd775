# str methods, indexing (ASCII and not), slicing with steps, 'in', *, ordering,
# ord/chr, and the exceptions they raise, through the runtime's string library.
import sys

def classify(s):
    if s.isdigit():
        return "digits"
    if s.isalpha():
        return "alpha"
    if s.isspace():
        return "space"
    return "mixed"

def entry_point(argv):
    s = "  Hello, World!  "
    t = s.strip()
    print("[" + t + "]", len(t), t.lower(), t.upper(), t.find("o"), t.rfind("o"), t.count("l"))
    print(t[0], t[-1], t[1:5], t[:3], t[7:], t[::2], t[::-1], t[-3:-1], t[1:10:3])
    print("World" in t, "world" in t, t.startswith("Hell"), t.endswith("!"), t.replace("l", "L"), t.replace("l", "", 1))
    print("ab" * 3, 2 * "xy", "abc" < "abd", "b" > "abc", "a" <= "a", "é" > "z")
    print(ord("A"), chr(66), ord("é"), chr(233), chr(0x1F600) == "\U0001F600")
    u = "naïve café"
    print(len(u), u[2], u[-4:], u.upper(), u.find("café"))
    print("42".zfill(5), "x".ljust(4, "-") + "|", "x".rjust(4) + "|", "x".center(5, "*"))
    for w in ("123", "abc", "  ", "a1 "):
        print(w, classify(w))
    n = len(argv)
    print("abcdef"[n:n + 2], "abcdef"[::n])
    try:
        print("abc"[10])
    except IndexError as e:
        print("IndexError:", str(e))
    try:
        print("abc".index("z"))
    except ValueError as e:
        print("ValueError:", str(e))
    return 0

def target(driver, args):
    return entry_point, None

if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
