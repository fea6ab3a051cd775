# A dict churning short-lived objects: a cache of WINDOW live entries keyed
# by int and str, every step replacing one (the old value dies, usually
# after it was promoted, so the major collections and the write barrier on
# the dict's old entry array both work). An RPython-3 target that also runs
# on CPython and PyPy.
#   dictchurn [steps=3000000] [window=20000]
import sys


class Entry(object):
    def __init__(self, key, value, tag):
        self.key = key
        self.value = value
        self.tag = tag


class Pair(object):
    def __init__(self, a, b):
        self.a = a
        self.b = b


def run(steps, window):
    by_int = {}
    by_str = {}
    checksum = 0
    for i in range(steps):
        k = (i * 7919) % window
        e = Entry(k, Pair(i, i + 1), "t" + str(k % 97))
        old = by_int.get(k, None)
        if old is not None:
            checksum += old.value.a - old.value.b + len(old.tag)
        by_int[k] = e
        if i % 8 == 0:
            by_str[e.tag + "/" + str(k)] = e
        if i % 5 == 0:
            # a short-lived temporary that never reaches the dict
            checksum += Pair(i, k).b % 3
    return checksum + len(by_int) + len(by_str)


def entry_point(argv):
    steps = 3000000
    window = 20000
    if len(argv) > 1:
        steps = int(argv[1])
    if len(argv) > 2:
        window = int(argv[2])
    print("checksum", run(steps, window))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
