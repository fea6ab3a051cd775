"""rpython.rlib.objectmodel: helpers that mean something to the translator.

Untranslated (on CPython) they are ordinary functions and classes that give
the same results as the translated program; the translator recognises them
by the marks below and gives them their translated meaning.

Marks the translator looks for (attributes on the function/class objects):

  _rpy_we_are_translated_ = True   we_are_translated (folds to True)
  _rpy_special_ = NAME             one distinct NAME per helper, listed in
                                   RPY_SPECIAL_NAMES below
  _annspecialcase_ = "specialize:..."   set by @specialize.*
  _always_inline_ / _dont_inline_ / _not_rpython_ / _annenforceargs_
                                   set by the decorators of the same name

Hashes (must be reproduced bit for bit by the translated runtime):

  compute_hash(int or bool)  -> intmask(x)
  compute_hash(None)         -> 0
  compute_hash(str)          -> over the UTF-8 bytes b[0..n) (0 if n == 0),
                                K = 0x9E3779B97F4A7C15, all mod 2**64:
                                  x = n * K
                                  for each 8 bytes w (little-endian; the
                                  last piece zero-padded):
                                      x = (x ^ w) * K; x ^= x >> 29
                                  x ^= x >> 32; x *= 0xD6E8FEB86659FD93;
                                  x ^= x >> 32; signed 64-bit; -1 becomes -2
  compute_hash(bytes)        -> the same over the bytes
  compute_hash(float)        -> _hash_float (see below)
  compute_hash(tuple)        -> _hash_tuple (see below)
  compute_hash(instance)     -> its class's __hash__ if it defines one,
                                otherwise compute_identity_hash(instance)
"""

import math
import sys
import types

__all__ = ["we_are_translated", "specialize", "always_inline", "dont_inline",
           "not_rpython", "enforceargs", "compute_hash",
           "compute_identity_hash", "compute_unique_id",
           "current_object_addr_as_int", "instantiate", "r_dict",
           "r_ordereddict", "import_from_mixin", "keepalive_until_here",
           "Symbolic", "CDefinedIntSymbolic", "newlist_hint",
           "resizelist_hint", "fetch_translated_config", "we_are_translated_to_c",
           "func_with_new_name", "not_const", "RPY_SPECIAL_NAMES"]

# Every `_rpy_special_` value defined in this module (one per helper the
# translator gives a meaning of its own).  tests/rlib checks the list is exact.
RPY_SPECIAL_NAMES = (
    "we_are_translated",
    "we_are_translated_to_c",
    "compute_hash",
    "compute_identity_hash",
    "compute_unique_id",
    "current_object_addr_as_int",
    "instantiate",
    "r_dict",
    "r_ordereddict",
    "keepalive_until_here",
    "newlist_hint",
    "resizelist_hint",
    "fetch_translated_config",
    "CDefinedIntSymbolic",
    "not_const",
)

_LONG_BIT = 64
_MASK = (1 << _LONG_BIT) - 1
_SIGN = 1 << (_LONG_BIT - 1)


from rpython.rlib._special import marker  # noqa: E402

_mark = marker(RPY_SPECIAL_NAMES)


def _intmask(n):
    n &= _MASK
    if n >= _SIGN:
        n -= 1 << _LONG_BIT
    return n


# ____________________________________________________________
# we_are_translated

@_mark("we_are_translated")
def we_are_translated():
    """False when running on CPython; the translator folds it to True."""
    return False


# The flow builder folds calls to functions carrying this mark to True.
we_are_translated._rpy_we_are_translated_ = True


@_mark("we_are_translated_to_c")
def we_are_translated_to_c():
    """Like we_are_translated(): False untranslated, True in the binary."""
    return False


@_mark("fetch_translated_config")
def fetch_translated_config():
    """The translation config object in the binary; None untranslated."""
    return None


# ____________________________________________________________
# specialization and inlining decorators

def _set_specialize(tag):
    def decorator(func):
        func._annspecialcase_ = tag
        return func
    return decorator


