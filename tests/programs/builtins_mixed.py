# Mixed conformance: str, formatting, list, dict and set operations with
# their edge cases and error messages, all printed with repr() to compare
# with CPython byte for byte; a list holding only None.
import sys


def show(label, x):
    print(label, repr(x))


def strs():
    s = "Hello, W\u00f6rld! \u00e9\u00e8 \U0001f600 end"
    print("slice", repr(s[3:-2:2]))
    print("neg step", repr(s[::-3]))
    print("split none", repr("  a  b\tc\n d  ".split()))
    print("split max", repr("a,b,,c,".split(",", 2)))
    print("rsplit max", repr("a,b,,c,".rsplit(",", 2)))
    print("rsplit none", repr("  a  b c  ".rsplit(None, 1)))
    print("strip chars", repr("xxhixyx".strip("xy")))
    print("lstrip", repr("  \t hi ".lstrip()))
    print("find", repr((s.find("o"), s.rfind("o"), s.find("zz"), s.find("o", 5, 9), s.find(""))))
    print("index", repr(s.index("W")))
    try:
        s.index("Q")
    except ValueError as e:
        print("index err", repr(str(e)))
    print("count", repr(("aaaa".count("aa"), "abc".count(""), s.count("\u00e9"))))
    print("replace", repr(("aaaa".replace("a", "bb", 2), "abc".replace("", "-"), s.replace("o", "0"))))
    print("case", repr((s.lower(), s.upper(), "ß".upper(), "İ".lower())))
    print("is", repr(("123".isdigit(), "".isdigit(), "abc".isalpha(), "a1".isalnum(), " \t".isspace(), "\u00e9".isalpha())))
    print("lines", repr("a\nb\r\nc\rd\n".splitlines()))
    print("lines keep", repr("a\nb\r\n\nc".splitlines(True)))
    print("zfill", repr(("-42".zfill(6), "+7".zfill(4), "abc".zfill(2))))
    print("just", repr(("ab".ljust(5, "*"), "ab".rjust(5), "ab".center(7, "-"), "abc".center(6))))
    print("enc", repr((s.encode("utf-8"), "caf\u00e9".encode("latin-1"), "abc".encode("ascii"))))
    try:
        "caf\u00e9".encode("ascii")
    except UnicodeEncodeError as e:
        print("enc err", repr(str(e)))
    print("ord chr", repr((ord("\U0001f600"), chr(0x10ffff), chr(65), ord("\u00e9"))))
    print("repr", repr(("a'b", 'a"b', "a'\"b", "\x00\x7f\t\n\\", "\u200b\u00a0")))
    print("fmt", repr("{} and {}/{:>6}|{:<4}|{:^5}|{:08.3f}|{:x}|{:,}".format(1, "x", "r", "l", "c", 3.14159, 255, 1234567)))
    print("fstr", repr(f"{12:5d}|{-3.5:+.2e}|{'s'!r}|{255:#o}|{0.1 + 0.2}|{1e22}|{1e-7}"))
    print("cmp", repr(("abc" < "abd", "a" < "\u00e9", "" < "a", "b" > "abc")))
    print("join", repr("-".join(["a", "\u00e9", "", "z"])))
    print("mul", repr(("ab" * 3, "x" * 0, "y" * -2)))
    print("in", repr(("lo, W" in s, "" in s, "zz" in s)))
    print("starts", repr((s.startswith("Hell"), s.endswith("end"), s.startswith("W", 7))))
    exts = (".py", ".txt")
    for name in ["a.py", "b.txt", "c.cpp", "", ".py"]:
        print(name, name.endswith(exts), name.startswith(("a", "b", "")), name.startswith(("x",)))
    print(s.startswith(("W\u00f6", "x"), 7), s.startswith(("W\u00f6",), 7, 8), s.endswith(("llo", "ld"), 0, 5),
          s.startswith(("H",), -40), s.endswith(("end",), -3), s.startswith(("o",), 4, None))


