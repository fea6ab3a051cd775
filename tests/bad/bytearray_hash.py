import sys


def entry_point(argv):
    ba = bytearray(b"k")
    d = {}
    d[ba] = 1  # E: unhashable
    return 0


def target(driver, args):
    return entry_point, None
