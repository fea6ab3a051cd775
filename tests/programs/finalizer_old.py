# __del__ on objects that lived long enough to be promoted to the old
# generation: under incminimark their finalizers run when a major
# collection finds them dead (each round drops a batch of old objects and
# allocates ~1 MB more). Only whether some ran is printed: when depends on
# the GC (CPython: at once).
import sys


class Stats(object):
    def __init__(self):
        self.freed = 0
        self.bad = 0


STATS = Stats()


class Res(object):
    def __init__(self, n, payload):
        self.n = n
        self.payload = payload

    def __del__(self):
        STATS.freed += 1
        if self.n < 0:
            STATS.bad += 1


def entry_point(argv):
    keep = []
    total = 0
    for r in range(40):
        batch = []
        for i in range(1000):
            batch.append(Res(i, str(i) * 300))
        keep.append(batch)
        if len(keep) > 2:
            old = keep.pop(0)
            total += len(old) + len(old[0].payload)
    print(total, len(keep), STATS.freed > 0, STATS.bad)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
