#!/usr/bin/python3
# Regenerates the expected results of the runtime's str methods, bytes
# operations and formatting, computed by the CPython 3.11 the runtime mirrors:
#   cd tests/unit/support
#   for k in str bytes format; do /usr/bin/python3 gen_rt_str_cases.py $k > rt_${k}_cases.h; done
import itertools
import math
import random
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from gen_rt_cases import cstr, cdouble, cint  # noqa: E402

rng = random.Random(20240612)
w = sys.stdout.write
INT_MIN, INT_MAX = -2**63, 2**63 - 1
END = INT_MAX


def blen(s):
    return len(s.encode("utf-8", "surrogatepass")) if isinstance(s, str) else len(s)


def outcome(f):
    try:
        return ("ok", f(), "", "")
    except Exception as e:
        return ("exc", None, type(e).__name__, str(e))


# ---- str methods -------------------------------------------------------------
TEXTS = ["", "a", "abc", "hello world", "  spaced  out  ", "a,b,,c,", "\t\n x \x0b\x0c\r y\x1c\x1d ",
         "caf\u00e9", "\u00e9t\u00e9", "na\u00efve \u4e2d\u6587 \U0001f600!", "\u03a3\u039f\u03a3",
         "\u0391\u03a3 \u03a3\u0391 \u0391\u03a3.", "stra\u00dfe", "\u0130stanbul", "\ufb01ne", "\u0149",
         "\u3000x\u2003y\u00a0z\u2028w\u0085", "line1\nline2\r\nline3\rline4\x0bl5\x0cl6\x1cl7\u2028l8\u2029",
         "aaa", "abababab", "\u00e9\u00e9\u00e9", "x\U0001f600y\U0001f600z", "123", "\u0661\u0662",
         "\u00b2\u00b3", "\u2155", "\u2167", "abc123", "ABC", "Abc", "\u01c5", "\u00aa", "-42", "+7",
         "mIxEd CaSe \u00c9\u00e9", "\u1e9e", "ab\u0301c", "\ud800x", "trailing\n", "\n\n", "\r\n\r",
         # title case, folding, identifiers, tabs
         "\u01c6emal \u01c5 \u01c4", "\ufb01sh \ufb02ow", "o'neil mc-donald", "_id1 x", "\u01c8\u01cb \u01c9\u01cc",
         "\U00010428\U00010429 \U00010400", "\u1fb3 \u1fbc \ufb00", "a\tb\nc\td\re\tf", "\t\t\U0001f600\tx",
         "Title Case", "\u2167 \u2177 \u24d0\u24b6", "\u00ad\u200b\x7f", "\u0300x"]
SUBS = ["", "a", "b", "ab", "abc", "\u00e9", "\u00e9t", "\U0001f600", " ", ",", "l", "line", "x", "zz",
        "\u03a3", "\n", "aa"]
IDX = [0, 1, 2, -1, -2, -3, 3, 5, 100, -100, END, INT_MIN]

CASES = []  # (op, s, a, i1, i2, result)


def add(op, s, a, i1, i2, f):
    CASES.append((op, s, a, i1, i2, outcome(f)))


