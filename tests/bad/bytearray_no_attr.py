import sys


def entry_point(argv):
    ba = bytearray(3)
    ba.splitlines()  # E: 'bytearray' object has no attribute 'splitlines'
    return 0


def target(driver, args):
    return entry_point, None
