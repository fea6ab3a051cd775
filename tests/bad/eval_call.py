import sys


def compute(s):
    return eval(s)  # E: eval


def entry_point(argv):
    print(compute("1 + 2"))
    return 0


def target(driver, args):
    return entry_point, None
