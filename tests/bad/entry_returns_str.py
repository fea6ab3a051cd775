import sys


def entry_point(argv):
    print("about to return the wrong type")
    return "done"  # E: int


def target(driver, args):
    return entry_point, None
