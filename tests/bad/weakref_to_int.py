# Only instances can be weakly referenced (CPython: TypeError).
from rpython.rlib.rweakref import ref


def entry_point(argv):
    w = ref(len(argv))  # E: cannot create weak reference to 'int' object
    return 0


def target(driver, args):
    return entry_point, None
