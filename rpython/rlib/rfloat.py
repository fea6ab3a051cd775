"""Float helpers interpreters use: PyPy's rpython.rlib.rfloat (a subset).

    INFINITY, NAN
    isinf(x), isnan(x), isfinite(x), copysign(x, y)
    formatd(x, code, precision, flags=0)   code 'e' 'f' 'g' 'r' (and 'E' 'F'
        'G'); flags: DTSF_ADD_DOT_0 (an integral result gets '.0'),
        DTSF_ALT ('#' formatting), DTSF_SIGN (a '+' for non-negative)
    float2string(x, code, precision)  formatd without flags
    string_to_float(s)   float(s): ValueError "could not convert string to
                         float: 's'" on bad input
    round_double(x, ndigits)   round(x, ndigits) as Python 3 rounds

formatd formats with Python's format() mini-language (the runtime's
float formatting when translated, runtime/format.cpp).
"""
import math

INFINITY = float("inf")
NAN = float("nan")

DTSF_SIGN = 0x1
DTSF_ADD_DOT_0 = 0x2
DTSF_ALT = 0x4
DTSF_CUT_EXP_0 = 0x8

DIST_FINITE = 1
DIST_NAN = 2
DIST_INFINITY = 3


def isinf(x):
    return math.isinf(x)


def isnan(x):
    return math.isnan(x)


def isfinite(x):
    return math.isfinite(x)


def copysign(x, y):
    return math.copysign(x, y)


def _format_float(x, spec):
    """format(x, spec): a runtime function when translated."""
    return format(x, spec)


def formatd(x, code, precision, flags=0):
    if code == "r":
        s = repr(x)
    else:
        spec = "."
        if flags & DTSF_SIGN:
            spec = "+."
        if flags & DTSF_ALT:
            spec = "#" + spec
        s = _format_float(x, spec + str(precision) + code)
    if flags & DTSF_SIGN and code == "r" and not s.startswith("-"):
        s = "+" + s
    if flags & DTSF_ADD_DOT_0 and isfinite(x):
        if not ("." in s or "e" in s or "E" in s):
            s = s + ".0"
    return s


def float2string(x, code, precision):
    return formatd(x, code, precision, 0)


def string_to_float(s):
    return float(s)


def round_double(x, ndigits):
    """The correctly rounded decimal string read back, as CPython does."""
    if not isfinite(x) or x == 0.0:
        return x
    if ndigits >= 0:
        return float(_format_float(x, "." + str(ndigits) + "f"))
    pow10 = 1.0
    n = -ndigits
    while n > 0:
        pow10 *= 10.0
        n -= 1
    y = x / pow10
    z = float(_format_float(y, ".0f"))
    return z * pow10
