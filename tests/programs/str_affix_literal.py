# startswith/endswith with a literal and no bounds (codegen compares the
# literal's bytes inline, rpy_str_startswith_lit / _endswith_lit), next to
# the same calls with bounds or a non-literal argument (the runtime call):
# empty strings and literals, non-ASCII text, embedded NULs, literals longer
# than the string, a literal over the inline limit.
import sys


def affixes(s):
    out = []
    out.append(s.startswith("w9"))
    out.append(s.startswith(""))
    out.append(s.endswith(""))
    out.append(s.startswith("\u00e9t\u00e9"))
    out.append(s.endswith("t\u00e9"))
    out.append(s.endswith("\U0001f600"))
    out.append(s.startswith("a\x00"))
    out.append(s.endswith("\x00b"))
    out.append(s.startswith("this literal is longer than thirty-two bytes, so it is not inlined"))
    out.append(s.endswith("-key"))
    out.append(s.startswith("w9", 1))
    out.append(s.endswith("t\u00e9", 0, 3))
    return out


def entry_point(argv):
    texts = ["", "w", "w9", "w976", "xw9", "\u00e9t\u00e9", "\u00e9t\u00e9 d\u00e9j\u00e0 \u00e9t\u00e9",
             "t\u00e9", "\U0001f600", "a\U0001f600", "a\x00b", "a\x00", "\x00b", "k-key", "-key", "key",
             "this literal is longer than thirty-two bytes, so it is not inlined!"]
    dynamic = argv[0][0:0] + "w9"  # not a constant: the runtime call
    count = 0
    for t in texts:
        print(repr(t), affixes(t), t.startswith(dynamic), t.endswith(dynamic))
        if t.startswith("w") and not t.endswith("6"):
            count += 1
    words = ["w" + str(i) for i in range(200)]
    hits = 0
    for w in words:
        if w.startswith("w9") or w.endswith("99"):
            hits += 1
    print(count, hits)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