class _Specialize(object):
    """@specialize.memo(), .arg(*n), .argtype(*n), .call_location(), .ll()

    Each decorator only records a tag (`func._annspecialcase_`); the
    annotator makes one copy of the function per distinct value (arg), type
    (argtype) of the given arguments, per call site (call_location), or
    evaluates it at translation time for all constant arguments (memo).
    """

    def memo(self):
        return _set_specialize("specialize:memo")

    def arg(self, *args):
        return _set_specialize("specialize:arg" + _fmt(args))

    def arg_or_var(self, *args):
        return _set_specialize("specialize:arg_or_var" + _fmt(args))

    def argtype(self, *args):
        return _set_specialize("specialize:argtype" + _fmt(args))

    def arglistitemtype(self, *args):
        return _set_specialize("specialize:arglistitemtype" + _fmt(args))

    def call_location(self):
        return _set_specialize("specialize:call_location")

    def ll(self):
        return _set_specialize("specialize:ll")

    def ll_and_arg(self, *args):
        return _set_specialize("specialize:ll_and_arg" + _fmt(args))

    def __call__(self, tag):
        """@specialize("specialize:...") with an explicit tag string."""
        if not tag.startswith("specialize:"):
            tag = "specialize:" + tag
        return _set_specialize(tag)


def _fmt(args):
    return "(" + ",".join(repr(a) for a in args) + ")"


specialize = _Specialize()


def always_inline(func):
    """Ask the inliner to always inline calls to func."""
    func._always_inline_ = True
    return func


def dont_inline(func):
    """Ask the inliner never to inline calls to func."""
    func._dont_inline_ = True
    return func


def not_rpython(func):
    """Marks a helper that must only run at import time, never be translated."""
    func._not_rpython_ = True
    return func


def enforceargs(*types_, **kwds):
    """Declare argument types (checked by the annotator; a no-op untranslated).

    `typecheck=False` is accepted for compatibility and ignored.
    """
    kwds.pop("typecheck", None)

    def decorator(func):
        func._annenforceargs_ = (types_, kwds)
        return func
    return decorator


def func_with_new_name(func, newname):
    """A copy of the function object func, named newname (not shared with
    the original: the annotator treats it as a different function)."""
    f = types.FunctionType(func.__code__, func.__globals__, newname,
                           func.__defaults__, func.__closure__)
    f.__kwdefaults__ = func.__kwdefaults__
    f.__dict__.update(func.__dict__)
    f.__module__ = func.__module__
    f.__doc__ = func.__doc__
    f.__qualname__ = func.__qualname__.rsplit(".", 1)[0] + "." + newname \
        if "." in func.__qualname__ else newname
    if hasattr(func, "__annotations__"):
        f.__annotations__ = dict(func.__annotations__)
    return f


@_mark("not_const")
def not_const(x):
    """Hide the constness of x from the annotator (identity untranslated)."""
    return x


# ____________________________________________________________
# hashes and identities

@_mark("compute_hash")
def compute_hash(x):
    """A hash of x that is the same untranslated and translated (see the
    module docstring for the algorithms).  Integers hash to themselves."""
    if x is None:
        return 0
    if isinstance(x, bool):
        return int(x)
    if isinstance(x, int):
        return _intmask(int(x))
    if isinstance(x, str):
        return _hash_bytes(x.encode("utf-8"))
    if isinstance(x, (bytes, bytearray)):
        return _hash_bytes(bytes(x))
    if isinstance(x, float):
        return _hash_float(x)
    if isinstance(x, tuple):
        return _hash_tuple(x)
    h = getattr(type(x), "__hash__", None)
    if h is not None and h is not object.__hash__:
        return _intmask(h(x))
    return compute_identity_hash(x)


def _hash_bytes(b):
    n = len(b)
    if n == 0:
        return 0
    k = 0x9E3779B97F4A7C15
    x = (n * k) & _MASK
    for i in range(0, n, 8):
        w = int.from_bytes(b[i:i + 8], "little")
        x = ((x ^ w) * k) & _MASK
        x ^= x >> 29
    x ^= x >> 32
    x = (x * 0xD6E8FEB86659FD93) & _MASK
    x ^= x >> 32
    x = _intmask(x)
    if x == -1:
        x = -2
    return x


