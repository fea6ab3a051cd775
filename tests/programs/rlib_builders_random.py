"""rpython.rlib.rstring builders, rpython.rlib.rrandom (the sequence of
CPython's random module for the same seed) and rpython.rlib.rfloat."""
from rpython.rlib.rstring import StringBuilder, UnicodeBuilder
from rpython.rlib.rrandom import Random
from rpython.rlib.rfloat import (isinf, isnan, isfinite, formatd, float2string, string_to_float,
                                 round_double, copysign, INFINITY, NAN, DTSF_ADD_DOT_0, DTSF_SIGN, DTSF_ALT)


def builders():
    b = StringBuilder()
    print(b.getlength(), repr(b.build()))
    for i in range(1000):
        b.append(str(i))
        if i % 100 == 0:
            b.append_multiple_char("-", 3)
    s = b.build()
    print(len(s), b.getlength(), s[:40], s[-20:])
    b.append_slice("hello world", 6, 11)
    b.append_multiple_char("x", 0)
    b.append("é€😀")
    t = b.build()
    print(len(t), b.getlength(), t[-12:], t == b.build())
    u = UnicodeBuilder(16)
    u.append("naïve ")
    u.append_slice("αβγδε", 1, 4)
    u.append_multiple_char("ü", 4)
    print(u.build(), u.getlength())


def randoms():
    r = Random()
    for seed in [0, 1, 42, 4294967296 + 5, 9223372036854775807, -7, -9223372036854775807 - 1]:
        r.seed(seed)
        print(seed, repr(r.random()), repr(r.random()), r.genrand32(), r.getrandbits(5), r.getrandbits(40))
    r.seed(12345)
    total = 0.0
    for i in range(100000):
        total += r.random()
    print(repr(total))
    p = Random(5489)  # PyPy's Random(seed): init_genrand
    print(p.genrand32(), p.genrand32())
    p.init_by_array([0x123, 0x234, 0x345, 0x456])
    print(p.genrand32(), p.genrand32())
    p.jumpahead(10)
    print(p.genrand32())


def floats():
    for x in [0.0, -0.0, 1.0, 1.5, 2.5, -3.25, 1e22, 1.0 / 3.0, 123456.789, INFINITY, -INFINITY, NAN]:
        print(isinf(x), isnan(x), isfinite(x), formatd(x, "g", 6, DTSF_ADD_DOT_0), formatd(x, "e", 3),
              formatd(x, "f", 2, DTSF_SIGN), formatd(x, "r", 0, DTSF_ADD_DOT_0), formatd(x, "g", 3, DTSF_ALT),
              float2string(x, "E", 2), round_double(x, 1), round_double(x, -2), copysign(1.0, x))
    for s in ["1.5", "  -2e3 ", "inf", "-nan", "1_000.5", "abc", "", "1e400"]:
        try:
            print(repr(string_to_float(s)))
        except ValueError as e:
            print("ValueError", str(e))


def main(argv):
    builders()
    randoms()
    floats()
    return 0


def target(driver, args):
    return main, None


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
