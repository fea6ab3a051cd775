# Chains of string concatenation (backendopt/strconcat.cpp joins them into
# one allocation): three and four pieces, longer chains, empty pieces,
# non-ASCII pieces (the code point length must add up), an intermediate
# that is also read on its own, and chains in a loop keeping their results;
# decimal ints formatted into the result ("w" + str(i), "<" + str(n) + ">",
# "<%d>" % n),
# negative and extreme ones, after non-ASCII text.
import sys


def tag(name, body):
    return "<" + name + ">" + body + "</" + name + ">"


def pair(a, b):
    return a + "+" + b


def entry_point(argv):
    words = ["ka", "", "lo", "\u00e9t\u00e9", "\U0001f600", "mi"]
    keys = []
    for i in range(len(words)):
        for j in range(len(words)):
            k = pair(words[i], words[j])
            keys.append(k)
            print(repr(k), len(k), k[len(k) - 1:] if len(k) > 0 else "")
    print(len(keys), tag("b", "bold"), tag("", ""), len(tag("\u00e9", "\u00e9")))
    s = "a"
    for i in range(5):
        s = s + str(i) + "-" + s[0:1] + "|"
    print(s, len(s))
    prefix = argv[0][0:0] + "p"  # not a constant
    both = prefix + "q"
    chained = both + "r" + "s" + "t" + "u" + both
    print(both, chained, len(chained))
    e = ""
    print(repr(e + e + e), repr(e + "x" + e), repr("x" + e + e + e), repr(e + e + e + "y"))
    counts = {}
    for w in words:
        for v in words:
            key = w.upper() + "/" + v
            counts[key] = counts.get(key, 0) + 1
    print(len(counts), sorted(counts.keys())[0:4])
    names = []
    for i in range(-3, 12, 4):
        names.append("w" + str(i))
        names.append(str(i * 1000) + "\u00e9")
        names.append("<" + str(-i) + ">")
        names.append(str(i) + str(i + 1))
    for n in [sys.maxsize, -sys.maxsize - 1, 0]:
        names.append("\u00e9t\u00e9 " + str(n) + "!")
        names.append("<%d>" % n)
        names.append("%d\u00e9" % n)
        names.append("k" + format(n, "d") + format(n, ""))
        names.append("x%dy%d|%5d" % (n, n + 1 if n < 0 else n - 1, n % 1000))
    for name in names:
        print(repr(name), len(name), name[len(name) - 1:])
    seen = {}
    for i in range(300):
        seen["key" + str(i % 97)] = i
    print(len(seen), seen["key96"], "key5" in seen, ("key" + str(5)) in seen)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
