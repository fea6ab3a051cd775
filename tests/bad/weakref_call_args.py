# A weakref is called without arguments.
from rpython.rlib.rweakref import ref


class A(object):
    pass


def entry_point(argv):
    a = A()
    w = ref(a)
    b = w(a)  # E: weakref() takes no arguments
    return 0 if b is a else 1


def target(driver, args):
    return entry_point, None
