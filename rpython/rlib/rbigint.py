"""Arbitrary-precision integers: PyPy's rpython.rlib.rbigint API.

    rbigint.fromint(i), fromstr(s, base=10), fromfloat(f), fromlong(n)*
    a.str() / a.tostr() / str(a), repr(), hex(), oct(), bin()
    a.toint() (OverflowError), a.tofloat() (OverflowError), a.tolong()*
    add sub mul floordiv truediv (a float, correctly rounded) mod divmod pow(b, modulus=None) neg abs invert
    lshift(n) rshift(n) and_ or_ xor
    eq ne lt le gt ge (and ==, != between rbigints), hash(), bit_length()
    int_add/int_sub/int_mul/int_eq/int_lt/... with a machine int operand
    a.sign: -1, 0 or 1
    (* untranslated only)

Every result is what Python's int gives (floor division and modulo signs,
pow with a modulus, shifts and bitwise operations as two's complement,
ZeroDivisionError/ValueError/OverflowError with CPython's messages).

Representation, the same untranslated and translated: an rbigint holds
`_data`, an immutable bytes in GMP's layout: one machine word, the signed
limb count (GMP's _mp_size: negative for a negative number), then the
magnitude's 64-bit limbs, least significant first, in the machine's byte
order. The GC owns that memory: no finalizer, no memory outside the GC.
Translated, each `_bi_*` primitive below is a runtime function
(runtime/bigint.cpp) that views its operands' limbs in place as read-only
GMP integers (mpz_roinit_n), computes into a temporary GMP integer and
copies the result into a new bytes object; untranslated, the primitives
compute with Python's int. A prebuilt rbigint (a module-level constant)
becomes static data.
"""
import sys

from rpython.rlib.objectmodel import not_rpython

_BYTEORDER = sys.byteorder
_HASH_MODULUS = (1 << 61) - 1
# Larger left shifts are refused (CPython raises MemoryError a little
# later, when it fails to allocate the result).
_MAX_SHIFT = 1 << 40

# _bi_binop operation codes
ADD, SUB, MUL, FLOORDIV, MOD, AND, OR, XOR = range(8)
# _bi_unop operation codes
NEG, ABS, INVERT = range(3)


# ---- primitives (runtime functions when translated) -------------------------

def _unpack(data):
    size = int.from_bytes(data[:8], _BYTEORDER, signed=True)
    mag = int.from_bytes(data[8:], _BYTEORDER)
    return -mag if size < 0 else mag


def _pack(value):
    mag = -value if value < 0 else value
    nlimbs = (mag.bit_length() + 63) // 64
    size = -nlimbs if value < 0 else nlimbs
    return size.to_bytes(8, _BYTEORDER, signed=True) + mag.to_bytes(8 * nlimbs, _BYTEORDER)


class _unlimited_digits(object):
    """CPython 3.11 refuses int<->str conversions beyond 4300 digits; the
    translated runtime has no such limit, so untranslated conversions lift
    it for their own duration."""

    def __enter__(self):
        self.saved = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else None
        if self.saved is not None:
            sys.set_int_max_str_digits(0)

    def __exit__(self, *exc):
        if self.saved is not None:
            sys.set_int_max_str_digits(self.saved)
        return False


def _bi_fromint(i):
    return _pack(int(i))


def _bi_fromstr(s, base):
    if base != 0 and not 2 <= base <= 36:
        raise ValueError("int() base must be >= 2 and <= 36, or 0")
    if not s.isascii():
        # The runtime parses ASCII digits and whitespace only.
        raise ValueError("invalid literal for int() with base %d: %.200s" % (base, repr(s)))
    with _unlimited_digits():
        return _pack(int(s, base))


def _bi_fromfloat(f):
    return _pack(int(f))


def _bi_tostr(data, base):
    """The magnitude and sign in base 2..36, lower-case digits, no prefix."""
    v = _unpack(data)
    if base == 10:
        with _unlimited_digits():
            return str(v)
    mag = -v if v < 0 else v
    if base == 16:
        digits = "%x" % mag
    elif base == 8:
        digits = "%o" % mag
    elif base == 2:
        digits = bin(mag)[2:]
    else:
        chars = []
        while mag:
            mag, d = divmod(mag, base)
            chars.append("0123456789abcdefghijklmnopqrstuvwxyz"[d])
        digits = "".join(reversed(chars)) or "0"
    return "-" + digits if v < 0 else digits


