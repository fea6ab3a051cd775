import sys


def entry_point(argv):
    b = b"ab"
    b[0] = 1  # E: 'bytes' object does not support item assignment
    return 0


def target(driver, args):
    return entry_point, None
