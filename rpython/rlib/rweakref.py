"""rpython.rlib.rweakref: weak references, as in RPython.

  ref(obj)      a weak reference to an instance; calling it gives the
                instance, or None once the collector found it dead (only
                instances: no weakref to None, an int, a str...)
  RWeakValueDictionary(keyclass, valueclass)
                d.get(key) -> the value or None; d.set(key, value), value
                None deletes. Values are held weakly: an entry whose value
                died reads as None.
  RWeakKeyDictionary(keyclass, valueclass)
                keys are instances held weakly, compared by identity;
                d.get(key) -> the value or None; d.set(key, value), value
                None deletes. A value lives until its key dies and the
                dictionary next sweeps its dead entries.

Untranslated, ref is CPython's weakref.ref (objects die when their last
reference goes, or at gc.collect() for cycles); translated, it is the
runtime's rpy_weakref, cleared by the collector (gc/rpygc.h, docs/GC.md):
rpython.rlib.rgc.collect() makes it see every dead object.

The dictionaries are ordinary RPython code over ref(), one class per
(keyclass, valueclass) pair so that two dictionaries of other types do not
share an annotation.
"""

import weakref

from rpython.rlib.objectmodel import specialize, compute_identity_hash

__all__ = ["ref", "RWeakValueDictionary", "RWeakKeyDictionary"]


def ref(obj):
    """A weak reference to obj (translated: a runtime call)."""
    return weakref.ref(obj)


_classes = {}


def _wvd_class(keyclass, valueclass):
    key = ("v", keyclass, valueclass)
    if key in _classes:
        return _classes[key]

    class WeakValueDict(object):
        def __init__(self):
            self._d = {}
            self._next_sweep = 16

        def get(self, key):
            # Not self._d.get(key, None): the default would make the
            # dict's values weakref-or-None, which cannot be called.
            if key not in self._d:
                return None
            return self._d[key]()

        def set(self, key, value):
            if value is None:
                if key in self._d:
                    del self._d[key]
                return
            assert isinstance(value, valueclass)
            self._d[key] = ref(value)
            if len(self._d) >= self._next_sweep:
                self._sweep()

        def _sweep(self):
            # Dead entries go when the table has doubled since the last
            # sweep: amortized O(1) per set, and bounded memory.
            dead = []
            for k, w in self._d.items():
                if w() is None:
                    dead.append(k)
            for k in dead:
                del self._d[k]
            self._next_sweep = max(16, 2 * len(self._d))

        def __len__(self):
            n = 0
            for w in self._d.values():
                if w() is not None:
                    n += 1
            return n

    WeakValueDict.__name__ = "RWeakValueDictionary_%s_%s" % (keyclass.__name__, valueclass.__name__)
    _classes[key] = WeakValueDict
    return WeakValueDict


_wvd_class._annspecialcase_ = "specialize:memo"


def _wkd_class(keyclass, valueclass):
    key = ("k", keyclass, valueclass)
    if key in _classes:
        return _classes[key]

    class Entry(object):
        def __init__(self, w, value):
            self.w = w
            self.value = value

    class WeakKeyDict(object):
        def __init__(self):
            self._d = {}       # identity hash -> entries with that hash
            self._count = 0
            self._next_sweep = 16

        def get(self, key):
            assert isinstance(key, keyclass)
            bucket = self._d.get(compute_identity_hash(key), None)
            if bucket is None:
                return None
            for e in bucket:
                if e.w() is key:
                    return e.value
            return None

        def set(self, key, value):
            assert isinstance(key, keyclass)
            h = compute_identity_hash(key)
            bucket = self._d.get(h, None)
            if bucket is None:
                if value is None:
                    return
                bucket = []
                self._d[h] = bucket
            for i in range(len(bucket)):
                if bucket[i].w() is key:
                    if value is None:
                        bucket.pop(i)
                        self._count -= 1
                        if not bucket:
                            del self._d[h]
                    else:
                        bucket[i].value = value
                    return
            if value is None:
                return
            bucket.append(Entry(ref(key), value))
            self._count += 1
            if self._count >= self._next_sweep:
                self._sweep()

        def _sweep(self):
            new = {}
            n = 0
            for h, bucket in self._d.items():
                live = []
                for e in bucket:
                    if e.w() is not None:
                        live.append(e)
                n += len(live)
                if live:
                    new[h] = live
            self._d = new
            self._count = n
            self._next_sweep = max(16, 2 * n)

        def __len__(self):
            n = 0
            for bucket in self._d.values():
                for e in bucket:
                    if e.w() is not None:
                        n += 1
            return n

    WeakKeyDict.__name__ = "RWeakKeyDictionary_%s_%s" % (keyclass.__name__, valueclass.__name__)
    _classes[key] = WeakKeyDict
    return WeakKeyDict


_wkd_class._annspecialcase_ = "specialize:memo"


@specialize.arg(0, 1)
def RWeakValueDictionary(keyclass, valueclass):
    return _wvd_class(keyclass, valueclass)()


@specialize.arg(0, 1)
def RWeakKeyDictionary(keyclass, valueclass):
    return _wkd_class(keyclass, valueclass)()
