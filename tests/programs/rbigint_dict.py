"""rpython.rlib.rbigint as dict keys (__hash__/__eq__), in str()/print()
and containers, prebuilt module-level values, pow with a modulus that may
be None at run time."""
from rpython.rlib.rbigint import rbigint

TEN = rbigint.fromint(10)


def main(argv):
    d = {}
    x = TEN.pow(rbigint.fromint(30))
    d[x] = "big"
    d[rbigint.fromint(7)] = "seven"
    print(d[rbigint.fromstr("1" + "0" * 30)], d[TEN.sub(rbigint.fromint(3))], len(d))
    print(x, TEN, [x.hash(), TEN.hash()])
    m = None
    if len(argv) > 5:
        m = TEN
    print(TEN.pow(TEN, m))
    return 0


def target(driver, args):
    return main, None


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
