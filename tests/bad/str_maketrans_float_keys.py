import sys


def entry_point(argv):
    print(str.maketrans({1.5: "a"}))  # E: keys in translate table must be strings or integers
    return 0


def target(driver, args):
    return entry_point, None
