import sys


def entry_point(argv):
    print(argv[0].partition(len(argv)))  # E: must be str, not int
    return 0


def target(driver, args):
    return entry_point, None
