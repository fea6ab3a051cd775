import sys


def entry_point(argv):
    p = None
    if len(argv) > 3:
        p = "x"
    print(argv[0].removeprefix(p))  # E: removeprefix() argument must be str, not
    return 0


def target(driver, args):
    return entry_point, None
