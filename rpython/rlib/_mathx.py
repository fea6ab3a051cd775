"""math.isclose, fsum, comb, perm and isqrt, the builtin divmod, and the
methods int.bit_length(), float.is_integer(), float.hex() and
float.as_integer_ratio(), for translated programs.

annotator/builtin_modules.cpp (divmod: annotator.cpp) checks the arguments
(with CPython's messages) and calls these on the program's behalf, one copy
per call site; they compile like the program. Results and exceptions are CPython
3.11's, except that comb/perm and as_integer_ratio raise OverflowError when the result does not
fit a machine word (ints are machine words here).
"""
import math

from rpython.rlib.rarithmetic import ovfcheck, r_uint


def isclose(a, b, rel_tol, abs_tol):
    a = a + 0.0
    b = b + 0.0
    rel_tol = rel_tol + 0.0
    abs_tol = abs_tol + 0.0
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError("tolerances must be non-negative")
    if a == b:  # also infinities of the same sign
        return True
    if math.isinf(a) or math.isinf(b):
        return False
    diff = math.fabs(b - a)
    return diff <= math.fabs(rel_tol * b) or diff <= math.fabs(rel_tol * a) or diff <= abs_tol


def fsum(iterable):
    """Shewchuk's algorithm, as CPython's: the partials are non-overlapping
    floats whose exact sum is the exact sum of the items so far; the result
    is their sum correctly rounded (half-even across partials)."""
    partials = [0.0] * 0
    n = 0
    special_sum = 0.0
    inf_sum = 0.0
    for item in iterable:
        x = item + 0.0  # an int item as float(); anything else is refused here
        xsave = x
        i = 0
        for j in range(n):
            y = partials[j]
            if math.fabs(x) < math.fabs(y):
                t = x
                x = y
                y = t
            hi = x + y
            yr = hi - x
            lo = y - yr
            if lo != 0.0:
                partials[i] = lo
                i += 1
            x = hi
        n = i
        if x != 0.0:
            if not math.isfinite(x):
                # from a nan or inf among the items, or an overflow of the sum
                if math.isfinite(xsave):
                    raise OverflowError("intermediate overflow in fsum")
                if math.isinf(xsave):
                    inf_sum += xsave
                special_sum += xsave
                n = 0
            else:
                if n < len(partials):
                    partials[n] = x
                else:
                    partials.append(x)
                n += 1
    if special_sum != 0.0:  # nan != 0.0 too
        if math.isnan(inf_sum):
            raise ValueError("-inf + inf in fsum")
        return special_sum
    hi = 0.0
    if n > 0:
        n -= 1
        hi = partials[n]
        lo = 0.0
        while n > 0:
            x = hi
            n -= 1
            y = partials[n]
            hi = x + y
            yr = hi - x
            lo = y - yr
            if lo != 0.0:
                break
        # lo is half an ulp of hi and the partial below pushes the same way:
        # the exact sum is past the halfway point, round away from hi.
        if n > 0 and ((lo < 0.0 and partials[n - 1] < 0.0) or (lo > 0.0 and partials[n - 1] > 0.0)):
            y = lo * 2.0
            x = hi + y
            yr = x - hi
            if y == yr:
                hi = x
    return hi


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def _check_nk(n, k):
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k < 0:
        raise ValueError("k must be a non-negative integer")


def comb(n, k):
    n = int(n)
    k = int(k)
    _check_nk(n, k)
    if k > n:
        return 0
    if k > n - k:
        k = n - k
    # c = C(n, i) after i steps; C(n, i) grows with i up to n/2, so an
    # overflow on the way means the result itself does not fit. Dividing
    # by the gcd first keeps the product exact: (i+1)/g divides n-i.
    c = 1
    for i in range(k):
        d = i + 1
        g = _gcd(c, d)
        try:
            c = ovfcheck((c // g) * ((n - i) // (d // g)))
        except OverflowError:
            raise OverflowError("comb() result does not fit in a machine word")
    return c


def perm(n, k):
    n = int(n)
    k = int(k)
    _check_nk(n, k)
    if k > n:
        return 0
    p = 1
    for i in range(k):
        try:
            p = ovfcheck(p * (n - i))
        except OverflowError:
            raise OverflowError("perm() result does not fit in a machine word")
    return p


def perm1(n):
    n = int(n)
    return perm(n, n)


def isqrt(n):
    n = int(n)
    if n < 0:
        raise ValueError("isqrt() argument must be nonnegative")
    r = int(math.sqrt(float(n)))  # within one of the answer; then made exact
    while r > 0 and r > n // r:
        r -= 1
    while r + 1 <= n // (r + 1):
        r += 1
    return r


def divmod_int(a, b):  # a // b raises divmod()'s ZeroDivisionError message
    return (a // b, a % b)


def divmod_float(a, b):  # an int operand is converted, as CPython does
    a = float(a)  # (not a + 0.0, which loses the sign of -0.0)
    b = float(b)
    if b == 0.0:
        raise ZeroDivisionError("float divmod()")
    # the translated // and % are CPython's float_divmod halves
    return (a // b, a % b)


def int_bit_length(x):
    """x.bit_length(): the bits of |x| (64 for the most negative int, whose
    magnitude is counted as an unsigned word)."""
    u = r_uint(x)
    if x < 0:
        u = -u
    n = 0
    while u:
        u >>= 1
        n += 1
    return n


def float_is_integer(x):
    return math.isfinite(x) and math.fmod(x, 1.0) == 0.0


def _float_hex(x):  # translated: rpy_float_hex (runtime/floatrepr.cpp)
    return float.hex(x)


def float_hex(x):  # x.hex()
    return _float_hex(x)


def float_as_integer_ratio(x):
    """x.as_integer_ratio(), by CPython's steps: the mantissa doubled until
    it is an integer, then shifted by the exponent. A numerator or
    denominator past a machine word is an OverflowError here."""
    if math.isinf(x):
        raise OverflowError("cannot convert Infinity to integer ratio")
    if math.isnan(x):
        raise ValueError("cannot convert NaN to integer ratio")
    m, e = math.frexp(x)
    i = 0
    while i < 300 and m != math.floor(m):
        m *= 2.0
        e -= 1
        i += 1
    n = int(m)
    d = 1
    try:
        if e > 0:
            n = ovfcheck(n << e)
        else:
            d = ovfcheck(d << -e)
    except OverflowError:
        raise OverflowError("as_integer_ratio() result does not fit in a machine word")
    return (n, d)
