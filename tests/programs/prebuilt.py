# Prebuilt constants (issue 3, item 2): module-level instances and tuples
# reachable from the entry point become static data, including a cycle
# between two instances; prebuilt instances stay mutable; frozen objects
# (_freeze_ returns True) fold their attribute reads.  (Prebuilt lists and
# dicts come with the containers issue.)
import sys


class Color(object):
    def __init__(self, name, r, g, b):
        self.name = name
        self.r = r
        self.g = g
        self.b = b

    def brightness(self):
        return (self.r * 299 + self.g * 587 + self.b * 114) // 1000


RED = Color("red", 255, 0, 0)
GREEN = Color("green", 0, 255, 0)
BLUE = Color("blue", 0, 0, 255)
GREY = Color("grey", 128, 128, 128)
PALETTE = (RED, GREEN, BLUE, GREY)
PAIRS = ((RED, "warm"), (BLUE, "cold"), (GREY, "neutral"))


class Person(object):
    def __init__(self, name):
        self.name = name
        self.friend = None
        self.visits = 0


ALICE = Person("alice")
BOB = Person("bob")
ALICE.friend = BOB        # a cycle: alice -> bob -> alice
BOB.friend = ALICE
CAROL = Person("carol")
CAROL.friend = CAROL      # a self-cycle


class Counter(object):
    def __init__(self):
        self.count = 0

    def bump(self, k):
        self.count += k
        return self.count


COUNTER = Counter()


class Config(object):
    """A frozen prebuilt: its attribute reads are constants."""

    def __init__(self, verbose, factor, label):
        self.verbose = verbose
        self.factor = factor
        self.label = label

    def _freeze_(self):
        return True


CONFIG_A = Config(True, 3, "A")
CONFIG_B = Config(False, 7, "B")


class Linked(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def build_chain(n):
    node = None
    for i in range(n):
        node = Linked(i * 10, node)
    return node


CHAIN = build_chain(6)      # built at import time, a static chain in the binary
EMPTY = None
NESTED = ((1, 2.5), ("x", (True, None)), 3)


def use_config(cfg, x):
    if cfg.verbose:
        print("config", cfg.label, "x =", x)
    return x * cfg.factor


def walk_friends(p, steps):
    names = ""
    for i in range(steps):
        p.visits += 1
        names = names + p.name + " "
        p = p.friend
    return names


def chain_sum(node):
    s = 0
    while node is not None:
        s += node.value
        node = node.next
    return s


def entry_point(argv):
    for c in PALETTE:
        print(c.name, c.r, c.g, c.b, c.brightness())
    for pair in PAIRS:
        c, mood = pair
        print(mood, c.name, c is RED, c is PALETTE[2])
    print(walk_friends(ALICE, 5))
    print(walk_friends(CAROL, 2))
    print("visits", ALICE.visits, BOB.visits, CAROL.visits)
    print("cycle", ALICE.friend.friend is ALICE, BOB.friend is ALICE, CAROL.friend is CAROL)
    # prebuilt instances are mutable static data
    GREY.r = GREY.r + 1
    print("grey now", GREY.r, PALETTE[3].r)
    for i in range(4):
        COUNTER.bump(i)
    print("counter", COUNTER.count)
    print(use_config(CONFIG_A, 5), use_config(CONFIG_B, 5))
    cfg = CONFIG_A
    if len(argv) > 3:
        cfg = CONFIG_B
    print("chosen", cfg.label, use_config(cfg, 2))
    print("chain", chain_sum(CHAIN), CHAIN.value, CHAIN.next.value)
    print("empty", EMPTY is None)
    a, b, c = NESTED
    print("nested", a[0], a[1], b[0], b[1][0], b[1][1] is None, c)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
