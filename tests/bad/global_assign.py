import sys

counter = 0


def bump():
    global counter  # E: global
    counter = counter + 1
    return counter


def entry_point(argv):
    print(bump())
    return 0


def target(driver, args):
    return entry_point, None
