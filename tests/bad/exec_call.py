import sys


def entry_point(argv):
    exec("print(42)")  # E: exec
    return 0


def target(driver, args):
    return entry_point, None
