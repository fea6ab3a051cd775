"""rpython.rlib.rbigint: factorials, Fibonacci numbers, powers with a
modulus, floor division and modulo with every sign combination."""
from rpython.rlib.rbigint import rbigint


def factorial(n):
    r = rbigint.fromint(1)
    for i in range(2, n + 1):
        r = r.mul(rbigint.fromint(i))
    return r


def fib(n):
    a = rbigint.fromint(0)
    b = rbigint.fromint(1)
    for i in range(n):
        a, b = b, a.add(b)
    return a


def main(argv):
    f200 = factorial(200)
    print(f200.str())
    print(f200.bit_length(), len(f200.str()))
    print(fib(1000).str())
    print(fib(90).toint())
    print(factorial(30).tofloat())
    # quotient and remainder for all sign combinations, small and big
    big = factorial(25).add(rbigint.fromint(12345))
    for a in [rbigint.fromint(7), rbigint.fromint(-7), big, big.neg(), rbigint.fromint(0)]:
        for b in [rbigint.fromint(2), rbigint.fromint(-2), rbigint.fromint(3), rbigint.fromint(-3),
                  factorial(21), factorial(21).neg()]:
            q, r = a.divmod(b)
            print(a.str(), b.str(), a.floordiv(b).str(), a.mod(b).str(), q.str(), r.str())
    # pow, with and without a modulus
    two = rbigint.fromint(2)
    print(two.pow(rbigint.fromint(300)).str())
    print(rbigint.fromint(-3).pow(rbigint.fromint(101)).str())
    m = rbigint.fromstr("1000000007")
    print(rbigint.fromint(3).pow(factorial(30), m).str())
    print(rbigint.fromint(3).pow(rbigint.fromint(2), rbigint.fromint(-5)).str())
    print(rbigint.fromint(-3).pow(rbigint.fromint(3), rbigint.fromint(7)).str())
    print(rbigint.fromint(3).pow(rbigint.fromint(-1), m).str())
    print(rbigint.fromint(5).pow(rbigint.fromint(-1), rbigint.fromint(1)).str())
    print(rbigint.fromint(0).pow(rbigint.fromint(0)).str(), rbigint.fromint(-1).pow(f200).str())
    # bitwise operations as two's complement, shifts floor
    x = factorial(22).neg()
    y = fib(100)
    print(x.and_(y).str(), x.or_(y).str(), x.xor(y).str(), x.invert().str(), y.invert().str())
    print(x.lshift(70).str(), x.rshift(3).str(), x.rshift(200).str(), y.rshift(1).str())
    print(rbigint.fromint(-1).rshift(5).str(), rbigint.fromint(1).lshift(0).str())
    # abs, neg, sign
    print(x.abs().str(), x.neg().str(), x.sign, y.sign, rbigint.fromint(0).sign)
    # hashing agrees with Python's int hash
    for v in [rbigint.fromint(0), rbigint.fromint(-1), rbigint.fromint(-2), f200, f200.neg(),
              rbigint.fromstr("2305843009213693951"), rbigint.fromstr("2305843009213693952"),
              rbigint.fromstr("-2305843009213693952")]:
        print(v.hash())
    # hex/oct/bin and other bases
    print(x.hex(), y.oct(), rbigint.fromint(-5).bin(), y.format_base(36), rbigint.fromint(0).hex())
    print(str(f200) == f200.str(), f200.tostr() == f200.repr())
    # int_* helpers
    print(f200.int_add(1).int_sub(2).int_mul(-3).int_floordiv(7).int_mod(1000).str())
    return 0


def target(driver, args):
    return main, None


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
