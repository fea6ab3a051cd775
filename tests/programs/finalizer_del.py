# __del__ runs when the GC frees an instance (Boehm: after a collection; CPython:
# at once). Only whether some ran is printed: the count depends on the GC.
import sys
class Stats(object):
    def __init__(self):
        self.freed = 0
STATS = Stats()
class Res(object):
    def __init__(self, n):
        self.n = n
    def __del__(self):
        STATS.freed += 1
def entry_point(argv):
    t = 0
    # 1M instances: several nurseries (8 MB by default), so collections happen.
    for i in range(1000000):
        t += Res(i).n
    print(t, STATS.freed > 0)
    return 0
def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
