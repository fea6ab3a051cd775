# The precise GC under load: every kind of reference a translated program
# keeps (locals live across calls, fields of old objects pointing to young
# ones, prebuilt instances and lists written at run time, items of growing
# lists, exceptions in flight, generator frames, closures, strings from the
# runtime) must survive objects moving, with the work spread over many
# minor and several major collections. The checksums only match CPython's
# when nothing was lost or left stale.
import sys


class Node(object):
    def __init__(self, left, right, value):
        self.left = left
        self.right = right
        self.value = value


def make_tree(depth, value):
    if depth == 0:
        return Node(None, None, value)
    # `l` is live across the second call, which allocates a whole subtree.
    l = make_tree(depth - 1, value * 2)
    r = make_tree(depth - 1, value * 2 + 1)
    return Node(l, r, value)


def check_tree(t):
    if t.left is None:
        return t.value % 7
    return t.value % 7 + check_tree(t.left) - check_tree(t.right)


class Registry(object):
    def __init__(self):
        self.items = []
        self.last = None
        self.count = 0


REGISTRY = Registry()          # a prebuilt instance: static data the barrier must root
LOG = ["start"]                # a prebuilt list that grows into the heap


class Payload(Exception):
    def __init__(self, text):
        self.text = text
        self.node = None


def raiser(i):
    n = Node(None, None, i)
    if i % 3 == 0:
        e = Payload("p" + str(i))
        e.node = n
        raise e
    return n


def gen_nodes(n):
    keep = Node(None, None, -1)
    for i in range(n):
        # `keep` lives in the generator frame across every yield.
        yield Node(keep, None, i)
        keep.value -= 1


def make_adder(base):
    holder = Node(None, None, base)

    def add(x):
        return Node(holder, None, holder.value + x)
    return add


def strings(n):
    parts = []
    for i in range(n):
        s = "w" + str(i) + "-" + str(i * i)
        parts.append(s.upper())
    joined = ",".join(parts)
    back = joined.split(",")
    total = 0
    for p in back:
        total += len(p)
    return total, back[n // 2], joined[:12]


def main(rounds):
    # A long-lived tree gets promoted; young nodes are then stored into it.
    old = make_tree(10, 1)
    base = check_tree(old)
    total = 0
    for r in range(rounds):
        t = make_tree(8, r)
        total += check_tree(t)
        # old -> young stores: without the write barrier the young nodes
        # would be missed by the next minor collection.
        cur = old
        d = 0
        while cur.left is not None:
            if d % 2 == 0:
                cur.right = Node(None, None, r + d)
            cur = cur.left
            d += 1
        REGISTRY.last = Node(None, None, r)
        REGISTRY.items.append(Node(REGISTRY.last, None, r * 3))
        REGISTRY.count += 1
        LOG.append("r" + str(r))
    print("trees", base, total, check_tree(old))
    s = 0
    for n in REGISTRY.items:
        s += n.value + n.left.value
    print("registry", REGISTRY.count, len(REGISTRY.items), s, REGISTRY.last.value)
    print("log", len(LOG), LOG[0], LOG[len(LOG) - 1])

    caught = 0
    kept = []
    for i in range(3000):
        try:
            kept.append(raiser(i))
        except Payload as e:
            caught += e.node.value
            if i % 300 == 0:
                kept.append(e.node)
            if len(e.text) == 0:
                caught -= 1
    s = 0
    for n in kept:
        s += n.value
    print("exceptions", caught, len(kept), s)

    s = 0
    last = None
    for n in gen_nodes(5000):
        s += n.value + n.left.value
        last = n
    print("generator", s, last.left.value)

    add = make_adder(1000)
    s = 0
    for i in range(5000):
        s += add(i).value
    print("closure", s)

    n, mid, head = strings(3000)
    print("strings", n, mid, head)

    # A tuple of fresh objects, live across more allocation.
    pair = (Node(None, None, 11), Node(None, None, 22))
    junk = make_tree(9, 5)
    print("tuple", pair[0].value + pair[1].value, check_tree(junk))
    return 0


def entry_point(argv):
    rounds = 300
    if len(argv) > 1:
        rounds = int(argv[1])
    return main(rounds)


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
