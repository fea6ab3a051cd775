# The GC transform on small graphs (--gc=incminimark, after backendopt):
#  - `link`: `head` is live across the call to `make` (which allocates), so
#    it is bracketed by gc_push_roots/gc_pop_roots; `n`, the call's result,
#    is not; the store into `head` (an argument: maybe old) gets a
#    write barrier;
#  - `make`: the store into the object it just allocated needs no barrier
#    (still young), the malloc becomes gc_malloc_nursery;
#  - `safe_div`: the division raises inside a try: only the refs the
#    handler reads (`box`) are saved, and only on the raising path;
#  - `count`: no call can collect, so nothing is pushed.


class Cell(object):
    def __init__(self, value):
        self.value = value
        self.next = None


def make(v):
    c = Cell(v)
    c.next = None
    return c


def link(head, v):
    n = make(v)
    head.next = n
    return head


def safe_div(box, a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return box.value


def count(c):
    k = 0
    while c is not None:
        k += 1
        c = c.next
    return k


def entry_point(argv):
    h = Cell(0)
    for i in range(len(argv)):
        h = link(h, i)
    return count(h) + safe_div(h, 7, len(argv) - 1)


def target(driver, args):
    return entry_point, None
