import sys


def entry_point(argv):
    print("-".join(len(argv)))  # E: can only join an iterable
    return 0


def target(driver, args):
    return entry_point, None
