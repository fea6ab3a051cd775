# Assigning an _immutable_fields_ field outside __init__.
import sys


class Const(object):
    _immutable_fields_ = ["value"]

    def __init__(self, value):
        self.value = value

    def bump(self):
        self.value = self.value + 1  # E: immutable


def entry_point(argv):
    c = Const(len(argv))
    c.bump()
    print(c.value)
    return 0


def target(driver, args):
    return entry_point, None
