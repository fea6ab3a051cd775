import sys


def entry_point(argv):
    print(bytes(argv[0]))  # E: string argument without an encoding
    return 0


def target(driver, args):
    return entry_point, None
