# Printing values that are an instance or None (an AST child that may be
# missing, an optional binding): print(), str(), repr(), %s, %r, f-strings
# and containers holding them; None prints as None, the others through
# their __str__/__repr__.
import sys


class Node(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Node(%r)" % self.name


class Named(Node):
    def __str__(self):
        return "<%s>" % self.name


class Other(Node):
    def __repr__(self):
        return "Other!"


class Err(Exception):
    def __repr__(self):
        return "Err-repr"


def find(nodes, name):
    for n in nodes:
        if n.name == name:
            return n
    return None


def entry_point(argv):
    nodes = [Node("a"), Named("b"), Node("c")]
    for key in ["a", "b", "zz"]:
        n = find(nodes, key)
        print(n)
        print(str(n), repr(n), "%s|%r" % (n, n), f"{n}|{n!r}")
    slots = [nodes[0], None, nodes[1]]
    print(slots, str(slots), (None, slots[2]), {"k": slots[1], "j": slots[0]})
    for n in [Node("x"), Named("y"), Other("z")]:
        print(n, str(n), repr(n), [n])
    try:
        raise Err("message")
    except Err as e:
        print(str(e), repr(e), e)
    children = [None, None]
    print(children, len(children))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
