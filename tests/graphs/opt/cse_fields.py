# Repeated reads of the same fields become one read each, a field read
# right after it is written takes the written value, and the second
# identical bounds check of `l[i] = l[i] + x` goes (backendopt/cse.cpp).


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


def norm1(p):
    p.x = p.x + 1
    return p.x * p.x + p.y * p.y + p.x


def bump(l, i, x):
    l[i] = l[i] + x


def entry_point(argv):
    p = Point(len(argv), 2)
    l = [1, 2, 3]
    bump(l, len(argv), 5)
    return norm1(p) + l[1]


def target(driver, args):
    return entry_point, None
