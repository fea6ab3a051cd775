"""repr() of lists, tuples, dicts and sets as CPython prints them.

The translator calls these for str()/repr()/print() of a container (one
copy per call site, so each is annotated with the container type it
gets); repr() of the items recurses into them. Not for use by programs."""

from rpython.rlib.unroll import unrolling_iterable

# Tuples are heterogeneous: their items are reached by constant indexes,
# the loop unrolled (and cut at the tuple's length, a constant).
_TUPLE_INDEXES = unrolling_iterable(range(1, 64))


def instance_str(x):
    # str() of an instance that may be None (its class has __str__ or
    # __repr__): the method call needs a non-None receiver.
    if x is None:
        return "None"
    return str(x)


def instance_repr(x):
    if x is None:
        return "None"
    return repr(x)


def list_repr(l):
    if len(l) == 0:
        return "[]"
    parts = []
    for x in l:
        parts.append(repr(x))
    return "[" + ", ".join(parts) + "]"


def tuple_repr(t):
    n = len(t)
    if n == 0:
        return "()"
    s = "(" + repr(t[0])
    if n == 1:
        return s + ",)"
    for i in _TUPLE_INDEXES:
        if i < n:
            s += ", " + repr(t[i])
    return s + ")"


def dict_repr(d):
    if len(d) == 0:
        return "{}"
    parts = []
    for k, v in d.items():
        parts.append(repr(k) + ": " + repr(v))
    return "{" + ", ".join(parts) + "}"


def set_repr(s):
    if len(s) == 0:
        return "set()"
    parts = []
    for k in s:
        parts.append(repr(k))
    return "{" + ", ".join(parts) + "}"


# d.keys(), d.values(), d.items(): the items as a list, in the view's name.
def dict_keys_repr(v):
    parts = []
    for x in v:
        parts.append(repr(x))
    return "dict_keys([" + ", ".join(parts) + "])"


def dict_values_repr(v):
    parts = []
    for x in v:
        parts.append(repr(x))
    return "dict_values([" + ", ".join(parts) + "])"


def dict_items_repr(v):
    parts = []
    for x in v:
        parts.append(repr(x))
    return "dict_items([" + ", ".join(parts) + "])"
