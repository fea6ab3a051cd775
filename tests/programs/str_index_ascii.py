# s[i] and `for c in s` (codegen reads an ASCII string's characters from the
# runtime's one-character table inline, other text takes the call): ASCII,
# non-ASCII and mixed strings, negative and out-of-range indices with the
# IndexError, characters used as dict keys and compared, strings built at
# run time, the empty string.
import sys


def chars(s):
    out = []
    for c in s:
        out.append(c)
    return out


def at(s, i):
    try:
        return s[i]
    except IndexError as e:
        return "IndexError: " + str(e)


def classify(s):
    counts = {}
    for i in range(len(s)):
        c = s[i]
        if c.isdigit():
            kind = "digit"
        elif c == " ":
            kind = "space"
        elif ord(c) >= 128:
            kind = "wide"
        else:
            kind = "other"
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def entry_point(argv):
    texts = ["", "a", "abc 123", "\u00e9t\u00e9", "a\u00e9b", "\U0001f600x", "tab\there",
             argv[0][0:0] + "built at run time 42"]
    for s in texts:
        print(repr(s), chars(s), [at(s, i) for i in [0, 1, -1, -2, len(s), -len(s) - 1, 100]])
        print(classify(s))
    freq = {}
    for c in "hello world, hello ascii":
        freq[c] = freq.get(c, 0) + 1
    print(sorted(freq.items()))
    s = "x" * 5 + "\u00ff"
    print(s[4] == "x", s[5] == "\u00ff", s[-1], s[0] is s[1] or s[0] == s[1])
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
