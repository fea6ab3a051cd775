import sys


def entry_point(argv):
    d = {}
    d["a"] = 1
    d[2] = 3  # E: a dict holds keys of one type: str and int
    return len(d)


def target(driver, args):
    return entry_point, None
