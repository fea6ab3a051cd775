# str methods beyond the basics: partition/rpartition, removeprefix/suffix,
# expandtabs, the Unicode case mappings (capitalize, title, swapcase,
# casefold: title case of digraphs, full folding of 'ß' and ligatures, final
# sigma), istitle, isascii, isprintable, isidentifier, translate and
# maketrans, and join of iterables other than lists.
import sys

WORDS = ["", "a", "hello world", "HELLO wORLD", "ǆemal ǅ Ǆ", "ﬁsh ﬂow", "straße STRASSE",
         "ΌΣΟΣ σοφός ΣΑΣ", "ᾳ ᾼ ﬀ", "İstanbul ıi", "x1y2 3z", "o'neil mc-donald", "αβγ ΑΒΓ",
         "𐐨𐐩 𐐀𐐁", "𝔘𝔫𝔦 ABC", "ǈǋ ǉǌ", "ŉ ǰ ΐ", "\u1e9e\u00df", "ﬃ ﬄ ﬅ ﬆ", "Ⅷ ⅷ ⓐⒶ", "123abc",
         "\t tab\u00a0nbsp", "ꭰ Ꭰ"]


def show(label, s):
    print(label, repr(s), len(s))


def partitions():
    print("-- partition / rpartition")
    for s in ["a,b,c", ",", "abc", "", "é,ü,€", "x𝔘y𝔘z", "sep", "aaa"]:
        for sep in [",", "𝔘", "sep", "a", "aa", "zz"]:
            h, m, t = s.partition(sep)
            show("p", h + "|" + m + "|" + t)
            h, m, t = s.rpartition(sep)
            show("r", h + "|" + m + "|" + t)
    for sep in ["", "x"[0:0]]:
        try:
            print("abc".partition(sep))
        except ValueError as e:
            print("ValueError", e)
        try:
            print("abc".rpartition(sep))
        except ValueError as e:
            print("ValueError", e)
    print("a=b=c".partition("="), "a=b=c".rpartition("="))


def affixes():
    print("-- removeprefix / removesuffix")
    for s in ["prefix-body-suffix", "", "pre", "é€𝔘é", "aaaa"]:
        for a in ["pre", "", "suffix", "é", "𝔘é", "aa", "prefix-body-suffix"]:
            print(repr(s.removeprefix(a)), repr(s.removesuffix(a)))


def tabs():
    print("-- expandtabs")
    for s in ["a\tb", "\t", "", "ab\tcd\tef", "12345678\tx", "a\nb\tc\r\td", "é\t€\t𝔘\tx", "no tabs",
              "\t\t", "line1\tx\nline2\t\ty"]:
        for n in [8, 4, 1, 0, -3, 3]:
            show("t%d" % n, s.expandtabs(n))
        show("td", s.expandtabs())


def cases():
    print("-- capitalize / title / swapcase / casefold / lower / upper")
    for w in WORDS:
        print(repr(w), repr(w.capitalize()), repr(w.title()), repr(w.swapcase()), repr(w.casefold()))
        print("  ", repr(w.lower()), repr(w.upper()), w.istitle(), w.title().istitle(), w.isascii(),
              w.isprintable(), w.isidentifier())
    print("ß".casefold() == "ss", "ﬁ".title(), "ǆ".title(), "ǆ".capitalize(), "ǆ".upper(), "ǅ".lower(),
          "ǅ".swapcase(), "ǅ".istitle())
    print("ΣΑΣ".capitalize(), "ΣΑΣ ΣΑΣ".title(), "aΣ".swapcase(), "ΑΣ".casefold())


def predicates():
    print("-- istitle / isascii / isprintable / isidentifier")
    for s in ["", "A", "a", "Ab Cd", "Ab cd", "AB", "ǅa", "1A", "A1b", "'A'", "ǅ", "Ǆ", "Hello World!",
              "\x7f", "\x7e", "a\u00a0b", "a\u200bb", "\u00ad", "\ud7ff", "\U0001F600", "\U000E0001",
              "_", "_1", "1_", "a b", "é", "𝔘", "a-b", "℘", "℮", "·", "a·", "ᢅ", "a\u0300", "\u0300",
              "if", "None", "ＡＢ", "x\tx", "x\nx", "é€"]:
        print(repr(s), s.istitle(), s.isascii(), s.isprintable(), s.isidentifier())