def gen_str_cases():
    for s in TEXTS:
        add("len", s, None, 0, 0, lambda: len(s))
        for i in (0, 1, 2, -1, -2, 5, -6, 40):
            add("getitem", s, None, i, 0, lambda: s[i])
        for a, b in itertools.product([0, 1, 2, -1, -3, 7, -100, END], repeat=2):
            add("slice", s, None, a, b, lambda: s[a:b])
        for st in (2, 3, -1, -2, -3, 0):
            for a, b in ((0, END), (END, INT_MIN), (1, END), (-2, INT_MIN), (5, 1), (1, 5)):
                if st > 0 and (a, b) == (END, INT_MIN):
                    continue
                # Python clamps huge bounds exactly as it treats None.
                add("slice_step%d" % st, s, None, a, b, lambda: s[a:b:st])
        for name in ("strip", "lstrip", "rstrip"):
            add(name, s, None, 0, 0, lambda: getattr(s, name)())
            for chars in ("a", " a", "\u00e9a", "xyz\U0001f600", "", "l1\n"):
                add(name, s, chars, 0, 0, lambda: getattr(s, name)(chars))
        for name in ("lower", "upper", "isdigit", "isalpha", "isalnum", "isspace", "isdecimal",
                     "isnumeric", "islower", "isupper"):
            add(name, s, None, 0, 0, lambda: getattr(s, name)())
        for name in ("capitalize", "title", "swapcase", "casefold", "istitle", "isascii", "isprintable",
                     "isidentifier"):
            add(name, s, None, 0, 0, lambda: getattr(s, name)())
        for tabsize in (8, 4, 1, 0, -1):
            add("expandtabs", s, None, tabsize, 0, lambda: s.expandtabs(tabsize))
        for width in (-1, 0, 3, 8, 15):
            add("zfill", s, None, width, 0, lambda: s.zfill(width))
            for fill in (None, "*", "\u00e9"):
                for name in ("ljust", "rjust", "center"):
                    add(name, s, fill, width, 0,
                        lambda: getattr(s, name)(width) if fill is None else getattr(s, name)(width, fill))
        add("center", s, "ab", 10, 0, lambda: s.center(10, "ab"))
        add("splitlines", s, None, 0, 0, lambda: s.splitlines())
        add("splitlines", s, None, 1, 0, lambda: s.splitlines(True))
        for maxsplit in (-1, 0, 1, 2):
            add("split", s, None, maxsplit, 0, lambda: s.split(None, maxsplit))
            add("rsplit", s, None, maxsplit, 0, lambda: s.rsplit(None, maxsplit))
            for sep in (",", " ", "a", "ab", "\u00e9", "\n", ""):
                add("split", s, sep, maxsplit, 0, lambda: s.split(sep, maxsplit))
                add("rsplit", s, sep, maxsplit, 0, lambda: s.rsplit(sep, maxsplit))
        for sub in SUBS:
            add("contains", s, sub, 0, 0, lambda: sub in s)
            add("cmp", s, sub, 0, 0, lambda: (s > sub) - (s < sub))
            for a, b in [(0, END)] + [(rng.choice(IDX), rng.choice(IDX)) for _ in range(3)]:
                for name in ("find", "rfind", "index", "rindex", "count", "startswith", "endswith"):
                    add(name, s, sub, a, b, lambda: getattr(s, name)(sub, a, b))
            for repl in ("", "X", "\u00e9\u00e9"):
                for count in (-1, 0, 1, 2):
                    CASES.append(("replace", s, sub + "\x00" + repl, count, 0,
                                  outcome(lambda: s.replace(sub, repl, count))))
        for n in (-1, 0, 1, 3):
            add("mul", s, None, n, 0, lambda: s * n)
        for enc in ("utf-8", "latin-1", "ascii", "UTF8", "Latin_1", "koi8"):
            for errors in ("strict", "ignore", "replace", "backslashreplace", "bogus"):
                add("encode", s, enc + "\x00" + errors, 0, 0, lambda: s.encode(enc, errors))
        if len(s) == 1:
            add("ord", s, None, 0, 0, lambda: ord(s))
        elif len(s) < 4:
            add("ord", s, None, 0, 0, lambda: ord(s))
    for sep in ("", ", ", "\u00e9"):
        for items in ([], ["a"], ["a", "b"], ["", "", ""], ["caf\u00e9", "\U0001f600", "x"]):
            CASES.append(("join", sep, "\x00".join(items), len(items), 0, outcome(lambda: sep.join(items))))
    for cp in (0, 65, 127, 128, 233, 0x7ff, 0x800, 0xd800, 0xffff, 0x10000, 0x10ffff, 0x110000, -1):
        add("chr", "", None, cp, 0, lambda: chr(cp))


def cval(kind, v):
    """(rkind, text, length) for a result."""
    if kind != "ok":
        return None
    if isinstance(v, bool):
        return ("B", "1" if v else "0")
    if isinstance(v, int):
        return ("I", str(v))
    if isinstance(v, str):
        return ("S", v)
    if isinstance(v, bytes):
        return ("Y", v)
    if isinstance(v, list):
        return ("L", repr(v))
    raise TypeError(v)


def emit_str_cases():
    w("struct StrOpCase { const char* op; const char* s; long long slen; const char* a; long long alen;"
      " bool a_none; long long i1, i2; char rkind; const char* r; long long rlen; const char* exc;"
      " const char* msg; };\n")
    w("static const StrOpCase kStrOpCases[] = {\n")
    for op, s, a, i1, i2, (kind, v, en, msg) in CASES:
        r = cval(kind, v)
        a_s = a if a is not None else ""
        if r is None:
            rk, rt = "E", ""
        else:
            rk, rt = r
        w("    {\"%s\", %s, %d, %s, %d, %s, %s, %s, '%s', %s, %d, %s, %s},\n" % (
            op, cstr(s), blen(s), cstr(a_s), blen(a_s), "true" if a is None else "false", cint(i1), cint(i2),
            rk, cstr(rt), blen(rt), cstr(en) if en else "nullptr", cstr(msg) if kind != "ok" else "nullptr"))
    w("};\n\n")


