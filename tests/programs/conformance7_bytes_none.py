# The truth value of a bytes or bytearray that may be None (if b:, not b,
# b or default, b and len(b) > 2), as for str.
import sys


def find(items, first):
    for b in items:
        if b.startswith(first):
            return b
    return None


def find_ba(items, n):
    for b in items:
        if len(b) == n:
            return b
    return None


def describe(b):
    if not b:
        return "nothing" if b is None else "empty"
    return "got %d" % len(b)


def describe_ba(b):
    if b:
        return "got " + str(len(b))
    return "none-or-empty"


def entry_point(argv):
    items = [b"", b"alpha", b"beta"]
    for p in [b"", b"al", b"b", b"z"]:
        b = find(items, p)
        print(repr(p), describe(b), bool(b), b is None)
        t = b or b"default"
        print(t, "long" if b and len(b) > 4 else "short")
    bas = [bytearray(b""), bytearray(b"xyz")]
    for n in [0, 3, 5]:
        ba = find_ba(bas, n)
        print(n, describe_ba(ba), not ba)
        u = ba or bytearray(b"dflt")
        u.append(33)
        print(u)
        if ba and ba[0] == 120:
            print("starts with x")
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
