import sys


def add(a, b):
    return a + b


def entry_point(argv):
    print(add(1, 2, 3))  # E: argument
    return 0


def target(driver, args):
    return entry_point, None
