# Calling a method with the wrong number of arguments.
import sys


class Counter(object):
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n += k
        return self.n


def entry_point(argv):
    c = Counter()
    c.add(1)
    print(c.add(2, 3))  # E: argument
    return 0


def target(driver, args):
    return entry_point, None
