import sys


def entry_point(argv):
    t = (1, "a", 2.0)
    print(t[::0])  # E: slice step cannot be zero
    return 0


def target(driver, args):
    return entry_point, None
