import sys


def entry_point(argv):
    print("{} {name}".format_map({"name": argv[0]}))  # E: Format string contains positional fields
    return 0


def target(driver, args):
    return entry_point, None
