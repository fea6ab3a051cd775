import sys


def entry_point(argv):
    print(",".join(("a", len(argv))))  # E: sequence item 1: expected str instance, int found
    return 0


def target(driver, args):
    return entry_point, None
