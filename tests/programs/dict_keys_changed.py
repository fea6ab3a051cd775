# A dict whose keys change during iteration while its size stays the same
# (a key deleted, another added): CPython's iterator notices that it meets
# more entries than the dict had and raises RuntimeError: dictionary keys
# changed during iteration; the binary went on and yielded the new key.
import sys


def entry_point(argv):
    n = len(argv)
    d = {1: 1, 2: 2, 3: 3}
    seen = []
    try:
        for k in d:
            seen.append(k)
            if k == 1:
                del d[1]
                d[4] = 4
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(seen, d)
    e = {"a": 1, "b": 2}
    seen2 = []
    try:
        for k, v in e.items():
            seen2.append(k)
            if k == "b":
                del e["a"]
                e["c" * n] = 3
    except RuntimeError as ex:
        print("RuntimeError:", ex)
    print(seen2, e)
    f = {1: 1, 2: 2}
    it = iter(f)
    print(next(it))
    del f[2]
    f[5] = 5
    print(next(it))
    print(next(it))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
