import sys


class Key(object):
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v


def entry_point(argv):
    d = {}
    d[Key(1)] = 3  # E: unhashable type: 'Key' (it defines __eq__ but not __hash__)
    return len(d)


def target(driver, args):
    return entry_point, None