# ---- bytes -----------------------------------------------------------------------
BYTES = [b"", b"a", b"abc", b"hello world", b"\x00\xff\x80", b"it's", b'say "hi"', b"'\"", b"a\\b",
         b"\t\n\r\x1f\x7f", bytes(range(256)), b"caf\xc3\xa9", b"\xff", b"a\xe2\x82", b"\xe2\x28",
         b"\xf0\x90\x28", b"\xed\xa0\x80", b"\xe0\x80", b"\xf4\x90\x80\x80", b"\xc0\x80", b"\x80\x81",
         b"ok\xf0\x9f\x98\x80", b"\xf0\x9f\x98", b"abab"]


def gen_bytes_cases():
    out = []

    def addb(op, b, a, i1, i2, f):
        out.append((op, b, a, i1, i2, outcome(f)))

    for b in BYTES:
        addb("repr", b, b"", 0, 0, lambda: repr(b))
        addb("len", b, b"", 0, 0, lambda: len(b))
        for i in (0, 1, -1, 2, -4, 300):
            addb("getitem", b, b"", i, 0, lambda: b[i])
        for x, y in itertools.product([0, 1, -1, 3, -100, END], repeat=2):
            addb("slice", b, b"", x, y, lambda: b[x:y])
        addb("slice_step-1", b, b"", END, INT_MIN, lambda: b[::-1])
        addb("slice_step2", b, b"", 0, END, lambda: b[::2])
        for sub in (b"", b"a", b"ab", b"\xff", b"zz"):
            addb("concat", b, sub, 0, 0, lambda: b + sub)
            addb("cmp", b, sub, 0, 0, lambda: (b > sub) - (b < sub))
            addb("contains", b, sub, 0, 0, lambda: sub in b)
            for x, y in ((0, END), (1, END), (-2, END), (0, 2)):
                addb("find", b, sub, x, y, lambda: b.find(sub, x, y))
                addb("rfind", b, sub, x, y, lambda: b.rfind(sub, x, y))
                addb("count", b, sub, x, y, lambda: b.count(sub, x, y))
        for enc in ("utf-8", "latin-1", "ascii"):
            for errors in ("strict", "ignore", "replace", "backslashreplace", "surrogatepass", "bogus"):
                if errors == "surrogatepass" and enc != "utf-8":
                    continue
                addb("decode", b, (enc + "\x00" + errors).encode(), 0, 0, lambda: b.decode(enc, errors))
        for v in (0, 97, 255, 256, -1):
            addb("contains_int", b, b"", v, 0, lambda: v in b)
    w("struct BytesOpCase { const char* op; const char* b; long long blen; const char* a; long long alen;"
      " long long i1, i2; char rkind; const char* r; long long rlen; const char* exc; const char* msg; };\n")
    w("static const BytesOpCase kBytesOpCases[] = {\n")
    for op, b, a, i1, i2, (kind, v, en, msg) in out:
        r = cval(kind, v)
        rk, rt = ("E", "") if r is None else r
        w("    {\"%s\", %s, %d, %s, %d, %s, %s, '%s', %s, %d, %s, %s},\n" % (
            op, cstr(b), len(b), cstr(a), len(a), cint(i1), cint(i2), rk, cstr(rt), blen(rt),
            cstr(en) if en else "nullptr", cstr(msg) if kind != "ok" else "nullptr"))
    w("};\n\n")


# ---- formatting --------------------------------------------------------------------
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 1 / 3, 2 / 3, 123.456, -123.456, 1e16, 1e15, 1e-4,
          1e-5, 1.5e-5, 1234567.891, 1e22, 1e100, 1e-100, 1.7976931348623157e308, 5e-324, 9.995, 0.125,
          0.0005, 99.5, 999999.5, 1e6, 123456789.0, 0.000123456, 100.0, 10.0, 3.14159265358979,
          float("inf"), float("-inf"), float("nan"), -0.0001, 2**53 + 0.0, 1e300 * 10]
FLOATS += [rng.uniform(-1e6, 1e6) for _ in range(20)] + [rng.uniform(-1, 1) * 10 ** rng.randint(-20, 20)
                                                          for _ in range(20)]
