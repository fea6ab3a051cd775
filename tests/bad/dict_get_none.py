import sys


def entry_point(argv):
    d = {1: 2}
    x = d.get(len(argv))  # E: dict.get(key) without a default returns None
    return x


def target(driver, args):
    return entry_point, None
