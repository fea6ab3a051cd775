import sys


def entry_point(argv):
    print(len(sys.argv))  # E: sys.argv
    return 0


def target(driver, args):
    return entry_point, None
