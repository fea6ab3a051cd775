# The long-integer object of an interpreter on rbigint: arithmetic with
# Python's signs, comparisons, conversions, shifts and bitwise operations
# on negatives, hashing as dict keys, promotion from and demotion to
# machine ints, and a factorial/fibonacci workload printed in bases.
import sys
from rpython.rlib.rbigint import rbigint
from rpython.rlib.rarithmetic import ovfcheck


class W_Long(object):
    def __init__(self, big):
        self.big = big

    def __eq__(self, other):
        return self.big.eq(other.big)

    def __hash__(self):
        return self.big.hash()

    def __repr__(self):
        return self.big.repr()


def fact(n):
    r = rbigint.fromint(1)
    for i in range(2, n + 1):
        r = r.int_mul(i)
    return r


def fib(n):
    a = rbigint.fromint(0)
    b = rbigint.fromint(1)
    for _ in range(n):
        a, b = b, a.add(b)
    return a


def small_or_big(x, y):
    try:
        return str(ovfcheck(x * y))
    except OverflowError:
        return rbigint.fromint(x).mul(rbigint.fromint(y)).str() + "L"


def entry_point(argv):
    f30 = fact(30)
    print(f30.str(), f30.hex(), f30.oct()[:12], f30.bit_length(), f30.tofloat())
    print(fib(100).str(), fib(90).fits_int(), fib(90).toint(), fib(93).fits_int())
    vals = [rbigint.fromstr(s) for s in ["123456789012345678901234567890", "-98765432109876543210", "7", "-7", "0"]]
    for a in vals[:4]:
        row = []
        for b in vals[2:4]:
            q, r = a.divmod(b)
            row.append("%s,%s" % (q.str(), r.str()))
            row.append(a.floordiv(b).str() + "/" + a.mod(b).str())
        print(" ".join(row))
    a, b = vals[0], vals[1]
    print(a.add(b).str(), a.sub(b).str(), a.mul(b).str())
    print(a.lt(b), a.gt(b), b.le(b), a.ne(b), a.neg().abs().eq(a), vals[4].tobool(), b.sign)
    print(b.lshift(70).str(), b.rshift(5).str(), b.and_(rbigint.fromint(0xffff)).str(),
          b.or_(rbigint.fromint(1)).str(), b.xor(a).str(), b.invert().str())
    print(rbigint.fromint(3).pow(rbigint.fromint(200), rbigint.fromint(1000000007)).str(),
          rbigint.fromint(-2).pow(rbigint.fromint(63)).str(), rbigint.fromint(2).pow(rbigint.fromint(64)).str())
    print(rbigint.fromfloat(1e30).str(), rbigint.fromstr("ff", 16).str(), rbigint.fromstr("-0b1011", 0).str(),
          rbigint.fromstr("1_000_000", 10).str(), a.format_base(36) if False else a.str()[:5])
    try:
        a.floordiv(vals[4])
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        rbigint.fromstr("12z")
    except ValueError as e:
        print("ValueError:", e)
    try:
        a.toint()
    except OverflowError as e:
        print("OverflowError:", e)
    d = {}
    for s in ["1", "2", "18446744073709551616", "1", "18446744073709551616"]:
        k = W_Long(rbigint.fromstr(s))
        d[k] = d.get(k, 0) + 1
    print(sorted([(repr(k), v) for k, v in d.items()]))
    print(small_or_big(3037000499, 3037000499), small_or_big(3037000500, 3037000500), small_or_big(-2, 2**62))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