INTS = [0, 1, -1, 7, -7, 42, 255, -255, 1000, 1234567, -1234567, 65, 0x10ffff, 0x110000, 2**31,
        INT_MAX, INT_MIN, 123456789012]
STRS = ["", "a", "abc", "caf\u00e9", "\U0001f600x", "it's", "hello world"]


def arg_c(v):
    if v is None:
        return "{RPY_FMTARG_NONE, 0, 0.0, nullptr, 0, nullptr}"
    if isinstance(v, bool):
        return "{RPY_FMTARG_BOOL, %d, 0.0, nullptr, 0, nullptr}" % int(v)
    if isinstance(v, int):
        return "{RPY_FMTARG_INT, %s, 0.0, nullptr, 0, nullptr}" % cint(v)
    if isinstance(v, float):
        return "{RPY_FMTARG_FLOAT, 0, %s, nullptr, 0, nullptr}" % cdouble(v)
    return "{RPY_FMTARG_STR, 0, 0.0, %s, %d, nullptr}" % (cstr(v), blen(v))


def gen_percent_cases():
    cases = []
    convs = "diuoxXeEfFgGcrsa"
    flagsets = ["", "-", "+", " ", "#", "0", "-0", "+0", "#0", "- ", "+#", "-#0"]
    widths = ["", "1", "5", "12", "*"]
    precs = ["", ".0", ".1", ".3", ".10", ".*", "."]
    values = INTS[:10] + FLOATS[:24] + STRS[:5] + [True, False, None]
    for _ in range(5000):
        conv = rng.choice(convs)
        spec = rng.choice(flagsets) + rng.choice(widths) + rng.choice(precs)
        v = rng.choice(values)
        args = []
        if "*" in spec.split(".")[0]:
            args.append(rng.choice([3, -8, 0, 15]))
        if ".*" in spec:
            args.append(rng.choice([0, 2, 5, -1]))
        args.append(v)
        cases.append(("%" + spec + conv, args))
    fixed = [("%d%%", [5]), ("%%", []), ("%5%", []), ("abc", []), ("abc", [1]), ("%s %s", [1]),
             ("%s", [1, 2]), ("%y", [1]), ("%\u00e9", [1]), ("%", [1]), ("%5", [1]), ("%.", [1]), ("%(a)s", [1]),
             ("%ld %hi %Lf", [1, 2, 3.0]), ("%*d", ["x", 1]), ("%.*f", [1.5, 2.0]), ("x%sy\u00e9%rz", ["\u00e9", "\u00e9"]),
             ("%c", ["ab"]), ("%c", [""]), ("%c", [-1]), ("%c", [0x110000]), ("%c", [1.5]), ("%c", [None]),
             ("%x", [1.5]), ("%d", ["1"]), ("%f", ["x"]), ("%f", [None]), ("%d", [float("nan")]),
             ("%d", [float("inf")]), ("%d", [1e20]), ("%d", [-1e20]), ("%i", [-0.5]), ("%u", [2.5]),
             ("%.3s|%-6.2r|%5a", ["\u00e9\u00e9\u00e9\u00e9", "\u00e9x", "\u00e9"]), ("%10.3d", [-5]),
             ("%-#10x|%#010X|%#o", [255, 255, 8]), ("%+.0f %+.0e %#.0f %#.0e %#g %#.3g", [2.5, 2.5, 2.5, 2.5, 1.0, 1e10]),
             ("%.100f", [0.1]), ("%.30e", [1 / 3]), ("%.17g", [0.1]), ("%s %r", [1e16, 1e-5]), ("%08.3f", [-3.14159]),
             ("% 08.3f", [3.14159]), ("%+08d", [42]), ("%-08d|", [42]), ("%010f", [float("inf")]),
             ("%-+10.2e|", [float("-inf")]), ("%+f % f", [float("nan"), float("nan")]), ("%3c|%-3c|", [65, "\u00e9"]),
             ("%.2147483648f", [1.0]), ("%99999999999999999999d", [1]), ("%*.*s", [6, 2, "hello"]),
             ("%*s", [True, "x"]), ("%.*s", [None, "x"])]
    cases += fixed
    out = []
    for fmt, args in cases:
        t = tuple(args)
        kind, v, en, msg = outcome(lambda: fmt % t)
        out.append((fmt, args, kind, v, en, msg))
    w("struct TestArg { long long kind; long long i; double f; const char* s; long long slen;"
      " const char* unused; };\n")
    w("struct PercentCase { const char* fmt; long long fmtlen; int nargs; TestArg args[6]; bool ok;"
      " const char* r; long long rlen; const char* exc; const char* msg; };\n")
    w("static const PercentCase kPercentCases[] = {\n")
    for fmt, args, kind, v, en, msg in out:
        argtxt = ", ".join(arg_c(a) for a in args) or "{}"
        if kind == "ok":
            w("    {%s, %d, %d, {%s}, true, %s, %d, nullptr, nullptr},\n" % (
                cstr(fmt), blen(fmt), len(args), argtxt, cstr(v), blen(v)))
        else:
            w("    {%s, %d, %d, {%s}, false, nullptr, 0, \"%s\", %s},\n" % (
                cstr(fmt), blen(fmt), len(args), argtxt, en, cstr(msg)))
    w("};\n\n")


