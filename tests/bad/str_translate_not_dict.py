import sys


def entry_point(argv):
    print(argv[0].translate(len(argv)))  # E: str.translate() table must be a dict
    return 0


def target(driver, args):
    return entry_point, None
