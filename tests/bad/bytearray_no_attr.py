import sys


def entry_point(argv):
    ba = bytearray(3)
    ba.frobnicate()  # E: 'bytearray' object has no attribute 'frobnicate'
    return 0


def target(driver, args):
    return entry_point, None
