#!/usr/bin/python3
# Regenerates tests/unit/support/rt_cases.h: expected results of the runtime's
# Python-semantics helpers, computed by the CPython 3.11 the runtime mirrors.
#   /usr/bin/python3 tests/unit/support/gen_rt_cases.py > tests/unit/support/rt_cases.h
# Where RPython deliberately differs (documented in the runtime), the expected
# value here is the RPython one, marked in a comment.
import math
import random
import struct
import sys

rng = random.Random(20240611)
INT_MIN, INT_MAX = -2**63, 2**63 - 1


def cstr(s):
    """A C++ string literal for the UTF-8 bytes of s (octal escapes end
    unambiguously, unlike \\x ones)."""
    b = s.encode("utf-8", "surrogatepass") if isinstance(s, str) else s
    out = []
    for c in b:
        if 0x20 <= c < 0x7f and chr(c) not in '"\\?':
            out.append(chr(c))
        else:
            out.append("\\%03o" % c)
    return '"' + "".join(out) + '"'


def cdouble(x):
    if math.isnan(x):
        return "-NAN" if math.copysign(1, x) < 0 else "NAN"
    if math.isinf(x):
        return "INFINITY" if x > 0 else "-INFINITY"
    return x.hex() if x != 0 else ("-0.0" if math.copysign(1, x) < 0 else "0.0")


def cint(v):
    return "INT64_MIN" if v == INT_MIN else "INT64_C(%d)" % v


def wrap(v):
    v &= 2**64 - 1
    return v - 2**64 if v >= 2**63 else v


def outcome(f):
    """(kind, value, exc_name, message)."""
    try:
        return ("ok", f(), "", "")
    except Exception as e:
        return ("exc", None, type(e).__name__, str(e))


w = sys.stdout.write


def float_values():
    vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 100.0, 1e16, 1e15, 1e-4, 1e-5,
            1.5e-5, 123456789012345.0, 1234567890123456.0, 12345678901234567.0,
            9007199254740993.0, 2.0**53, 2.0**63, -2.0**63, 2.0**64, 1e22, 1e23, 1e300, 1e308,
            1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 1e-310, 0.5, 1.5, 2.5,
            3.14159, 2.718281828459045, 1e100, 1e-100, 9.999999999999999e15, 1e-7, 0.001,
            0.0001234, 99999999999999.99, 1e21, 123.456, -123.456, 4.35, 0.035, 1e-323,
            float("inf"), float("-inf"), float("nan")]
    for _ in range(300):
        bits = rng.getrandbits(64)
        x = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if not math.isnan(x):
            vals.append(x)
    for _ in range(200):
        vals.append(round(rng.uniform(-1, 1) * 10 ** rng.randint(-8, 20), rng.randint(0, 17)))
    for e in range(-30, 30):
        vals.append(10.0 ** e)
        vals.append(-3.0 * 10.0 ** e)
    return vals


def gen_floatrepr():
    w("struct FloatReprCase { double x; const char* repr; };\n")
    w("static const FloatReprCase kFloatReprCases[] = {\n")
    for x in float_values():
        w("    {%s, %s},\n" % (cdouble(x), cstr(repr(x))))
    w("};\n\n")


INT_INPUTS = [
    "0", "1", "-1", "+7", "  42  ", "\t\n-17\r\x0b\x0c", "1_000", "1__000", "_1", "1_", "-_1",
    "0001", "0_0", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
    "-9223372036854775809", "99999999999999999999999", "18446744073709551616", "", " ", "+",
    "-", "abc", "12a", "1.0", "1e5", "0x10", "- 5", "+-5", "1 2", "\x1c5", "5\x1f",
    "\u0663", "\u0663\u0661", "\U0001d7d9\U0001d7da", "\u3000 12\u00a0\x85", "\u20002",
    "1\x00", "\x7f", "'", "\"", "'\"", "a'b", "\\", "\u00e9", "\u0378\u200b\U0001f600\U000e0001",
    "\ud800", "a" * 300, "\u00e9" * 250, "\n" * 70, "1" * 4300, "1" * 4301, "0" * 5000,
    "1" * 5000 + "x", "x" + "1" * 5000, "1" * 4300 + "_1", "1__" + "1" * 5000, "-" + "0" * 4301,
    "1_2_3_4", "\u0661_\u0662", "\uff11\uff12", "12\u00e9", "1\u2028",
]