def _hash_float(f):
    """Integral floats that fit hash like the int; otherwise a mix of the
    mantissa and exponent (inf: 314159 / -271828, nan: 0)."""
    if math.isnan(f):
        return 0
    if math.isinf(f):
        return 314159 if f > 0 else -271828
    if f == math.floor(f) and -9.2e18 < f < 9.2e18:
        return _intmask(int(f))
    v, expo = math.frexp(f)
    v *= 2147483648.0
    hipart = int(v)
    v = (v - float(hipart)) * 2147483648.0
    x = hipart + int(v) + (expo << 15)
    return _intmask(x)


def _hash_tuple(t):
    """CPython-2-style tuple hash over compute_hash of the items."""
    x = 0x345678
    mult = 1000003
    n = len(t)
    for item in t:
        y = compute_hash(item)
        x = ((x ^ (y & _MASK)) * mult) & _MASK
        mult = (mult + 82520 + n + n) & _MASK
    x = (x + 97531) & _MASK
    x = _intmask(x)
    if x == -1:
        x = -2
    return x


@_mark("compute_identity_hash")
def compute_identity_hash(x):
    """A hash that depends only on the identity of x (stable for the
    object's lifetime).  Its value is not reproducible between runs."""
    assert x is not None
    return _intmask(object.__hash__(x))


@_mark("compute_unique_id")
def compute_unique_id(x):
    """An int unique among the live objects (id() untranslated)."""
    return _intmask(id(x))


@_mark("current_object_addr_as_int")
def current_object_addr_as_int(x):
    """The current address of x as an int; may change if the GC moves x."""
    return _intmask(id(x))


# ____________________________________________________________
# object creation

@_mark("instantiate")
def instantiate(cls, nonmovable=False):
    """Create an instance of cls without calling its __init__."""
    if issubclass(cls, BaseException):
        return BaseException.__new__(cls)
    return object.__new__(cls)


@_mark("newlist_hint")
def newlist_hint(sizehint=0):
    """An empty list, preallocated for sizehint items when translated."""
    return []


@_mark("resizelist_hint")
def resizelist_hint(l, sizehint):
    """Preallocate room in l for sizehint items (no-op untranslated)."""
    assert isinstance(l, list)


@_mark("keepalive_until_here")
def keepalive_until_here(*values):
    """Keep the given objects alive until this point (no-op untranslated)."""
    pass


# ____________________________________________________________
# symbolic constants

class Symbolic(object):
    """A value known only when the C++ code is compiled."""

    def annotation(self):
        return None

    def lltype(self):
        return None

    def __bool__(self):
        raise TypeError("Symbolic objects have no truth value at import time")


@_mark("CDefinedIntSymbolic")
class CDefinedIntSymbolic(Symbolic):
    """An int given by a C++ expression in the binary; `default` untranslated."""

    def __init__(self, expr, default=0):
        self.expr = expr
        self.default = default

    def __int__(self):
        return self.default

    __index__ = __int__

    def __repr__(self):
        return "CDefinedIntSymbolic(%r, default=%r)" % (self.expr, self.default)


# ____________________________________________________________
# r_dict: dicts with custom key equality and hash

class _r_dictkey(object):
    __slots__ = ("dic", "key", "hash")

    def __init__(self, dic, key):
        self.dic = dic
        self.key = key
        self.hash = dic.key_hash(key)

    def __eq__(self, other):
        if not isinstance(other, _r_dictkey):
            return NotImplemented
        return bool(self.dic.key_eq(self.key, other.key))

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return self.hash


_NOT_GIVEN = object()


