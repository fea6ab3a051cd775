import sys


def entry_point(argv):
    cls = type("Dyn", (object,), {})  # E: creates a class at run time
    print(cls)
    return 0


def target(driver, args):
    return entry_point, None
