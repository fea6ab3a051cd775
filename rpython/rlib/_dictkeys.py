"""How dict and set keys are hashed, compared and shown in a KeyError.

The translator annotates these helpers once per dict family (each family
gets its own copy, bound to its key type), and the dict code it generates
calls them: so a key class's __eq__/__hash__, or an r_dict's functions,
are ordinary translated calls. Not for use by programs."""

from rpython.rlib.objectmodel import compute_hash


def key_hash(key):
    # A dict only needs equal keys to hash equal: a number is hashed the
    # cheapest way, compute_hash's (an int is its own hash), not as hash()
    # does (CPython's value, which a program may print).
    if isinstance(key, int) or isinstance(key, float):
        return compute_hash(key)
    return hash(key)


def key_eq(a, b):
    return a == b


def key_repr(key):
    return repr(key)


def custom_hash(fn, key):
    return fn(key)


def custom_eq(fn, a, b):
    return fn(a, b)


# ---- CPython's hash(), for the keys of a set of tuples ----------------------
#
# A set shows its items in the order of CPython's set table, which follows
# the keys' CPython hashes (runtime/dict.h hashes ints and floats itself; a
# tuple's hash is computed here from its items'): Objects/tupleobject.c's
# xxHash-based tuplehash and Python/pyhash.c's numeric hashes.

import math

from rpython.rlib.objectmodel import specialize
from rpython.rlib.rarithmetic import intmask, r_uint
from rpython.rlib.unroll import unrolling_iterable

_XXPRIME_1 = r_uint(11400714785074694791)
_XXPRIME_2 = r_uint(14029467366897019727)
_XXPRIME_5 = r_uint(2870177450012600261)
_XXLEN_MIX = r_uint(2870177450012600261 ^ 3527539)
_MODULUS = (1 << 61) - 1
_TUPLE_INDEXES = unrolling_iterable(range(64))


def _pyhash_int(x):
    h = x % _MODULUS  # in [0, _MODULUS): for x < 0, CPython's is -(-x % _MODULUS)
    if x < 0 and h != 0:
        h -= _MODULUS
    return -2 if h == -1 else h


def _pyhash_float(v):
    if math.isinf(v):
        return 314159 if v > 0 else -314159
    if math.isnan(v):
        return 0  # CPython hashes a NaN by its address
    m, e = math.frexp(v)
    sign = 1
    if m < 0:
        sign = -1
        m = -m
    x = r_uint(0)
    mod = r_uint(_MODULUS)
    while m != 0.0:
        x = ((x << 28) & mod) | (x >> 33)
        m *= 268435456.0
        e -= 28
        y = int(m)
        m -= float(y)
        x += r_uint(y)
        if x >= mod:
            x -= mod
    if e >= 0:
        e = e % 61
    else:
        e = 60 - ((-1 - e) % 61)
    x = ((x << e) & mod) | (x >> (61 - e))
    h = intmask(x) * sign
    return -2 if h == -1 else h


@specialize.argtype(0)
def _pyhash(x):
    if isinstance(x, bool):
        return 1 if x else 0
    if isinstance(x, int):
        return _pyhash_int(x)
    if isinstance(x, float):
        return _pyhash_float(x)
    if isinstance(x, tuple):
        n = len(x)
        acc = _XXPRIME_5
        for i in _TUPLE_INDEXES:
            if i < n:
                acc += r_uint(_pyhash(x[i])) * _XXPRIME_2
                acc = (acc << 31) | (acc >> 33)
                acc *= _XXPRIME_1
        acc += r_uint(n) ^ _XXLEN_MIX
        h = intmask(acc)
        return 1546275796 if h == -1 else h
    return hash(x)


def key_pyhash(key):
    return _pyhash(key)
