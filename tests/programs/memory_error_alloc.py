# Under a heap limit (the `# env:` line, set for the translated runs only),
# creating instances and growing a list raise MemoryError at the allocation
# itself: a `try` around it catches it and the program goes on, allocating
# again once the garbage is gone. CPython has no such limit, so untranslated
# the loops raise MemoryError themselves at a bound; translated, they must
# hit the heap limit well before a much larger bound (8 MB holds about 250000
# nodes), or the output differs.
# env: PYPY_GC_MAX=8MB
import sys
from rpython.rlib.objectmodel import we_are_translated

BOUND = 2000000


class Node:
    def __init__(self, i, next):
        self.i = i
        self.next = next


def over_bound(n):
    if not we_are_translated():
        if n == 50000:
            raise MemoryError
        return False
    return n >= BOUND


def chain():
    head = None
    i = 0
    try:
        while True:
            if over_bound(i):
                print("nodes: no MemoryError")
                break
            head = Node(i, head)
            i += 1
    except MemoryError:
        print("nodes: caught MemoryError")
    head = None
    return i


def grow():
    lst = []
    try:
        while True:
            if over_bound(len(lst)):
                print("list: no MemoryError")
                break
            lst.append(len(lst))
    except MemoryError:
        print("list: caught MemoryError")
    n = len(lst)
    lst = []
    return n


def nested(depth):
    # Raised in a callee, caught by the caller's try.
    if depth == 0:
        return chain()
    return nested(depth - 1)


def entry_point(argv):
    for rnd in range(3):
        a = chain()
        b = grow()
        print(rnd, a > 1000, b > 1000)
    try:
        c = nested(5)
        print("nested", c > 1000)
    except MemoryError:
        print("nested: not caught inside")
    # The heap is usable again.
    total = 0
    keep = []
    for i in range(1000):
        keep.append(Node(i, None))
    for n in keep:
        total += n.i
    print(total)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
