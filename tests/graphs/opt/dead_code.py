# After backendopt: the unused pure computations are gone, the division
# (which can raise) and the prints of the inlined `shout` stay, and the
# chain of single-exit blocks left by folded branches is joined.
from rpython.rlib.objectmodel import we_are_translated

CHECKS = False


def work(a, b):
    unused = a * b + 7
    also_unused = unused - a
    q = a // b
    if CHECKS:
        print("checking", q)
    r = a + 1
    if we_are_translated():
        r = r * 2
    return r


def shout(x):
    print("x =", x)
    return x


def entry_point(argv):
    n = len(argv)
    ignored = n * 3
    shout(n)
    return work(n + 1, n) - 4


def target(driver, args):
    return entry_point, None
