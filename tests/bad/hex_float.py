import sys


def entry_point(argv):
    print(hex(len(argv) * 1.5))  # E: 'float' object cannot be interpreted as an integer
    return 0


def target(driver, args):
    return entry_point, None
