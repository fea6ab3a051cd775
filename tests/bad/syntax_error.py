import sys


def entry_point(argv):
    x = 1 +* 2  # E: syntax
    return 0


def target(driver, args):
    return entry_point, None