def _bi_toint(data):
    v = _unpack(data)
    if not -(1 << 63) <= v < (1 << 63):
        raise OverflowError("Python int too large to convert to C long")
    return v


def _bi_tofloat(data):
    return float(_unpack(data))


def _bi_binop(op, a, b):
    x = _unpack(a)
    y = _unpack(b)
    if op == ADD:
        return _pack(x + y)
    if op == SUB:
        return _pack(x - y)
    if op == MUL:
        return _pack(x * y)
    if op == FLOORDIV:
        return _pack(x // y)
    if op == MOD:
        return _pack(x % y)
    if op == AND:
        return _pack(x & y)
    if op == OR:
        return _pack(x | y)
    return _pack(x ^ y)


def _bi_truediv(a, b):
    x = _unpack(a)
    y = _unpack(b)
    if y == 0:
        raise ZeroDivisionError("division by zero")
    return x / y  # Python's int / int is correctly rounded


def _bi_unop(op, a):
    x = _unpack(a)
    if op == NEG:
        return _pack(-x)
    if op == ABS:
        return _pack(abs(x))
    return _pack(~x)


def _bi_pow(a, b):
    x = _unpack(a)
    y = _unpack(b)
    if y < 0:
        raise ValueError("bigint pow() too negative")
    return _pack(x ** y)


def _bi_powmod(a, b, m):
    return _pack(pow(_unpack(a), _unpack(b), _unpack(m)))


def _bi_lshift(a, n):
    if n < 0:
        raise ValueError("negative shift count")
    x = _unpack(a)
    if x and n > _MAX_SHIFT:
        raise OverflowError("too many digits in integer")
    return _pack(x << n)


def _bi_rshift(a, n):
    if n < 0:
        raise ValueError("negative shift count")
    return _pack(_unpack(a) >> n)


def _bi_cmp(a, b):
    x = _unpack(a)
    y = _unpack(b)
    return (x > y) - (x < y)


def _bi_sign(a):
    x = _unpack(a)
    return (x > 0) - (x < 0)


def _bi_hash(a):
    return hash(_unpack(a))


def _bi_bit_length(a):
    return _unpack(a).bit_length()


# ---- the class ---------------------------------------------------------------

class rbigint(object):
    _immutable_fields_ = ["_data", "sign"]

    def __init__(self, data):
        self._data = data
        self.sign = _bi_sign(data)

    @staticmethod
    def fromint(intval):
        return rbigint(_bi_fromint(intval))

    @staticmethod
    def frombool(b):
        return rbigint(_bi_fromint(1 if b else 0))

    @staticmethod
    def fromstr(s, base=10):
        """int(s, base): ValueError with int()'s message on bad input."""
        return rbigint(_bi_fromstr(s, base))

    @staticmethod
    def fromdecimalstr(s):
        return rbigint(_bi_fromstr(s, 10))

    @staticmethod
    def fromfloat(f):
        """int(f): OverflowError for infinities, ValueError for NaN."""
        return rbigint(_bi_fromfloat(f))

    @staticmethod
    @not_rpython
    def fromlong(n):
        return rbigint(_pack(n))

    @not_rpython
    def tolong(self):
        return _unpack(self._data)

    # conversions
    def toint(self):
        return _bi_toint(self._data)

    def tofloat(self):
        return _bi_tofloat(self._data)

    def str(self):
        return _bi_tostr(self._data, 10)

    def tostr(self):
        return _bi_tostr(self._data, 10)

    def repr(self):
        return _bi_tostr(self._data, 10)

    def _prefixed(self, base, prefix):
        digits = _bi_tostr(self._data, base)
        if self.sign < 0:
            return "-" + prefix + digits[1:]
        return prefix + digits

    def hex(self):
        return self._prefixed(16, "0x")

    def oct(self):
        return self._prefixed(8, "0o")

    def bin(self):
        return self._prefixed(2, "0b")

    def format_base(self, base):
        """Digits in base 2..36 (lower case, a '-' sign, no prefix)."""
        if base < 2 or base > 36:
            raise ValueError("base must be >= 2 and <= 36")
        return _bi_tostr(self._data, base)

    def __str__(self):
        return _bi_tostr(self._data, 10)

    def __repr__(self):
        return _bi_tostr(self._data, 10)

    # arithmetic
    def add(self, other):
        return rbigint(_bi_binop(ADD, self._data, other._data))

    def sub(self, other):
        return rbigint(_bi_binop(SUB, self._data, other._data))

    def mul(self, other):
        return rbigint(_bi_binop(MUL, self._data, other._data))

    def floordiv(self, other):
        return rbigint(_bi_binop(FLOORDIV, self._data, other._data))

    def div(self, other):
        return rbigint(_bi_binop(FLOORDIV, self._data, other._data))

    def mod(self, other):
        return rbigint(_bi_binop(MOD, self._data, other._data))

    def truediv(self, other):
        return _bi_truediv(self._data, other._data)

    def divmod(self, other):
        return (rbigint(_bi_binop(FLOORDIV, self._data, other._data)),
                rbigint(_bi_binop(MOD, self._data, other._data)))

    def pow(self, other, modulus=None):
        """self ** other, or pow(self, other, modulus) as Python computes it
        (a negative exponent with a modulus is a modular inverse). Without
        a modulus a negative exponent raises ValueError (Python would
        return a float)."""
        if modulus is None:
            return rbigint(_bi_pow(self._data, other._data))
        return rbigint(_bi_powmod(self._data, other._data, modulus._data))

    def neg(self):
        return rbigint(_bi_unop(NEG, self._data))

    def abs(self):
        return rbigint(_bi_unop(ABS, self._data))

    def invert(self):
        return rbigint(_bi_unop(INVERT, self._data))

    def lshift(self, n):
        return rbigint(_bi_lshift(self._data, n))

    def rshift(self, n):
        return rbigint(_bi_rshift(self._data, n))

    def and_(self, other):
        return rbigint(_bi_binop(AND, self._data, other._data))

    def or_(self, other):
        return rbigint(_bi_binop(OR, self._data, other._data))

    def xor(self, other):
        return rbigint(_bi_binop(XOR, self._data, other._data))

    # with a machine-int operand
    def int_add(self, i):
        return self.add(rbigint.fromint(i))

    def int_sub(self, i):
        return self.sub(rbigint.fromint(i))

    def int_mul(self, i):
        return self.mul(rbigint.fromint(i))

    def int_floordiv(self, i):
        return self.floordiv(rbigint.fromint(i))

    def int_truediv(self, i):
        return self.truediv(rbigint.fromint(i))

    def int_mod(self, i):
        return self.mod(rbigint.fromint(i))

    # comparisons
    def eq(self, other):
        return _bi_cmp(self._data, other._data) == 0

    def ne(self, other):
        return _bi_cmp(self._data, other._data) != 0

    def lt(self, other):
        return _bi_cmp(self._data, other._data) < 0

    def le(self, other):
        return _bi_cmp(self._data, other._data) <= 0

    def gt(self, other):
        return _bi_cmp(self._data, other._data) > 0

    def ge(self, other):
        return _bi_cmp(self._data, other._data) >= 0

    def int_eq(self, i):
        return self.eq(rbigint.fromint(i))

    def int_ne(self, i):
        return self.ne(rbigint.fromint(i))

    def int_lt(self, i):
        return self.lt(rbigint.fromint(i))

    def int_le(self, i):
        return self.le(rbigint.fromint(i))

    def int_gt(self, i):
        return self.gt(rbigint.fromint(i))

    def int_ge(self, i):
        return self.ge(rbigint.fromint(i))

    def __eq__(self, other):
        return _bi_cmp(self._data, other._data) == 0

    def __ne__(self, other):
        return _bi_cmp(self._data, other._data) != 0

    def hash(self):
        """hash() of the equal Python int."""
        return _bi_hash(self._data)

    def __hash__(self):
        return _bi_hash(self._data)

    def bit_length(self):
        return _bi_bit_length(self._data)

    def tobool(self):
        return self.sign != 0

    def fits_int(self):
        return self.bit_length() < 64 or self.eq(_MIN_INT)


_MIN_INT = rbigint.fromint(-(1 << 63))
NULLRBIGINT = rbigint.fromint(0)
ONERBIGINT = rbigint.fromint(1)