def gen_spec_cases():
    aligns = ["", "<", ">", "^", "=", "*<", "0>", "\u00e9^", "0=", "x="]
    signs = ["", "+", "-", " "]
    zs = ["", "", "z"]
    alts = ["", "#"]
    zeros = ["", "0"]
    widths = ["", "1", "8", "15"]
    groups = ["", "", ",", "_"]
    precs = ["", ".0", ".2", ".6", ".12", ".17"]
    types = {"int": ["", "d", "b", "o", "x", "X", "c", "n", "e", "f", "g", "%", "G", "s", "E", "F"],
             "float": ["", "e", "E", "f", "F", "g", "G", "n", "%", "d", "s"],
             "str": ["", "s", "d"], "bool": ["", "d", "x", "s"]}
    out = []
    for _ in range(9000):
        kind = rng.choice(["int", "int", "float", "float", "float", "str", "bool"])
        prec = rng.choice(precs) if kind in ("float", "str") or rng.random() < 0.1 else ""
        spec = (rng.choice(aligns) + rng.choice(signs) + rng.choice(zs) + rng.choice(alts) + rng.choice(zeros) +
                rng.choice(widths) + rng.choice(groups) + prec + rng.choice(types[kind]))
        if kind == "int":
            v = rng.choice(INTS + [rng.randint(-10**12, 10**12)])
        elif kind == "float":
            v = rng.choice(FLOATS)
        elif kind == "str":
            v = rng.choice(STRS)
        else:
            v = rng.choice([True, False])
        out.append((kind, v, spec))
    for spec in ["", "abc", ",_", "_,", "10,,", ".", "<<<", "\x01", "%", "s", "z", "=10", "#x", "+c", "#c",
                 ".3d", "zd", "z.1f", "99999999999999999999", ".99999999999999999999f", ",c", "_n", "010,",
                 "0=12,", "*^30,.3f", "_x", "_b", "08_x", "#010_b", ",s", "s,", "z", ">z.2f", "\u00e9>9"]:
        for kind, v in (("int", 1234), ("int", -56789), ("float", -0.0001), ("float", 1234567.25),
                        ("str", "ab\u00e9"), ("bool", True)):
            out.append((kind, v, spec))
    w("struct SpecCase { char kind; long long i; double f; const char* s; long long slen; const char* spec;"
      " long long speclen; bool ok; const char* r; long long rlen; const char* exc; const char* msg; };\n")
    w("static const SpecCase kSpecCases[] = {\n")
    for kind, v, spec in out:
        k, m, en, msg = outcome(lambda: format(v, spec))
        iv = int(v) if kind in ("int", "bool") else 0
        fv = v if kind == "float" else 0.0
        sv = v if kind == "str" else ""
        if k == "ok":
            tail = "true, %s, %d, nullptr, nullptr" % (cstr(m), blen(m))
        else:
            tail = "false, nullptr, 0, \"%s\", %s" % (en, cstr(msg))
        w("    {'%s', %s, %s, %s, %d, %s, %d, %s},\n" % (kind[0], cint(iv), cdouble(fv), cstr(sv), blen(sv),
                                                      cstr(spec), blen(spec), tail))
    w("};\n\n")


def main():
    w("// Generated by tests/unit/support/gen_rt_str_cases.py with CPython %s. Do not edit.\n"
      % sys.version.split()[0])
    w("#pragma once\n#include <cmath>\n#include <cstdint>\n\n#include \"runtime/rpy.h\"\n\n")
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    if what in ("all", "str"):
        gen_str_cases()
        emit_str_cases()
    if what in ("all", "bytes"):
        gen_bytes_cases()
    if what in ("all", "format"):
        gen_percent_cases()
        gen_spec_cases()


if __name__ == "__main__":
    main()
