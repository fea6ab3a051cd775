# A dict read followed by a write of the same key (backendopt/dictlookup.cpp
# makes them share one lookup at --opt=2 and 3): every pattern, with
# insertions that resize, deleted entries whose slots are reused, values that
# are GC objects, keys with a custom __eq__/__hash__ and r_dict (not
# rewritten, but they must stay right), sets, and writes of other keys or
# calls in between that change the dict (which must keep two lookups).
import sys
from rpython.rlib.objectmodel import r_dict


class Entry(object):
    def __init__(self, key, value):
        self.key = key
        self.value = value


class Key(object):
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __eq__(self, other):
        return self.a == other.a and self.b == other.b

    def __hash__(self):
        return self.a * 7 + self.b


def eq_mod(x, y):
    return x % 10 == y % 10


def hash_mod(x):
    return x % 10


def words(n, seed):
    out = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7fffffff
        out.append("w" + str((x >> 8) % 700))
    return out


def count_get(ws):
    counts = {}
    for w in ws:
        counts[w] = counts.get(w, 0) + 1
    return counts


def count_in(ws):
    counts = {}
    for w in ws:
        if w in counts:
            counts[w] = counts[w] + 1
        else:
            counts[w] = 1
    return counts


def count_getitem(ws):
    counts = {}
    missing = 0
    for w in ws:
        try:
            n = counts[w]
        except KeyError:
            missing += 1
            n = 0
        counts[w] = n + 1
    return counts, missing


def bigrams(ws):
    d = {}
    prev = ""
    for w in ws:
        if prev != "":
            key = (prev, len(w))
            d[key] = d.get(key, 0) + 1
        prev = w
    return d


def churn(steps, window):
    by_int = {}
    checksum = 0
    for i in range(steps):
        k = (i * 7919) % window
        e = Entry(k, [i, i + 1])
        old = by_int.get(k, None)
        if old is not None:
            checksum += old.value[1] - old.value[0] + old.key
        by_int[k] = e
    return checksum, len(by_int)


def holes(n):
    # Deleted entries leave dummy slots on probe paths: an insertion after a
    # lookup goes into the first dummy, a lookup of a live key passes them.
    d = {}
    for i in range(n):
        d[i * 8] = i
    for i in range(0, n, 3):
        del d[i * 8]
    total = 0
    for i in range(n + 20):
        k = i * 8
        d[k] = d.get(k, -1000) + 1
        total += d[k]
    keys = []
    for k in d:
        keys.append(k)
    return total, len(d), keys[0], keys[-1], keys[len(keys) // 2]


def other_key_between(d, k, other):
    v = d.get(k, 0)
    d[other] = v * 10  # may resize: the slot of k would be stale
    d[k] = v + 1


def grow(d, n):
    for i in range(n):
        d[1000 + i] = i


def shrink(d):
    for k in [1, 2, 3]:
        if k in d:
            del d[k]


def call_between(d, k, n):
    v = d.get(k, 0)
    grow(d, n)
    d[k] = v + 1
    w = d.get(k + 1, 0)
    shrink(d)
    d[k + 1] = w + 5


def custom_keys(n):
    d = {}
    for i in range(n):
        k = Key(i % 5, i % 3)
        d[k] = d.get(k, 0) + 1
    total = 0
    for k in d:
        total += d[k] * (k.a * 10 + k.b)
    return len(d), total


def rdict_counts(n):
    rd = r_dict(eq_mod, hash_mod)
    for i in range(n):
        rd[i] = rd.get(i, 0) + 1
    out = []
    for k in rd:
        out.append(k * 1000 + rd[k])
    return out


def float_keys():
    d = {}
    for x in [0.0, 1.5, -0.0, 1.5, 2.25, 0.0]:
        d[x] = d.get(x, 0) + 1
    out = []
    for k in d:
        out.append(str(k) + ":" + str(d[k]))
    return " ".join(out)


def set_dedup(ws):
    seen = set()
    order = []
    for w in ws:
        if w not in seen:
            seen.add(w)
            order.append(w)
    return len(seen), len(order), order[0], order[-1]


def lookup_twice(d, ks):
    found = 0
    for k in ks:
        if k in d:
            found += d[k]
    return found


def key_error(d, k):
    try:
        v = d[k]
        d[k] = v + 1
        return v
    except KeyError:
        return -1


def entry_point(argv):
    ws = words(20000, 7)
    c1 = count_get(ws)
    c2 = count_in(ws)
    c3, missing = count_getitem(ws)
    print(len(c1), len(c2), len(c3), missing)
    same = 0
    for w in c1:
        if c1[w] == c2[w] and c2[w] == c3[w]:
            same += 1
    print("same", same, c1["w5"], c1["w699"], c1.get("nope", -1))
    b = bigrams(ws)
    best = 0
    for k in b:
        if b[k] > best:
            best = b[k]
    print("bigrams", len(b), best, b.get(("w5", 2), 0))
    print("churn", churn(50000, 997))
    print("holes", holes(300))
    d = {}
    for i in range(5):
        other_key_between(d, i % 2, 100 + i)
    keys = []
    for k in d:
        keys.append(str(k) + "=" + str(d[k]))
    print("other key", " ".join(keys))
    d2 = {1: 1, 2: 2, 3: 3}
    call_between(d2, 2, 50)
    call_between(d2, 2, 0)
    print("call between", len(d2), d2[2], d2[3], d2.get(1, -1))
    print("custom", custom_keys(100))
    print("r_dict", rdict_counts(25))
    print("floats", float_keys())
    print("set", set_dedup(ws))
    print("twice", lookup_twice(c1, ["w1", "w2", "zz", "w3"]))
    d3 = {"a": 1}
    print("key error", key_error(d3, "a"), key_error(d3, "b"), d3["a"], len(d3))
    try:
        print(d3["b"])
    except KeyError:
        print("KeyError")
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
