import sys


def entry_point(argv):
    print(argv[0].split(",", sep=","))  # E: argument for split() given by name ('sep') and position (1)
    return 0


def target(driver, args):
    return entry_point, None
