import sys


def entry_point(argv):
    print(str.maketrans("a", len(argv)))  # E: maketrans() argument 2 must be str, not int
    return 0


def target(driver, args):
    return entry_point, None
