"""Used by the translator, not translated: the layout of a CPython set's
table, so that a prebuilt (module-level) set starts in the binary with the
same table, hence the same iteration order and the same future, as in
CPython (runtime/dict.h keeps a set's index as CPython's set table).

Read from the set object itself (ctypes over CPython 3's PySetObject), since
its layout depends on its whole history (growths, deletions). Only for sets
whose keys the binary hashes as CPython does (ints, floats, bools and tuples
of them); for the others (str hashes are randomized in CPython) None: the
translator then adds the keys in iteration order."""

import ctypes
import math
import sys


class _SetEntry(ctypes.Structure):
    _fields_ = [("key", ctypes.c_void_p), ("hash", ctypes.c_ssize_t)]


class _SetObject(ctypes.Structure):
    _fields_ = [("ob_refcnt", ctypes.c_ssize_t), ("ob_type", ctypes.c_void_p), ("fill", ctypes.c_ssize_t),
                ("used", ctypes.c_ssize_t), ("mask", ctypes.c_ssize_t), ("table", ctypes.POINTER(_SetEntry)),
                ("hash", ctypes.c_ssize_t), ("finger", ctypes.c_ssize_t)]


def _cpython_hashed(k):
    if isinstance(k, float):
        return not math.isnan(k)
    if isinstance(k, int):
        return True
    if isinstance(k, tuple):
        return all(_cpython_hashed(i) for i in k)
    return False


def cpython_layout(s):
    """(size, finger, [(slot, key)], [dummy slot]) of set `s`, or None."""
    if sys.implementation.name != "cpython" or type(s) not in (set, frozenset) or hasattr(sys, "gettotalrefcount"):
        return None
    keys = list(s)
    if not all(_cpython_hashed(k) for k in keys):
        return None
    by_id = {id(k): k for k in keys}
    so = _SetObject.from_address(id(s))
    if so.used != len(keys):
        return None
    live, dummies = [], []
    for slot in range(so.mask + 1):
        e = so.table[slot]
        if not e.key:
            continue
        if e.key in by_id and e.hash == hash(by_id[e.key]):
            live.append((slot, by_id[e.key]))
        elif e.hash == -1:
            dummies.append(slot)
        else:
            return None
    if [k for _, k in live] != keys or so.fill != len(live) + len(dummies):
        return None
    return so.mask + 1, so.finger, live, dummies
