import sys


def pick(n):
    if n > 0:
        value = 42
    else:
        value = "forty-two"  # E: str
    return value


def entry_point(argv):
    print(pick(len(argv)))
    return 0


def target(driver, args):
    return entry_point, None
