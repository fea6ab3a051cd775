import sys

LIMIT = 10


def entry_point(argv):
    print(LIMIT(3))  # E: callable
    return 0


def target(driver, args):
    return entry_point, None
