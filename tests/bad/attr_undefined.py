# Reading an attribute that no class of the hierarchy defines.
import sys


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z


def norm1(p):
    return p.x + p.y + p.w  # E: w


def entry_point(argv):
    p = Point(1, 2)
    if len(argv) > 1:
        p = Point3(1, 2, 3)
    print(norm1(p))
    return 0


def target(driver, args):
    return entry_point, None
