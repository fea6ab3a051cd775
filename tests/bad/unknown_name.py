import sys


def entry_point(argv):
    total = 0
    for i in range(3):
        total += undefined_thing * i  # E: undefined_thing
    print(total)
    return 0


def target(driver, args):
    return entry_point, None
