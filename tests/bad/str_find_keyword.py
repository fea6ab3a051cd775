import sys


def entry_point(argv):
    print(argv[0].find(sub="x"))  # E: str.find() takes no keyword arguments
    return 0


def target(driver, args):
    return entry_point, None
