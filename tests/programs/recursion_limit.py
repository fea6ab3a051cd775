# Unbounded recursion raises RecursionError (a RuntimeError) instead of
# crashing: direct, mutual, through methods of an AST-like class hierarchy,
# caught by a handler around the call, and finally uncaught.
import sys


def down(n):
    return down(n + 1) + 1


def ping(n):
    return pong(n + 1)


def pong(n):
    if n < 0:
        return 0
    return ping(n + 1)


class Node(object):
    def eval(self):
        return 0


class Neg(Node):
    def __init__(self, child):
        self.child = child

    def eval(self):
        return -self.child.eval()


class Loop(Node):
    def __init__(self):
        self.me = None

    def eval(self):
        return self.me.eval() + 1


def guarded(n):
    try:
        return guarded(n + 1)
    except RecursionError:
        return -1


def entry_point(argv):
    for f in [down, ping]:
        try:
            print(f(0))
        except RecursionError as e:
            print("RecursionError:", e)
    tree = Node()
    for i in range(500):
        tree = Neg(tree)
    print("depth 500 ok", tree.eval())
    loop = Loop()
    loop.me = Neg(loop)
    try:
        loop.eval()
    except RuntimeError as e:
        print("RuntimeError:", e, isinstance(e, RecursionError))
    print(guarded(0))
    print("still fine", down(-10) if len(argv) > 5 else 0)
    return down(len(argv))


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