def gen_str2int():
    w("struct Str2IntCase { const char* in; long long len; bool ok; int64_t value;"
      " const char* exc; const char* msg; };\n")
    w("static const Str2IntCase kStr2IntCases[] = {\n")
    for s in INT_INPUTS:
        kind, v, en, msg = outcome(lambda: int(s))
        note = ""
        if kind == "ok" and not (INT_MIN <= v <= INT_MAX):
            kind, en, msg = "exc", "OverflowError", "int too large to convert"
            note = "  // RPython: CPython returns a long"
        b = s.encode("utf-8", "surrogatepass")
        if kind == "ok":
            w("    {%s, %d, true, %s, nullptr, nullptr},\n" % (cstr(s), len(b), cint(v)))
        else:
            w("    {%s, %d, false, 0, \"%s\", %s},%s\n" % (cstr(s), len(b), en, cstr(msg), note))
    w("};\n\n")


FLOAT_INPUTS = [
    "0", "1.5", "-1.5", "+1.5", " 1.5 ", "\t-2.5e3\n", "1.", ".5", ".", "-.5", "1e", "1e+",
    "1e5", "1E-5", "1e+05", "inf", "-inf", "+inf", "INF", "Infinity", "-iNfInItY", "infinit",
    "infinity_", "nan", "-nan", "NaN", "nan(1)", "0x10", "0x1p3", "1_000.5", "1_0e1_0",
    "1__0", "_1", "1_", "1_.5", "1._5", "1e_5", "1_e5", "", " ", "abc", "1.5.", "1e5.5",
    "1e400", "-1e400", "1e-400", "4.9e-324", "2.4e-324", "0.1", "100", "1" * 400,
    "0." + "0" * 350 + "1", "1e99999999999999999999", "\u0661.\u0665", "\u00a01.5\u3000",
    "\x1c1.5", "\u2028", "1.5\x00", "- 1", "+-1", "'x'", "\u00e9", "x" * 300,
    "9007199254740993", "2.5e-3_0", "1.0e0_1", "\U0001d7d9.5",
]


def gen_str2float():
    w("struct Str2FloatCase { const char* in; long long len; bool ok; double value;"
      " const char* msg; };\n")
    w("static const Str2FloatCase kStr2FloatCases[] = {\n")
    for s in FLOAT_INPUTS:
        kind, v, en, msg = outcome(lambda: float(s))
        b = s.encode("utf-8", "surrogatepass")
        if kind == "ok":
            w("    {%s, %d, true, %s, nullptr},\n" % (cstr(s), len(b), cdouble(v)))
        else:
            assert en == "ValueError"
            w("    {%s, %d, false, 0.0, %s},\n" % (cstr(s), len(b), cstr(msg)))
    w("};\n\n")


REPR_INPUTS = ["", "abc", "it's", 'say "hi"', "'\"", "a\\b", "\t\n\r\x00\x1f\x7f", "\x80\x9f\xa0\xa1",
               "\u00e9\u4e2d\U0001f600", "\u0378\u200b\u2028\ufeff\U000e0001\U0010ffff",
               "\ud800\udfff", "\u00ad", "\u3000x"]


def gen_repr():
    w("struct ReprCase { const char* in; long long len; const char* repr; };\n")
    w("static const ReprCase kReprCases[] = {\n")
    for s in REPR_INPUTS:
        b = s.encode("utf-8", "surrogatepass")
        w("    {%s, %d, %s},\n" % (cstr(s), len(b), cstr(repr(s))))
    w("};\n\n")


ARITH_FLOATS = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 7.5, -7.5, 0.1, 3.7, -3.7,
                1e300, -1e300, 1e-300, 5e-324, -5e-324, 1e16, 2.0**53 + 2, 1e-10, 10.0, 123.456,
                float("inf"), float("-inf"), float("nan")]


