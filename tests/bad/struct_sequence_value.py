import sys


def entry_point(argv):
    v = sys.version_info
    print(v)  # E: built-in class 'tuple' cannot be used as an RPython class
    return 0


def target(driver, args):
    return entry_point, None
