# In a program with a __del__, an allocation between a dict read and the
# write of the same key keeps two lookups: a finalizer runs at a collection
# and may change the dict (backendopt/dictlookup.cpp). Without an
# allocation in between they still share one.


class Entry(object):
    def __init__(self, key):
        self.key = key


class Tracked(object):
    def __init__(self, n):
        self.n = n

    def __del__(self):
        STATS.clear()


STATS = {0: 0}


def replace(d, k):
    old = d.get(k, None)
    d[k] = Entry(k)
    return old


def bump(d, k):
    d[k] = d.get(k, 0) + 1


def entry_point(argv):
    d = {}
    counts = {}
    for a in argv:
        replace(d, len(a))
        bump(counts, len(a))
    t = Tracked(len(argv))
    return len(d) + len(counts) + t.n


def target(driver, args):
    return entry_point, None
