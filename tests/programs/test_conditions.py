# `and`, `or` and `not` in the test of an if, a while, a conditional
# expression and an assert: operands of different types (a str and a
# bool), None-narrowing through `x is not None and x.v`, nested mixes, and
# short-circuiting (the right side must not run).
import sys


class Node(object):
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt


calls = [0]


def noisy(x):
    calls[0] += 1
    return x


def first_positive(node):
    while node is not None and node.v <= 0:
        node = node.nxt
    if node is not None and node.v > 0:
        return node.v
    return -1


def entry_point(argv):
    for name in ["", "ab", "xyz"]:
        for n in [0, 3]:
            if name and n > 0:
                print("both", name, n)
            elif name or n:
                print("one", repr(name), n)
            else:
                print("none")
            if not (name and n) and not name:
                print("not-and", n)
            label = "L" if name and len(name) > 2 or n == 3 and not name else "S"
            print(label)
    s = "   padded"
    i = 0
    while i < len(s) and s[i] == " ":
        i += 1
    print(i, s[i:])
    chain = Node(-1, Node(0, Node(5, Node(7, None))))
    print(first_positive(chain), first_positive(None), first_positive(Node(-3, None)))
    if noisy(0) and noisy(1):
        print("no")
    if noisy(1) or noisy(2):
        print("short", calls[0])
    values = [x for x in range(10) if x % 2 and x > 3 or x == 0]
    print(values)
    assert s or i, "unreachable"
    try:
        assert not s and i, "assert with and"
    except AssertionError as e:
        print("AssertionError", e)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
