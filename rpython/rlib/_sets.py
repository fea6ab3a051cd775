"""Set operations the translator calls on the program's behalf (one copy
per call site, annotated with the sets it gets). Sets are hash tables
(runtime/dict.h); these are their algorithms, in RPython. Not for use by
programs."""


def set_union(a, b):
    r = a.copy()
    r.update(b)
    return r


def set_intersection(a, b):
    r = a.copy()
    r.clear()
    for x in a:
        if x in b:
            r.add(x)
    return r


def set_difference(a, b):
    r = a.copy()
    r.clear()
    for x in a:
        if x not in b:
            r.add(x)
    return r


def set_symmetric_difference(a, b):
    r = set_difference(a, b)
    for x in b:
        if x not in a:
            r.add(x)
    return r


def set_issubset(a, b):
    if len(a) > len(b):
        return False
    for x in a:
        if x not in b:
            return False
    return True


def set_issuperset(a, b):
    return set_issubset(b, a)


def set_lt(a, b):
    return len(a) < len(b) and set_issubset(a, b)


def set_gt(a, b):
    return len(a) > len(b) and set_issubset(b, a)


def set_eq(a, b):
    return len(a) == len(b) and set_issubset(a, b)


def set_ne(a, b):
    return not set_eq(a, b)


def set_isdisjoint(a, b):
    for x in a:
        if x in b:
            return False
    return True


def set_update_intersection(a, b):
    for x in set_difference(a, b):
        a.discard(x)


def set_update_difference(a, b):
    for x in b:
        a.discard(x)


def set_update_symmetric_difference(a, b):
    for x in b:
        if x in a:
            a.discard(x)
        else:
            a.add(x)


def dict_eq(a, b):
    if len(a) != len(b):
        return False
    for k, v in a.items():
        if k not in b:
            return False
        if b[k] != v:
            return False
    return True


def dict_ne(a, b):
    return not dict_eq(a, b)


def set_ior(a, b):
    a.update(b)
    return a


def set_iand(a, b):
    set_update_intersection(a, b)
    return a


def set_isub(a, b):
    set_update_difference(a, b)
    return a


def set_ixor(a, b):
    set_update_symmetric_difference(a, b)
    return a


def set_from_iterable(it):
    r = set()
    for x in it:
        r.add(x)
    return r


def dict_copy(d):
    return d.copy()


def dict_from_pairs(it):
    r = {}
    for k, v in it:
        r[k] = v
    return r
