import sys


class W_Int(object):
    kind = "int"

    def __init__(self, v):
        self.v = v


def entry_point(argv):
    w = W_Int(len(argv))
    print(type(w).kind)  # E: only __name__ is supported
    return 0


def target(driver, args):
    return entry_point, None
