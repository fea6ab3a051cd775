# The benchmarks game's binary-trees: allocation-bound, most objects die
# young, one long-lived tree. An RPython-3 target (translate.py
# bench/binary_trees/binarytrees.py) that also runs on CPython and PyPy.
#   binarytrees-c [max_depth=16]
import sys


class Node(object):
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))


def check(node):
    if node.left is None:
        return 1
    return 1 + check(node.left) + check(node.right)


def entry_point(argv):
    n = 16
    if len(argv) > 1:
        n = int(argv[1])
    max_depth = max(6, n)
    stretch = max_depth + 1
    print("stretch tree of depth", stretch, "check:", check(make(stretch)))
    long_lived = make(max_depth)
    d = 4
    while d <= max_depth:
        iterations = 1 << (max_depth - d + 4)
        chk = 0
        for i in range(iterations):
            chk += check(make(d))
        print(iterations, "trees of depth", d, "check:", chk)
        d += 2
    print("long lived tree of depth", max_depth, "check:", check(long_lived))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
