# min()/max() of an iterable with default= (returned when it is empty), with
# and without key=, over lists, strings and instances (default None).
import sys


class W(object):
    def __init__(self, n):
        self.n = n


def entry_point(argv):
    n = len(argv)
    e = [x for x in range(n - 1)]
    l = [5, 3, 8, 1]
    print(min(e, default=-1), max(e, default=99), min(l, default=0), max(l, key=lambda x: -x, default=7))
    print(min([2.5 * n, 1.5], default=0.0), max("hello", default="z"), min("", default="?"))
    ws = [W(3), W(1)]
    best = max(ws, key=lambda w: w.n, default=None)
    none = min([w for w in ws if w.n > 5], key=lambda w: w.n, default=None)
    print(best.n if best is not None else -1, none is None)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
