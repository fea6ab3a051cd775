# A dict read followed by a write of the same key shares one lookup
# (backendopt/dictlookup.cpp): get + setitem in one block, `in` + [] + []=
# across the branch, and a write of another key in between keeping two.


def count(d, w):
    d[w] = d.get(w, 0) + 1


def bump(d, k):
    if k in d:
        d[k] = d[k] + 1
    else:
        d[k] = 1


def other_between(d, k, j):
    v = d.get(k, 0)
    d[j] = v
    d[k] = v + 1


def entry_point(argv):
    d = {}
    for a in argv:
        count(d, a)
        bump(d, a)
    other_between(d, "x", "y")
    return len(d)


def target(driver, args):
    return entry_point, None
