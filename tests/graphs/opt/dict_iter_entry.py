# In a loop over a dict, a read of the iterated key in that dict reads the
# value at the iterator's entry (backendopt/dictlookup.cpp): d[k] and
# d.get(k) become rpy_dict_entry_value(d, ix), `k in d` folds to True, also
# after a branch. Kept as lookups: a read of another dict with the key
# (crossing), and a read after a write to the dict.


def best(d):
    b = ""
    n = -1
    for k in d:
        c = d[k]
        if c > n:
            n = c
            b = k
    return b


def after_branch(d):
    t = 0
    for k in d:
        if len(k) > 2:
            t += 1
        if k in d:
            t += d.get(k, 0)
    return t


def crossing(d, e):
    t = 0
    for k in d:
        t += e.get(k, 0)
    return t


def write_between(d):
    t = 0
    for k in d:
        d["x"] = 1
        t += d[k]
    return t


def entry_point(argv):
    d = {}
    for a in argv:
        d[a] = len(a)
    e = {"a": 1}
    return len(best(d)) + after_branch(d) + crossing(d, e) + write_between(e)


def target(driver, args):
    return entry_point, None
