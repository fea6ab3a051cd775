import sys


def entry_point(argv):
    print("{:{:{}}}".format("a", 5, 2))  # E: Max string recursion exceeded
    return 0


def target(driver, args):
    return entry_point, None
