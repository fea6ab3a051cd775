import sys


def entry_point(argv):
    d = {}
    d[[1, 2]] = 3  # E: unhashable type: 'list'
    return len(d)


def target(driver, args):
    return entry_point, None