@_mark("r_dict")
class r_dict(object):
    """A dict whose keys are compared with key_eq(k1, k2) and hashed with
    key_hash(k) (two functions given when it is created).  Insertion-ordered,
    like every RPython-3 dict."""

    def __init__(self, key_eq, key_hash, force_non_null=False,
                 simple_hash_eq=False):
        self._dict = {}
        self.key_eq = key_eq
        self.key_hash = key_hash
        self.force_non_null = force_non_null
        self.simple_hash_eq = simple_hash_eq

    def _k(self, key):
        return _r_dictkey(self, key)

    def __getitem__(self, key):
        return self._dict[self._k(key)]

    def __setitem__(self, key, value):
        self._dict[self._k(key)] = value

    def __delitem__(self, key):
        del self._dict[self._k(key)]

    def __contains__(self, key):
        return self._k(key) in self._dict

    def __len__(self):
        return len(self._dict)

    def __iter__(self):
        for dk in list(self._dict):
            yield dk.key

    def __bool__(self):
        return bool(self._dict)

    def keys(self):
        return [dk.key for dk in self._dict]

    def values(self):
        return list(self._dict.values())

    def items(self):
        return [(dk.key, v) for dk, v in self._dict.items()]

    iterkeys = __iter__

    def itervalues(self):
        return iter(self.values())

    def iteritems(self):
        return iter(self.items())

    def get(self, key, default=None):
        return self._dict.get(self._k(key), default)

    def setdefault(self, key, default=None):
        return self._dict.setdefault(self._k(key), default)

    def pop(self, key, default=_NOT_GIVEN):
        if default is _NOT_GIVEN:
            return self._dict.pop(self._k(key))
        return self._dict.pop(self._k(key), default)

    def popitem(self):
        dk, v = self._dict.popitem()
        return dk.key, v

    def clear(self):
        self._dict.clear()

    def update(self, other):
        for k, v in other.items():
            self[k] = v

    def copy(self):
        result = self.__class__(self.key_eq, self.key_hash,
                                self.force_non_null, self.simple_hash_eq)
        result.update(self)
        return result

    def __repr__(self):
        return "r_dict({%s})" % ", ".join(
            "%r: %r" % (dk.key, v) for dk, v in self._dict.items())

    def __eq__(self, other):
        if not isinstance(other, r_dict):
            return NotImplemented
        return self.items() == other.items()

    __hash__ = None


@_mark("r_ordereddict")
class r_ordereddict(r_dict):
    """r_dict is ordered already; kept for PyPy compatibility."""


# ____________________________________________________________
# mixins

def import_from_mixin(M, special_methods=("__init__", "__del__")):
    """Copy the methods and class attributes of the class M (and its bases
    but object) into the class being defined.  Call it in a class body:

        class A(Base):
            import_from_mixin(M)

    Functions are duplicated, so each user of M gets its own copy (the
    annotator types them independently).  Names like `__xxx__` are copied
    only if listed in special_methods.  `_immutable_fields_` lists are
    concatenated.  Overwriting a name defined earlier in the class body is
    an error, and so is a classmethod in M or `_mixin_ = True` on M.
    """
    if not isinstance(M, type):
        raise TypeError("import_from_mixin: %r is not a class" % (M,))
    caller = sys._getframe(1)
    caller_module = caller.f_globals.get("__name__")
    flat = {}
    immutable_fields = []
    for base in M.__mro__:
        if base is object:
            continue
        for key, value in base.__dict__.items():
            if key == "_immutable_fields_":
                immutable_fields.extend(value)
                continue
            if key.startswith("__") and key.endswith("__"):
                if key not in special_methods:
                    continue
            if key in flat:
                continue     # overridden in a more derived base of M
            if isinstance(value, types.FunctionType):
                value = func_with_new_name(value, value.__name__)
            elif isinstance(value, staticmethod):
                func = func_with_new_name(value.__func__, value.__func__.__name__)
                if caller_module:
                    func.__module__ = caller_module
                value = staticmethod(func)
            elif isinstance(value, classmethod):
                raise AssertionError("classmethods are not supported "
                                     "by import_from_mixin")
            flat[key] = value
    if "_mixin_" in flat:
        raise Exception("import_from_mixin(M): class M should not "
                        "have '_mixin_ = True'")
    target = caller.f_locals
    for key, value in flat.items():
        if key in target:
            raise Exception("import_from_mixin: would overwrite the value "
                            "already defined locally for %r" % (key,))
        target[key] = value
    if immutable_fields:
        target["_immutable_fields_"] = (
            list(target.get("_immutable_fields_", [])) + immutable_fields)
