# Calling an @not_rpython helper from translated code is an error.
from rpython.rlib.objectmodel import not_rpython


@not_rpython
def build_table(n):
    return tuple(range(n))


TABLE = build_table(4)   # fine: import time


def entry_point(argv):
    t = build_table(len(argv))  # E: not_rpython
    return 0


def target(driver, args):
    return entry_point, None