def gen_floatops():
    w("struct FloatBinCase { double a, b; bool ok; double value; const char* exc;"
      " const char* msg; };\n")
    for name, op in (("FloorDiv", lambda a, b: a // b), ("Mod", lambda a, b: a % b),
                     ("Pow", lambda a, b: a ** b)):
        w("static const FloatBinCase kFloat%sCases[] = {\n" % name)
        pairs = [(a, b) for a in ARITH_FLOATS for b in ARITH_FLOATS]
        for _ in range(200):
            pairs.append((rng.uniform(-1e6, 1e6), rng.choice([rng.uniform(-100, 100),
                                                              float(rng.randint(-5, 5))])))
        for a, b in pairs:
            if name != "Pow" and b == 0:
                continue  # the caller checks the divisor
            kind, v, en, msg = outcome(lambda: op(a, b))
            note = ""
            fractional = (name == "Pow" and a < 0 and math.isfinite(a) and math.isfinite(b) and b != math.floor(b))
            if fractional or (kind == "ok" and isinstance(v, complex)):
                # CPython goes to complex pow here, which may also raise
                # OverflowError("complex exponentiation").
                kind, en = "exc", "ValueError"
                msg = "negative number cannot be raised to a fractional power"
                note = "  // RPython: CPython returns a complex"
            if kind == "ok":
                w("    {%s, %s, true, %s, nullptr, nullptr},\n" % (cdouble(a), cdouble(b), cdouble(v)))
            else:
                w("    {%s, %s, false, 0.0, \"%s\", %s},%s\n"
                  % (cdouble(a), cdouble(b), en, cstr(msg), note))
        w("};\n\n")


def gen_float2int():
    w("struct Float2IntCase { double x; bool ok; int64_t value; const char* exc; const char* msg; };\n")
    w("static const Float2IntCase kFloat2IntCases[] = {\n")
    vals = [0.0, -0.0, 0.9, -0.9, 1.5, -1.5, 1e18, -1e18, 2.0**63, -2.0**63, 9223372036854774784.0,
            -9223372036854777856.0, 1e19, -1e19, 1e300, float("inf"), float("-inf"), float("nan"),
            123456.789, -5e-324]
    vals += [rng.uniform(-1e19, 1e19) for _ in range(50)]
    for x in vals:
        kind, v, en, msg = outcome(lambda: int(x))
        note = ""
        if kind == "ok" and not (INT_MIN <= v <= INT_MAX):
            kind, en, msg = "exc", "OverflowError", "int too large to convert"
            note = "  // RPython: CPython returns a long"
        if kind == "ok":
            w("    {%s, true, %s, nullptr, nullptr},\n" % (cdouble(x), cint(v)))
        else:
            w("    {%s, false, 0, \"%s\", %s},%s\n" % (cdouble(x), en, cstr(msg), note))
    w("};\n\n")


def gen_intops():
    w("struct IntBinCase { int64_t a, b, floordiv, mod; };\n")
    w("static const IntBinCase kIntDivCases[] = {\n")
    vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, INT_MAX, INT_MIN, INT_MAX - 1, INT_MIN + 1]
    pairs = [(a, b) for a in vals for b in vals if b != 0]
    pairs += [(rng.randint(INT_MIN, INT_MAX), rng.choice([rng.randint(-1000, 1000) or 1,
                                                          rng.randint(INT_MIN, INT_MAX) or 1]))
              for _ in range(300)]
    for a, b in pairs:
        w("    {%s, %s, %s, %s},\n" % (cint(a), cint(b), cint(wrap(a // b)), cint(wrap(a % b))))
    w("};\n\n")
    w("struct IntPowCase { int64_t base, exp, value; };\n")
    w("static const IntPowCase kIntPowCases[] = {\n")
    pairs = [(b, e) for b in (0, 1, -1, 2, -2, 3, -3, 10, -10, INT_MAX, INT_MIN, 12345)
             for e in (0, 1, 2, 3, 5, 31, 62, 63, 64, 65, 100, 1001, INT_MAX)]
    pairs += [(rng.randint(-100, 100), rng.randint(0, 200)) for _ in range(100)]
    pairs += [(rng.randint(INT_MIN, INT_MAX), rng.randint(0, 1000)) for _ in range(50)]
    for b, e in pairs:
        w("    {%s, %s, %s},\n" % (cint(b), cint(e), cint(wrap(pow(b, e, 2**64)))))
    w("};\n\n")


def main():
    w("// Generated by tests/unit/support/gen_rt_cases.py with CPython %s. Do not edit.\n"
      % sys.version.split()[0])
    w("#pragma once\n#include <cmath>\n#include <cstdint>\n\n")
    gen_floatrepr()
    gen_str2int()
    gen_str2float()
    gen_repr()
    gen_floatops()
    gen_float2int()
    gen_intops()


if __name__ == "__main__":
    main()