def fmts():
    print("pct", repr("%d|%5d|%-5d|%05d|%+d|%x|%X|%#x|%o|%#o" % (42, 42, 42, 42, 42, 255, 255, 255, 8, 8)))
    print("pct f", repr("%f|%.2f|%10.3f|%-10.1f|%e|%.3E|%g|%g|%g" % (3.14159, 2.5, -1.0, 0.05, 12345.678, 0.00012, 1e-5, 123456789.0, 0.5)))
    print("pct s", repr("%s|%r|%10s|%-10s|%.2s|%c|%c|%%" % ("hi", "hi", "r", "l", "trunc", "x", 65)))
    print("pct neg", repr("%x|%o|%d" % (-255, -8, -0)))
    print("str()", repr((str(1.0), str(1e16), str(-0.0), str(1.5e-10), str(float("inf")), str(123456789012345678))))
    print("nested", repr([[(3, "4")], [(5, "x")]]), repr({"k": [None, None]}), repr(((5,), ())))
    print("float repr", repr((0.1, 1/3, 2.0**60, 1e300 * 10, -1e-320)))
    print("round", repr((round(2.5), round(3.5), round(2.675, 2), round(-0.5), round(1234.5678, -2))))
    print("int fmt", repr((format(1234567, ","), format(255, "08b"), format(-42, "x"), format(3.0, "g"), format(1e-4, ".1%"))))


def lists():
    l = [5, 3, 8, 1, 9, 2]
    l.insert(2, 7)
    l.insert(-1, 0)
    l.insert(100, 10)
    print("insert", repr(l))
    print("pop", repr((l.pop(), l.pop(0), l.pop(-2), l)))
    l.remove(8)
    print("remove", repr(l))
    print("index/count", repr((l.index(9), l.count(3))))
    l.reverse()
    print("rev", repr(l))
    print("sorted", repr((sorted(l), sorted(l, reverse=True), sorted(["b", "A", "c"], key=lambda s: s.lower()))))
    words = ["pear", "fig", "apple", "kiwi", "date"]
    words.sort(key=len)
    print("stable", repr(words))
    m = list(range(10))
    m[2:5] = [20, 30]
    print("slice set", repr(m))
    del m[::3]
    print("del step", repr(m))
    m[::2] = [0] * len(m[::2])
    print("step set", repr(m))
    print("cmp", repr(([1, 2] < [1, 2, 3], [2] > [1, 9], [1, 2] == [1, 2])))
    print("agg", repr((min(m), max(m), sum(m), any([0, 0]), all([1, 2]), min("hello"), max([3.5, 2.0]))))
    try:
        [1, 2][5]
    except IndexError as e:
        print("idx err", repr(str(e)))
    try:
        [].pop()
    except IndexError as e:
        print("pop err", repr(str(e)))
    try:
        [1].remove(2)
    except ValueError as e:
        print("remove err", repr(str(e)))
    print("comp", repr([x * x for x in range(6) if x % 2]))
    print("mul", repr([0, 1] * 3))
    print("enum", repr(list(enumerate("abc", 5))))
    print("zip", repr(list(zip([1, 2, 3], "ab"))))
    print("rev it", repr(list(reversed([1, 2, 3]))))


def dicts():
    d = {"b": 1, "a": 2}
    d["c"] = 3
    print("order", repr(list(d.items())))
    print("get", repr((d.get("a", 0), d.get("z", -5), d.get("z", 9))))
    print("setdefault", repr((d.setdefault("a", 7), d.setdefault("n", 8), d)))
    print("pop", repr((d.pop("b"), d.pop("zz", -1), d)))
    print("popitem", repr((d.popitem(), d)))
    d.update({"x": 1, "a": 100})
    print("update", repr(d))
    print("views", repr((list(d.keys()), list(d.values()), len(d), "x" in d, "q" not in d)))
    try:
        d["missing"]
    except KeyError as e:
        print("keyerr", repr(str(e)))
    try:
        {}.popitem()
    except KeyError as e:
        print("popitem err", repr(str(e)))
    del d["x"]
    print("del", repr(d))
    t = {(1, "a"): 1, (2, "b"): 2}
    print("tuple keys", repr((t[(1, "a")], (2, "b") in t)))
    print("comp", repr({k: k * 2 for k in range(4)}))
    s = {3, 1, 2}
    s.add(5)
    s.discard(1)
    print("set", repr((sorted(s), 2 in s, len(s), sorted(s | {9}), sorted(s & {2, 3}), sorted(s - {2}), sorted(s ^ {3, 7}))))


def nones():
    # A list that only ever holds None has Void items (no storage).
    l = [None, None]
    l.append(None)
    l2 = [None] * 4
    print(len(l), len(l2), l[1], l2[-1], repr(l), l == [None, None, None], None in l)
    for x in l:
        print(x is None)
    l.pop()
    print(len(l), repr(l2[1:3]))


def entry_point(argv):
    nones()
    strs()
    fmts()
    lists()
    dicts()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
