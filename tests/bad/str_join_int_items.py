import sys


def entry_point(argv):
    words = [len(argv), 2]
    print(" ".join(words))  # E: sequence item 0: expected str instance, int found
    return 0


def target(driver, args):
    return entry_point, None
