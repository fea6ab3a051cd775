"""How dict and set keys are hashed, compared and shown in a KeyError.

The translator annotates these helpers once per dict family (each family
gets its own copy, bound to its key type), and the dict code it generates
calls them: so a key class's __eq__/__hash__, or an r_dict's functions,
are ordinary translated calls. Not for use by programs."""


def key_hash(key):
    return hash(key)


def key_eq(a, b):
    return a == b


def key_repr(key):
    return repr(key)


def custom_hash(fn, key):
    return fn(key)


def custom_eq(fn, a, b):
    return fn(a, b)
