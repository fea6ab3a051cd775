# At the default --opt: the small helpers are inlined into the loop, the
# tuple divmod_pos returns and the Vec instances never escape, so malloc
# removal turns them into plain variables: no malloc, getfield or
# direct_call to a program graph is left in entry_point. `big` stays a call
# (_dont_inline_), and so does the recursive `fact`.
from rpython.rlib.objectmodel import dont_inline


class Vec(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def plus(self, other):
        return Vec(self.x + other.x, self.y + other.y)


def divmod_pos(a, b):
    return a // b, a % b


@dont_inline
def big(n):
    return n * 3 + 1


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def entry_point(argv):
    n = len(argv)
    acc = Vec(0, 0)
    i = 0
    while i < n + 10:
        q, r = divmod_pos(i, 3)
        acc = acc.plus(Vec(q, r))
        i += 1
    return acc.x - acc.y + big(n) + fact(n)


def target(driver, args):
    return entry_point, None