def translations():
    print("-- translate / maketrans")
    t2 = str.maketrans("abc", "xyz")
    print(t2)
    print("aabbcc-abc".translate(t2), "".translate(t2), "unchanged é".translate(t2), "éxa".translate(t2))
    t1 = str.maketrans({"a": "AA", "é": "", "𝔘": "u"})
    print(t1, str.maketrans({97: "1", 98: None}))
    print("a é 𝔘 b".translate(t1))
    t1i = str.maketrans({97: "1", 98: "22"})
    print("abc".translate(t1i))
    tn = str.maketrans({ord("x"): None, ord("y"): "Y"})
    print("xyzxyz".translate(tn))
    t3 = str.maketrans("ab", "ba", "c€")
    print("abc€d".translate(t3), "".translate(t3))
    print("hello world".translate(str.maketrans("", "", "lo")))
    print("abc".translate({97: 98, 98: 0x1F600, 99: 0x20AC}))
    print("abc".translate({ord("a"): None}))
    print("aé".translate({233: "e\u0301", 97: ""}))
    try:
        print("abc".translate({97: -1}))
    except ValueError as e:
        print("ValueError", e)
    try:
        print("abc".translate({97: 0x110000}))
    except ValueError as e:
        print("ValueError", e)
    try:
        str.maketrans("ab", "c")
    except ValueError as e:
        print("ValueError", e)
    try:
        str.maketrans("ab", "c", "d")
    except ValueError as e:
        print("ValueError", e)
    try:
        str.maketrans({"ab": "c"})
    except ValueError as e:
        print("ValueError", e)


class Counter(object):
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return "c%d" % self.i


def gen_words(n):
    for i in range(n):
        yield "w" * i


def joins():
    print("-- join of iterables")
    words = ["alpha", "beta", "gamma", "é", "𝔘"]
    print(" ".join(reversed(words)))
    print("x".join("abc"), "-".join(""), "+".join("é𝔘"), "".join("abc"))
    print(",".join(("a", "b", "c")), ",".join(()), ",".join(("one",)))
    t = ("p", "q")
    print("/".join(t))
    d = {"k1": 1, "k2": 2}
    print(",".join(d), ",".join(d.keys()))
    dv = {1: "v1", 2: "v2"}
    print(";".join(dv.values()))
    print("|".join(Counter(3)), "|".join(Counter(0)))
    print("|".join(gen_words(4)))
    print(".".join([w.upper() for w in words]))
    print(".".join(w.title() for w in words))
    print(", ".join(sorted(words)))
    maybe = [None, "a"]
    if len(words) > 10:
        maybe[0] = "b"
    try:
        print("-".join(maybe))
    except TypeError as e:
        print("TypeError", e)
    maybe[0] = "z"
    print("-".join(maybe))


class Point(object):
    def __init__(self, x):
        self.x = x


def format_maps(argv):
    print("-- format_map")
    d = {"name": "w" * len(argv), "n": "7", "w": "é𝔘"}
    print("{name}-{n:>5}|{w!r}|{{lit}}|{w:*^6}".format_map(d))
    print(repr("".format_map(d)), "plain".format_map(d))
    print("{p.x}".format_map({"p": Point(len(argv))}))
    print("{k[1]} {k}".format_map({"k": [1, 2, 3]}))
    try:
        print("{missing}".format_map(d))
    except KeyError as e:
        print("KeyError", e)


def keywords(argv):
    print("-- keyword arguments")
    s = "a b\tc  d" + "e" * (len(argv) - 1)
    print(s.split(maxsplit=1), s.split(sep=" "), s.split(" ", maxsplit=2), s.rsplit(maxsplit=1),
          s.rsplit(sep=" ", maxsplit=1), s.split(maxsplit=-1, sep=None))
    print("x\ny\r\nz".splitlines(keepends=True), "x\ny".splitlines(keepends=False))
    print(repr(s.expandtabs(tabsize=2)), repr("\t".expandtabs(tabsize=0)))


def entry_point(argv):
    keywords(argv)
    format_maps(argv)
    partitions()
    affixes()
    tabs()
    cases()
    predicates()
    translations()
    joins()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
