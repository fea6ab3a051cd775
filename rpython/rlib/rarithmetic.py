"""rpython.rlib.rarithmetic: machine integer arithmetic, untranslated.

In a translated program `int` is a 64-bit machine word that wraps on
overflow.  This module gives the same results on CPython:

  intmask(n)     the signed 64-bit value of the Python int n (wraps)
  r_uint         unsigned 64-bit word: every operation with an int gives an
                 r_uint, computed modulo 2**64; the int operand is first
                 converted to unsigned (so comparisons, //, % and >> are
                 unsigned, exactly as in the binary); str() and repr() print
                 the unsigned value
  r_int          signed 64-bit word whose arithmetic wraps (the translated
                 meaning of int); r_int(x) raises OverflowError if x does
                 not fit, as in PyPy
  r_longlong, r_ulonglong   the same types as r_int, r_uint (64-bit target)
  ovfcheck(x op y)  x op y, or OverflowError if the exact result does not
                 fit 64 bits (untranslated the Python result is checked;
                 translated the machine operation's overflow flag)
  widen(x)       bools and signed sized ints become int; r_uint stays r_uint

Mixing a signed and an unsigned sized type (r_int + r_uint) is an error
(AssertionError), as in PyPy; mixing with plain int or bool is fine.
Operations with a float give a float.

Marks for the translator: `_rpy_special_ = NAME` on each name listed in
RPY_SPECIAL_NAMES (the classes carry it too).
"""

import math

__all__ = ["LONG_BIT", "LONG_MASK", "LONG_TEST", "LONG_BIT_SHIFT", "maxint",
           "LONGLONG_BIT", "LONGLONG_MASK", "LONGLONG_TEST", "INT_MAX",
           "intmask", "longlongmask", "widen", "is_valid_int", "ovfcheck",
           "ovfcheck_float_to_int", "base_int", "signed_int", "unsigned_int",
           "build_int", "r_int", "r_uint", "r_longlong", "r_ulonglong",
           "r_longlonglong", "r_ulonglonglong", "highest_bit", "signedtype",
           "most_neg_value_of_same_type", "most_pos_value_of_same_type",
           "most_neg_value_of", "most_pos_value_of", "RPY_SPECIAL_NAMES"]

RPY_SPECIAL_NAMES = (
    "intmask",
    "longlongmask",
    "widen",
    "is_valid_int",
    "ovfcheck",
    "ovfcheck_float_to_int",
    "r_int",
    "r_uint",
    "r_longlonglong",
    "r_ulonglonglong",
    "most_neg_value_of_same_type",
    "most_pos_value_of_same_type",
)

LONG_BIT = 64
LONG_MASK = (1 << LONG_BIT) - 1
LONG_TEST = 1 << (LONG_BIT - 1)
LONG_BIT_SHIFT = 6
maxint = LONG_TEST - 1
INT_MAX = 2 ** 31 - 1

LONGLONG_BIT = 64
LONGLONG_MASK = (1 << LONGLONG_BIT) - 1
LONGLONG_TEST = 1 << (LONGLONG_BIT - 1)

LONGLONGLONG_BIT = 128
LONGLONGLONG_MASK = (1 << LONGLONGLONG_BIT) - 1
LONGLONGLONG_TEST = 1 << (LONGLONGLONG_BIT - 1)


from rpython.rlib._special import marker  # noqa: E402

_mark = marker(RPY_SPECIAL_NAMES)


def _is_symbolic(n):
    from rpython.rlib.objectmodel import Symbolic
    return isinstance(n, Symbolic)


@_mark("intmask")
def intmask(n):
    """The signed 64-bit machine word with the low 64 bits of n."""
    if _is_symbolic(n):
        return n          # assume symbolics don't overflow
    if isinstance(n, float):
        raise AssertionError("intmask() of a float: use int() first")
    n = int(n) & LONG_MASK
    if n >= LONG_TEST:
        n -= 1 << LONG_BIT
    return n


