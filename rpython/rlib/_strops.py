"""str operations written in RPython.

The translator calls these on the program's behalf, one copy per call site
(annotator/strs.cpp): sep.join() of an iterable other than a list,
str.translate() and str.maketrans(). What is shared with bytes (partition,
removeprefix, startswith with a tuple...) is in _bytesops.py. Messages are
CPython 3's. Not for use by programs."""

from rpython.rlib.unroll import unrolling_iterable


def str_join_iter(sep, it):  # the runtime's join takes a list
    r = []
    for x in it:
        r.append(x)
    return sep.join(r)


# A tuple's items are reached by constant indexes: the loop is unrolled and
# cut at the tuple's length (the annotator limits it to this).
_TUPLE_INDEXES = unrolling_iterable(range(64))


def str_join_tuple(sep, t):
    r = []
    n = len(t)
    for i in _TUPLE_INDEXES:
        if i < n:
            r.append(t[i])
    return sep.join(r)


# str.translate(table), one helper per kind of value the dict holds (its
# values have one type): code points, str or None (deletion), only None.
# Unchanged runs are appended as slices, and s itself is returned when no
# character is in the table.
def str_translate_int(s, table):
    r = []
    n = len(s)
    start = 0
    i = 0
    for c in s:
        k = ord(c)
        if k in table:
            v = table[k]
            if v < 0 or v > 0x10FFFF:
                raise ValueError("character mapping must be in range(0x110000)")
            r.append(s[start:i])
            r.append(chr(v))
            start = i + 1
        i += 1
    if start == 0:
        return s
    r.append(s[start:n])
    return "".join(r)


def str_translate_str(s, table):
    r = []
    n = len(s)
    start = 0
    i = 0
    for c in s:
        k = ord(c)
        if k in table:
            v = table[k]
            r.append(s[start:i])
            if v is not None:
                r.append(v)
            start = i + 1
        i += 1
    if start == 0:
        return s
    r.append(s[start:n])
    return "".join(r)


def str_translate_delete(s, table):
    r = []
    n = len(s)
    start = 0
    i = 0
    for c in s:
        if ord(c) in table:
            r.append(s[start:i])
            start = i + 1
        i += 1
    if start == 0:
        return s
    r.append(s[start:n])
    return "".join(r)


def str_maketrans_strkeys(d):  # str.maketrans(dict): str keys become code points
    r = {}
    for k in d:
        if len(k) != 1:
            raise ValueError("string keys in translate table must be of length 1")
        r[ord(k)] = d[k]
    return r


def str_maketrans_intkeys(d):
    r = {}
    for k in d:
        r[k] = d[k]
    return r


def str_maketrans2(x, y):
    if len(x) != len(y):
        raise ValueError("the first two maketrans arguments must have equal length")
    r = {}
    i = 0
    for c in x:
        r[ord(c)] = ord(y[i])
        i += 1
    return r


def str_maketrans3(x, y, z):
    # CPython maps x's characters to code points and z's to None: a dict
    # whose values are int or None, which has no RPython type. The values
    # here are y's one-character strs instead; translate() gives the same.
    if len(x) != len(y):
        raise ValueError("the first two maketrans arguments must have equal length")
    r = {}
    i = 0
    for c in x:
        r[ord(c)] = y[i]
        i += 1
    for c in z:
        r[ord(c)] = None
    return r
