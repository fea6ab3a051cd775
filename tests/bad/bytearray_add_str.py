import sys


def entry_point(argv):
    ba = bytearray(b"ab")
    print(ba + "cd")  # E: can't concat str to bytearray
    return 0


def target(driver, args):
    return entry_point, None
