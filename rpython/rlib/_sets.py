"""Set operations the translator calls on the program's behalf (one copy
per call site, annotated with the sets it gets). Sets are hash tables
(runtime/dict.h); these are their algorithms, in RPython. Not for use by
programs.

The translator makes a copy of a top-level helper per call site; a helper
that another one calls is specialized on its argument types (the copies
call it with sets or dicts of different types)."""

from rpython.rlib.objectmodel import specialize


# A set iterates in the order of CPython's set table (runtime/dict.h), which
# depends on the order the keys went in: these follow CPython's
# Objects/setobject.c step for step (which set is walked, which one is
# copied), so the results print as CPython's.

def set_union(a, b):  # a | b: set_copy, then set_merge (whose first resize a | a skips)
    r = a.copy()
    if a is not b:
        r.update(b)
    return r


def set_intersection(a, b):  # a & b: the smaller set walked
    if a is b:
        return a.copy()
    r = set()
    if len(b) > len(a):
        a, b = b, a
    for x in b:
        if x in a:
            r.add(x)
    return r


def set_difference(a, b):  # a - b
    if (len(a) >> 2) > len(b):
        r = a.copy()
        r.difference_update(b)
        return r
    r = set()
    for x in a:
        if x not in b:
            r.add(x)
    return r


def set_symmetric_difference(a, b):  # a ^ b: a copy of b, updated with a
    r = b.copy()
    _symmetric_difference_update(r, a)
    return r


@specialize.argtype(0, 1)
def _issubset(a, b):
    if len(a) > len(b):
        return False
    for x in a:
        if x not in b:
            return False
    return True


def set_issubset(a, b):
    return _issubset(a, b)


def set_issuperset(a, b):
    return _issubset(b, a)


def set_lt(a, b):
    return len(a) < len(b) and _issubset(a, b)


def set_gt(a, b):
    return len(a) > len(b) and _issubset(b, a)


def set_eq(a, b):
    return len(a) == len(b) and _issubset(a, b)


def set_ne(a, b):
    return not (len(a) == len(b) and _issubset(a, b))


def set_isdisjoint(a, b):
    for x in a:
        if x in b:
            return False
    return True


@specialize.argtype(0, 1)
def _symmetric_difference_update(a, b):
    if a is b:
        a.clear()
        return
    for x in b:
        if x in a:
            a.discard(x)
        else:
            a.add(x)


def set_update_symmetric_difference(a, b):
    _symmetric_difference_update(a, b)


@specialize.argtype(0, 1)
def _dict_eq(a, b):
    if len(a) != len(b):
        return False
    for k, v in a.items():
        if k not in b:
            return False
        if b[k] != v:
            return False
    return True


def dict_eq(a, b):
    return _dict_eq(a, b)


def dict_ne(a, b):
    return not _dict_eq(a, b)


def set_ior(a, b):
    a.update(b)
    return a


def set_iand(a, b):
    a.intersection_update(b)
    return a


def set_isub(a, b):
    a.difference_update(b)
    return a


def set_ixor(a, b):
    _symmetric_difference_update(a, b)
    return a


@specialize.argtype(0)
def set_display(s):
    # A display of constants, {1, 2, 3}, built item by item in `s`: CPython's
    # compiler makes it a frozenset, which its constant merging rebuilds from
    # its own iteration order; the code then merges that into a new set.
    frozen = set()
    for x in s:
        frozen.add(x)
    return frozen.copy()


def set_from_iterable(it):
    return _set_of(it)


@specialize.argtype(0)
def _set_of(it):
    r = set()
    for x in it:
        r.add(x)
    return r


# The set methods given another iterable than a set: CPython's paths for
# them (setobject.c), which walk the iterable or first make a set of it.

def set_update_iter(s, it):  # s.update(it): its items added in order
    for x in it:
        s.add(x)


def set_union_iter(s, it):
    r = s.copy()
    for x in it:
        r.add(x)
    return r


def set_intersection_iter(s, it):  # the iterable walked
    r = set()
    for x in it:
        if x in s:
            r.add(x)
    return r


def set_difference_iter(s, it):  # a copy, then its difference_update
    r = s.copy()
    r.difference_update(_set_of(it))  # the same dummies and rebuild as discarding in order
    return r


def set_difference_update_iter(s, it):
    s.difference_update(_set_of(it))


def set_symmetric_difference_iter(s, it):  # set(it), updated with s
    r = _set_of(it)
    _symmetric_difference_update(r, s)
    return r


def set_update_symmetric_difference_iter(s, it):  # set(it) walked
    _symmetric_difference_update(s, _set_of(it))


def set_issubset_iter(s, it):
    return _issubset(s, _set_of(it))


def set_issuperset_iter(s, it):
    for x in it:
        if x not in s:
            return False
    return True


def set_isdisjoint_iter(s, it):
    for x in it:
        if x in s:
            return False
    return True


def dict_copy(d):
    return d.copy()


@specialize.argtype(0, 1)
def _update_pairs(d, it):
    # A pair is a 2-tuple (checked by the annotator), or a list or str
    # whose length is only known here.
    i = 0
    for x in it:
        if isinstance(x, tuple):
            k, v = x
            d[k] = v
        else:
            if len(x) != 2:
                raise ValueError("dictionary update sequence element #" + str(i) + " has length " + str(len(x)) +
                                 "; 2 is required")
            d[x[0]] = x[1]
        i += 1


def dict_from_pairs(it):  # dict(pairs)
    r = {}
    _update_pairs(r, it)
    return r


def dict_update_pairs(d, it):  # d.update(pairs)
    _update_pairs(d, it)


def dict_fromkeys(it, value):  # dict.fromkeys(it[, value]): value is None without one
    r = {}
    if isinstance(it, str):
        i = 0
        n = len(it)
        while i < n:
            r[it[i]] = value
            i += 1
    else:
        for k in it:
            r[k] = value
    return r


def dict_values_contains(v, x):  # x in d.values()
    for y in v:
        if y == x:
            return True
    return False


def dict_items_contains(v, item):  # (k, x) in d.items()
    k, x = item
    for kk, y in v:
        if kk == k and y == x:
            return True
    return False
