# A str that may be None: its truth value (`if s:`, `not s`, `s or d`) and
# == / != against str and None, as CPython.
import sys


def find(words, prefix):
    for w in words:
        if w.startswith(prefix):
            return w
    return None


def describe(s):
    if not s:
        return "nothing" if s is None else "empty"
    return "got " + s


def entry_point(argv):
    words = ["", "alpha", "beta"]
    for p in ["", "al", "b", "z"]:
        s = find(words, p)
        print(repr(p), describe(s), s == "alpha", s != "beta", s == "", bool(s))
        t = s or "default"
        print(t, "x" if s and len(s) > 3 else "y")
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