@_mark("longlongmask")
def longlongmask(n):
    """intmask() for r_longlong: returns an r_longlong."""
    assert isinstance(n, int)
    n = int(n) & LONGLONG_MASK
    if n >= LONGLONG_TEST:
        n -= 1 << LONGLONG_BIT
    return r_longlong(n)


@_mark("is_valid_int")
def is_valid_int(r):
    """True if r is an int (or bool, or sized int) that fits a machine word."""
    return isinstance(r, int) and -maxint - 1 <= r <= maxint


@_mark("ovfcheck")
def ovfcheck(r):
    """Wrap a signed int operation: ovfcheck(x + y).  Returns the result,
    or raises OverflowError if it does not fit a 64-bit signed word."""
    assert not isinstance(r, base_int), \
        "ovfcheck() is for int operations, not %s" % type(r).__name__
    assert not isinstance(r, float), "ovfcheck() of a float"
    if not (-maxint - 1 <= r <= maxint):
        raise OverflowError("signed integer expression did overflow")
    return r


@_mark("ovfcheck_float_to_int")
def ovfcheck_float_to_int(x):
    """int(x) if it fits a 64-bit signed word, else OverflowError (nan too)."""
    if math.isnan(x):
        raise OverflowError
    if -9223372036854775808.0 <= x < 9223372036854775808.0:
        return int(x)
    raise OverflowError


@_mark("widen")
def widen(n):
    """bool and signed sized ints become int; r_uint (and wider) stay."""
    if isinstance(n, bool):
        return int(n)
    if isinstance(n, base_int):
        if n.BITS < LONG_BIT or (n.BITS == LONG_BIT and n.SIGNED):
            return intmask(n)
    return n


def highest_bit(n):
    """The index of the single set bit of n (n must be a power of 2)."""
    assert n and (n & (n - 1)) == 0
    return int(n).bit_length() - 1


def signedtype(t):
    """True for int/bool and signed sized types."""
    if t in (bool, int):
        return True
    return t.SIGNED


# ____________________________________________________________
# sized integer types

def _restype(t1, t2):
    """The result type of a binary operation between values of types t1, t2
    (at least one a base_int subclass)."""
    if t1 is t2:
        return t1
    if not issubclass(t2, base_int):
        return t1
    if not issubclass(t1, base_int):
        return t2
    if t1.SIGNED == t2.SIGNED:
        return t1 if t1.BITS >= t2.BITS else t2
    raise AssertionError("mixing signed and unsigned integer types "
                         "(%s, %s) is not supported" % (t1.__name__, t2.__name__))


def _operands(self, other):
    """(restype, x, y) with x, y Python ints already reduced to restype's
    domain (unsigned types: both operands taken modulo 2**BITS), or None if
    other is not an integer."""
    if isinstance(other, float) or not isinstance(other, int):
        return None
    t = _restype(type(self), type(other))
    x = int(self)
    y = int(other)
    if not t.SIGNED:
        x &= t.MASK
        y &= t.MASK
    return t, x, y


def _float_operands(self, other):
    if isinstance(other, float):
        return float(int(self)), other
    return None


