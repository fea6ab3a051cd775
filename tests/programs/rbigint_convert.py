"""rpython.rlib.rbigint: conversions from and to str, int and float,
comparisons, and the errors (messages as CPython's int gives them)."""
from rpython.rlib.rbigint import rbigint, NULLRBIGINT, ONERBIGINT

BIG = rbigint.fromstr("123456789012345678901234567890")


def parse(s, base):
    try:
        print("ok", rbigint.fromstr(s, base).str())
    except ValueError as e:
        print("ValueError", str(e))


def main(argv):
    for s in ["0", "-0", "  42  ", "+17", "-123456789012345678901234567890", "1_000_000", "\t-5\n",
              "", " ", "-", "1__0", "_1", "1_", "12a", "- 1", "0x10", "1.5", "x" * 250]:
        parse(s, 10)
    for s in ["ff", "0xff", "0XFF", "-0x_ff", "0x", "fg"]:
        parse(s, 16)
    for s in ["0x1f", "0o17", "0b101", "010", "00", "0_0", "17", "-0b1_1"]:
        parse(s, 0)
    parse("zz", 36)
    parse("777", 8)
    parse("2", 2)
    parse("1", 1)
    parse("1", 37)
    # ints
    for i in [0, 1, -1, 9223372036854775807, -9223372036854775807 - 1]:
        v = rbigint.fromint(i)
        print(v.str(), v.toint() == i, v.fits_int(), v.bit_length(), v.sign)
    over = rbigint.fromint(9223372036854775807).int_add(1)
    print(over.str(), over.fits_int())
    try:
        print(over.toint())
    except OverflowError as e:
        print("OverflowError", str(e))
    try:
        print(over.neg().int_sub(1).toint())
    except OverflowError as e:
        print("OverflowError", str(e))
    print(over.neg().toint())
    # floats
    for f in [0.0, -0.0, 1.5, -1.5, 2.5e20, -1e300, 123456789.99, 9007199254740993.0]:
        print(rbigint.fromfloat(f).str())
    for f in [float("inf"), float("-inf"), float("nan")]:
        try:
            print(rbigint.fromfloat(f).str())
        except OverflowError as e:
            print("OverflowError", str(e))
        except ValueError as e:
            print("ValueError", str(e))
    # tofloat rounds to nearest even, as float(int)
    for s in ["9007199254740993", "9007199254740995", "-9007199254740993",
              "18014398509481987", "123456789012345678901234567890",
              "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368"]:
        try:
            print(repr(rbigint.fromstr(s).tofloat()))
        except OverflowError as e:
            print("OverflowError", str(e))
    try:
        print(BIG.pow(rbigint.fromint(20)).tofloat())
    except OverflowError as e:
        print("OverflowError", str(e))
    # comparisons
    vals = [BIG.neg(), rbigint.fromint(-1), NULLRBIGINT, ONERBIGINT, rbigint.fromint(1), BIG]
    for a in vals:
        line = []
        for b in vals:
            line.append(str(a.lt(b))[0] + str(a.le(b))[0] + str(a.eq(b))[0] + str(a.ne(b))[0] +
                        str(a.gt(b))[0] + str(a.ge(b))[0])
        print(" ".join(line), a == BIG, a != BIG, a.int_lt(0), a.int_eq(1), a.int_ge(-1), a.tobool())
    # errors
    zero = rbigint.fromint(0)
    for k in range(5):
        try:
            if k == 0:
                BIG.floordiv(zero)
            elif k == 1:
                BIG.mod(zero)
            elif k == 2:
                BIG.divmod(zero)
            elif k == 3:
                BIG.int_floordiv(0)
            else:
                BIG.int_mod(0)
        except ZeroDivisionError as e:
            print("ZeroDivisionError", str(e))
    for k in range(6):
        try:
            if k == 0:
                BIG.pow(rbigint.fromint(-1))
            elif k == 1:
                BIG.pow(rbigint.fromint(2), zero)
            elif k == 2:
                rbigint.fromint(2).pow(rbigint.fromint(-1), rbigint.fromint(4))
            elif k == 3:
                BIG.lshift(-1)
            elif k == 4:
                BIG.rshift(-3)
            else:
                BIG.format_base(1)
        except ValueError as e:
            print("ValueError", str(e))
    print(BIG.rshift(1000).str(), BIG.neg().rshift(1000).str(), zero.lshift(1 << 50).str())
    # an uncaught one ends the program as CPython's would
    print(BIG.mod(rbigint.fromint(0)).str())
    return 0


def target(driver, args):
    return main, None


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
