import sys


def entry_point(argv):
    name = argv[0]
    print("%d" % name)  # E: %d format: a real number is required, not str
    return 0


def target(driver, args):
    return entry_point, None
