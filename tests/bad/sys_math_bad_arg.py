import math


def entry_point(argv):
    print(math.sqrt(argv[0]))  # E: math.sqrt() argument 1 must be real number, not str
    return 0


def target(driver, args):
    return entry_point, None
