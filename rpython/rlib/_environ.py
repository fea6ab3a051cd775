"""os.environ for translated programs.

The flow builder replaces os.environ by `environ` below (as it replaces
open() by rpython.rlib.rfile.open). Untranslated, programs keep CPython's.
As CPython's os.environ, it is a mapping read from the process environment
(here on first use, not at startup: the translator's own environment must
not be frozen into the program) and writing to it also calls putenv /
unsetenv, so child processes see the change. os.getenv is getenv below:
as CPython's, it reads this mapping (os.putenv alone does not change it).

  environ[k]  KeyError(k)       k in environ      len(environ)
  environ[k] = v                del environ[k]    iteration over the keys
  get(k[, default])  keys()  values()  items()  pop(k[, default])
  setdefault(k, v)  copy() (a dict)  clear()
Keys and values are str.
"""
import os

from rpython.rlib.objectmodel import specialize


def _entries():
    """The process environment as "KEY=value" str (a runtime function when
    translated)."""
    return ["%s=%s" % (k, v) for k, v in os.environ.items()]


class _Environ(object):
    def __init__(self):
        self.data = None

    def _dict(self):
        d = self.data
        if d is None:
            d = {}
            for entry in _entries():
                i = entry.find("=")
                if i >= 0:
                    key = entry[:i]
                    if key not in d:  # the first of duplicate entries, as CPython
                        d[key] = entry[i + 1:]
            self.data = d
        return d

    def __getitem__(self, key):
        d = self._dict()
        if key not in d:
            raise KeyError(key)
        return d[key]

    def __setitem__(self, key, value):
        d = self._dict()
        os.putenv(key, value)
        d[key] = value

    def __delitem__(self, key):
        d = self._dict()
        os.unsetenv(key)
        if key not in d:
            raise KeyError(key)
        del d[key]

    def __contains__(self, key):
        return key in self._dict()

    def __len__(self):
        return len(self._dict())

    def __iter__(self):
        for key in self._dict():
            yield key

    # One version per default's type: getenv(k) gets str-or-None, while
    # environ.get(k, "") stays a plain str for the caller.
    @specialize.argtype(2)
    def get(self, key, default=None):
        d = self._dict()
        if key in d:
            return d[key]
        return default

    def keys(self):
        return list(self._dict().keys())

    def values(self):
        return list(self._dict().values())

    def items(self):
        return list(self._dict().items())

    def pop(self, key, default=None):
        d = self._dict()
        if key in d:
            value = d[key]
            self.__delitem__(key)
            return value
        if default is None:
            raise KeyError(key)
        return default

    def setdefault(self, key, value):
        d = self._dict()
        if key not in d:
            self.__setitem__(key, value)
        return d[key]

    def copy(self):
        return self._dict().copy()

    def clear(self):
        for key in self.keys():
            self.__delitem__(key)


environ = _Environ()


def getenv(key, default=None):
    return environ.get(key, default)