class base_int(int):
    """Base of the sized integer types (r_int, r_uint, ...): int subclasses
    whose arithmetic wraps modulo 2**BITS like the translated machine types."""

    BITS = 0
    SIGNED = True
    MASK = 0

    def __new__(cls, val=0):
        if cls in (base_int, signed_int, unsigned_int):
            raise TypeError("abstract base!")
        return cls._from(val)

    @classmethod
    def _wrap(cls, n):
        """The value n reduced modulo 2**BITS, as an instance of cls."""
        n &= cls.MASK
        if cls.SIGNED and n > (cls.MASK >> 1):
            n -= cls.MASK + 1
        return int.__new__(cls, n)

    # ---- arithmetic ----------------------------------------------------
    def _binop(self, other, op, reflected=False):
        ops = _operands(self, other)
        if ops is None:
            f = _float_operands(self, other)
            if f is None:
                return NotImplemented
            x, y = f
            if reflected:
                x, y = y, x
            return _FLOAT_OPS[op](x, y)
        t, x, y = ops
        if reflected:
            x, y = y, x
        return t._wrap(_INT_OPS[op](x, y))

    def __add__(self, other): return self._binop(other, "add")
    def __radd__(self, other): return self._binop(other, "add", True)
    def __sub__(self, other): return self._binop(other, "sub")
    def __rsub__(self, other): return self._binop(other, "sub", True)
    def __mul__(self, other): return self._binop(other, "mul")
    def __rmul__(self, other): return self._binop(other, "mul", True)
    def __floordiv__(self, other): return self._binop(other, "floordiv")
    def __rfloordiv__(self, other): return self._binop(other, "floordiv", True)
    def __mod__(self, other): return self._binop(other, "mod")
    def __rmod__(self, other): return self._binop(other, "mod", True)
    def __and__(self, other): return self._binop(other, "and")
    def __rand__(self, other): return self._binop(other, "and", True)
    def __or__(self, other): return self._binop(other, "or")
    def __ror__(self, other): return self._binop(other, "or", True)
    def __xor__(self, other): return self._binop(other, "xor")
    def __rxor__(self, other): return self._binop(other, "xor", True)

    def __truediv__(self, other):
        if not isinstance(other, (int, float)):
            return NotImplemented
        return float(self) / float(other)

    def __rtruediv__(self, other):
        if not isinstance(other, (int, float)):
            return NotImplemented
        return float(other) / float(self)

    def __divmod__(self, other):
        q = self.__floordiv__(other)
        if q is NotImplemented:
            return q
        return q, self.__mod__(other)

    def __rdivmod__(self, other):
        q = self.__rfloordiv__(other)
        if q is NotImplemented:
            return q
        return q, self.__rmod__(other)

    def __pow__(self, other, modulo=None):
        ops = _operands(self, other)
        if ops is None:
            if isinstance(other, float):
                return float(self) ** other
            return NotImplemented
        t, x, y = ops
        if y < 0:
            raise ValueError("negative exponent in integer power")
        if modulo is not None:
            return t._wrap(pow(x, y, int(modulo)))
        return t._wrap(pow(x, y, t.MASK + 1))

    def __rpow__(self, other):
        ops = _operands(self, other)
        if ops is None:
            if isinstance(other, float):
                return other ** float(self)
            return NotImplemented
        t, x, y = ops
        if x < 0:
            raise ValueError("negative exponent in integer power")
        return t._wrap(pow(y, x, t.MASK + 1))

    # shifts: the result has the type of the left operand; the count is
    # any int (unsigned types shift logically, signed arithmetically)
    def __lshift__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        n = int(n)
        if n < 0:
            raise ValueError("negative shift count")
        if n >= self.BITS:
            return type(self)._wrap(0)
        return type(self)._wrap(int(self) << n)

    def __rlshift__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return int(other) << int(self)

    def __rshift__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        n = int(n)
        if n < 0:
            raise ValueError("negative shift count")
        return type(self)._wrap(int(self) >> min(n, self.BITS))

    def __rrshift__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return int(other) >> int(self)

    def __neg__(self): return type(self)._wrap(-int(self))
    def __pos__(self): return self
    def __invert__(self): return type(self)._wrap(~int(self))

    def __abs__(self):
        return type(self)._wrap(abs(int(self)))

    # ---- comparisons: unsigned if either operand's type is unsigned -----
    def _cmp(self, other):
        if isinstance(other, float):
            return float(int(self)), other
        if not isinstance(other, int):
            return None
        x = int(self)
        y = int(other)
        unsigned = not self.SIGNED or (isinstance(other, base_int)
                                       and not other.SIGNED)
        if unsigned:
            bits = max(self.BITS, getattr(other, "BITS", 0))
            mask = (1 << bits) - 1
            x &= mask
            y &= mask
        return x, y

    def __eq__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c[0] == c[1]

    def __ne__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c[0] != c[1]

    def __lt__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c[0] < c[1]

    def __le__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c[0] <= c[1]

    def __gt__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c[0] > c[1]

    def __ge__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c[0] >= c[1]

    def __hash__(self):
        return int.__hash__(self)

    # ---- printing: the plain number, as in the binary -------------------
    def __repr__(self):
        return int.__repr__(int(self))

    __str__ = __repr__

    def __format__(self, spec):
        return format(int(self), spec)


