# `for k in d: ... d[k]` (also d.get(k), k in d) reads the value at the
# iterator's entry at --opt=2 and 3 (backendopt/dictlookup.cpp): str, int,
# tuple and float keys, deleted entries the iterator skips, values changed
# in the loop, and the cases that must keep their lookup: a dict changed in
# between (RuntimeError when its size changes, as in CPython), keys with a
# custom __eq__/__hash__, another dict read with the key, a key that is not
# the iterator's, and a call in between.
import sys


class Key(object):
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __eq__(self, other):
        return self.a == other.a and self.b == other.b

    def __hash__(self):
        return self.a * 7 + self.b


class Box(object):
    def __init__(self, n):
        self.n = n


def words(n, seed):
    out = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7fffffff
        out.append("w" + str((x >> 8) % 900))
    return out


def best(d):
    b = ""
    n = -1
    for k in d:
        c = d[k]
        if c > n:
            n = c
            b = k
    return b, n


def sums(d):
    t = 0
    inside = 0
    for k in d:
        if k in d:
            inside += 1
        t += d.get(k, -1000) * 3 + d.get(k, 5)
    return t, inside


def sums_int(d):
    t = 0
    for k in d:
        if k in d:
            t += k
        t += d.get(k, -1000) + d[k] * 2
    return t


def after_if(d):
    # The read is after a branch that does not touch the dict.
    t = 0
    for k in d:
        if k % 3 == 0:
            t += 1
        else:
            t -= 2
        t += d[k]
    return t


def tuple_keys(n):
    d = {}
    for i in range(n):
        d[(i % 7, "t" + str(i % 5))] = i
    out = []
    for k in d:
        out.append(k[1] + str(k[0]) + "=" + str(d[k]))
    return " ".join(out)


def float_keys():
    d = {0.5: 1, -0.0: 2, 3.25: 3, 1e300: 4}
    t = 0
    for k in d:
        t += d[k] * 10 + d.get(k, 0)
    return t


def with_holes(n):
    d = {}
    for i in range(n):
        d[i * 3] = i
    for i in range(0, n, 4):
        del d[i * 3]
    t = 0
    for k in d:
        t += d[k]
    return t, len(d)


def bump_all(d):
    # A write of the iterated key keeps the size: allowed, and the next read
    # must see the new value.
    for k in d:
        d[k] = d[k] + 1
        d[k] = d[k] * 2
    return sorted_items(d)


def sorted_items(d):
    ks = []
    for k in d:
        ks.append(k)
    ks.sort()
    return " ".join([str(k) + ":" + str(d[k]) for k in ks])


def delete_during(d):
    seen = 0
    try:
        for k in d:
            seen += d[k]
            del d[k]
            seen += d.get(k, 100)
    except RuntimeError as e:
        return "RuntimeError " + str(e) + " " + str(seen) + " " + str(len(d))
    return "no error " + str(seen)


def insert_during(d):
    seen = 0
    try:
        for k in d:
            d[k + 1000] = 1
            seen += d[k]
    except RuntimeError as e:
        return "RuntimeError " + str(e) + " " + str(seen) + " " + str(len(d))
    return "no error " + str(seen)


def other_key_write(d):
    # d[k] after a write of another, existing key: same size, no error.
    t = 0
    first = -1
    for k in d:
        if first < 0:
            first = k
        d[first] = d[first] + 1
        t += d[k]
    return t


def helper(d, k):
    d[k] = d[k] + 5
    return 1


def call_between(d):
    t = 0
    for k in d:
        t += helper(d, k)
        t += d[k]
    return t


def custom_keys(n):
    d = {}
    for i in range(n):
        k = Key(i % 5, i % 4)
        d[k] = d.get(k, 0) + i
    t = 0
    inside = 0
    for k in d:
        t += d[k] * (k.a * 10 + k.b)
        if k in d:
            inside += 1
    return len(d), t, inside


def crossing(d1, d2):
    # d2[k] with k from d1's iteration: d2's own lookup, never d1's entry.
    t = 0
    missing = 0
    for k in d1:
        for j in d2:
            if k in d2:
                t += d2[k] * 100 + d1[k]
            else:
                missing += 1
            t += d2.get(j, 0) + d1.get(j, 7)
    return t, missing


def not_the_key(d):
    t = 0
    for k in d:
        j = k + 1
        t += d.get(j, -1)
        if j in d:
            t += 1000
    return t


def box_values(n):
    d = {}
    for i in range(n):
        d["b" + str(i)] = Box(i)
    t = 0
    for k in d:
        b = d[k]
        t += b.n
        same = d.get(k)
        if same is not None and same is b:
            t += 1000
        d[k] = Box(b.n + 1)  # allocation in the loop
        t += d[k].n
    return t


def iter_values_items(d):
    t = 0
    for k, v in d.items():
        t += v + d[k]
    for k in d.keys():
        t += d[k]
    return t


def entry_point(argv):
    ws = words(3000, 11)
    counts = {}
    for w in ws:
        counts[w] = counts.get(w, 0) + 1
    print("best", best(counts))
    print("sums", sums(counts))
    ints = {}
    for i in range(200):
        ints[i * 7 % 101] = i
    print("ints", best_int(ints), sums_int(ints), after_if(ints))
    print("tuples", tuple_keys(40))
    print("floats", float_keys())
    print("holes", with_holes(100))
    print("bump", bump_all({1: 1, 5: 2, 3: 3}))
    print("delete", delete_during({1: 10, 2: 20, 3: 30}))
    print("insert", insert_during({1: 10, 2: 20}))
    print("other write", other_key_write({4: 1, 8: 2, 12: 3}))
    print("call", call_between({1: 1, 2: 2, 3: 3}))
    print("custom", custom_keys(60))
    a = {1: 1, 2: 2, 3: 3, 9: 9}
    b = {3: 30, 2: 20, 5: 50}
    print("crossing", crossing(a, b), crossing(b, a))
    print("not the key", not_the_key({1: 1, 2: 2, 4: 4}))
    print("boxes", box_values(50))
    print("items", iter_values_items(ints))
    return 0


def best_int(d):
    b = -1
    n = -1
    for k in d:
        if d[k] > n:
            n = d[k]
            b = k
    return b


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
