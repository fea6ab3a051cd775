import sys


def entry_point(argv):
    print(divmod(argv[0], 2))  # E: unsupported operand type(s) for divmod(): 'str' and 'int'
    return 0


def target(driver, args):
    return entry_point, None
