# Under the default --gc=incminimark, __del__ runs inside the collector
# (a light finalizer, as in RPython): one that allocates is rejected.
import sys


class Res(object):
    def __init__(self, n):
        self.n = n

    def __del__(self):  # E: must not
        print("freeing", self.n)


def entry_point(argv):
    r = Res(len(argv))
    return r.n


def target(driver, args):
    return entry_point, None