_INT_OPS = {
    "add": lambda x, y: x + y,
    "sub": lambda x, y: x - y,
    "mul": lambda x, y: x * y,
    "floordiv": lambda x, y: x // y,
    "mod": lambda x, y: x % y,
    "and": lambda x, y: x & y,
    "or": lambda x, y: x | y,
    "xor": lambda x, y: x ^ y,
}

_FLOAT_OPS = {
    "add": lambda x, y: x + y,
    "sub": lambda x, y: x - y,
    "mul": lambda x, y: x * y,
    "floordiv": lambda x, y: x // y,
    "mod": lambda x, y: x % y,
    "and": None, "or": None, "xor": None,
}
for _k in ("and", "or", "xor"):
    def _no_float(x, y, _k=_k):
        raise TypeError("unsupported operand type(s) for %s: int and float" % _k)
    _FLOAT_OPS[_k] = _no_float
del _k


class signed_int(base_int):
    SIGNED = True

    @classmethod
    def _from(cls, val):
        if isinstance(val, (float, str)):
            val = int(val)
        val = int(val)
        if val > (cls.MASK >> 1) or val < -(cls.MASK >> 1) - 1:
            raise OverflowError("%d does not fit in signed %d-bit integer"
                                % (val, cls.BITS))
        return int.__new__(cls, val)


class unsigned_int(base_int):
    SIGNED = False

    @classmethod
    def _from(cls, val):
        if isinstance(val, (float, str)):
            val = int(val)
        return int.__new__(cls, int(val) & cls.MASK)


_inttypes = {}


def build_int(name, sign, bits):
    """The sized integer type of this signedness and width (one per pair:
    on this 64-bit target r_longlong is r_int and r_ulonglong is r_uint)."""
    sign = bool(sign)
    try:
        return _inttypes[sign, bits]
    except KeyError:
        pass
    if name is None:
        raise TypeError("No predefined %sint%d" % (["u", ""][sign], bits))
    base = signed_int if sign else unsigned_int
    t = type(name, (base,), {"MASK": (1 << bits) - 1, "BITS": bits,
                             "SIGN": sign, "__slots__": ()})
    t.__module__ = __name__
    _inttypes[sign, bits] = t
    return t


r_int = _mark("r_int")(build_int("r_int", True, LONG_BIT))
r_uint = _mark("r_uint")(build_int("r_uint", False, LONG_BIT))
r_longlong = build_int("r_longlong", True, 64)       # is r_int
r_ulonglong = build_int("r_ulonglong", False, 64)    # is r_uint
r_longlonglong = _mark("r_longlonglong")(build_int("r_longlonglong", True, 128))
r_ulonglonglong = _mark("r_ulonglonglong")(build_int("r_ulonglonglong", False, 128))
longlongmax = r_longlong(LONGLONG_TEST - 1)
r_int64 = r_longlong
r_uint64 = r_ulonglong


def most_neg_value_of(tp):
    """The smallest value of the integer type tp (int or a sized type)."""
    if tp is int or tp is bool:
        return -maxint - 1
    assert issubclass(tp, base_int)
    if tp.SIGNED:
        return tp(-(tp.MASK >> 1) - 1)
    return tp(0)


def most_pos_value_of(tp):
    """The largest value of the integer type tp (int or a sized type)."""
    if tp is int or tp is bool:
        return maxint
    assert issubclass(tp, base_int)
    if tp.SIGNED:
        return tp(tp.MASK >> 1)
    return tp(tp.MASK)


@_mark("most_neg_value_of_same_type")
def most_neg_value_of_same_type(x):
    return most_neg_value_of(type(x))


@_mark("most_pos_value_of_same_type")
def most_pos_value_of_same_type(x):
    return most_pos_value_of(type(x))
