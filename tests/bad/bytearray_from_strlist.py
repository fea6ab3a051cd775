import sys


def entry_point(argv):
    print(bytearray(["a"]))  # E: 'str' object cannot be interpreted as an integer
    return 0


def target(driver, args):
    return entry_point, None
