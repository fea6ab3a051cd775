"""rbigint.truediv: a float correctly rounded from the exact quotient, as
Python's int / int (halfway cases, subnormal results, the overflow
boundary), with CPython's ZeroDivisionError and OverflowError messages."""
from rpython.rlib.rbigint import rbigint
from rpython.rlib.rrandom import Random


def big(s):
    return rbigint.fromstr(s, 0)


def show(a, b):
    try:
        print(repr(a.truediv(b)))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", str(e))
    except OverflowError as e:
        print("OverflowError:", str(e))


def random_big(r, words):
    v = rbigint.fromint(r.getrandbits(32))
    for i in range(words):
        v = v.lshift(32).or_(rbigint.fromint(r.getrandbits(32)))
    if r.getrandbits(1):
        v = v.lshift(r.getrandbits(6)).int_sub(r.getrandbits(2))
    if r.getrandbits(1):
        v = v.neg()
    return v


def main(argv):
    one = rbigint.fromint(1)
    show(rbigint.fromint(7), rbigint.fromint(2))
    show(rbigint.fromint(-7), rbigint.fromint(2))
    show(rbigint.fromint(0), rbigint.fromint(-5))
    show(rbigint.fromint(0), rbigint.fromint(5))
    show(rbigint.fromint(1), rbigint.fromint(3))
    # 2**53 + 1 is not a double: the quotient must round from the exact value
    show(big("9007199254740993"), one)
    show(big("9007199254740995"), one)
    show(big("0x20000000000001"), rbigint.fromint(2))
    # halfway between two doubles: round to even, and just above halfway
    show(big("0x200000000000010000000000000000"), big("0x10000000000000000"))
    show(big("0x200000000000030000000000000000"), big("0x10000000000000000"))
    show(big("0x200000000000010000000000000001"), big("0x10000000000000000"))
    show(big("-0x200000000000010000000000000001"), big("0x10000000000000000"))
    show(one.lshift(2000).int_add(1), one.lshift(1990))
    show(rbigint.fromint(10).pow(rbigint.fromint(400)), rbigint.fromint(10).pow(rbigint.fromint(399)))
    # subnormal and zero results
    show(one, one.lshift(1074))
    show(one, one.lshift(1075))
    show(rbigint.fromint(3), one.lshift(1075))
    show(rbigint.fromint(-3), one.lshift(1076))
    show(one, one.lshift(1200))
    show(rbigint.fromint(12345), one.lshift(1060))
    # the overflow boundary
    show(one.lshift(1024).sub(one.lshift(971)), one)
    show(one.lshift(1024).sub(one.lshift(970)), one)
    show(one.lshift(1023), one)
    show(one.lshift(1030), one.lshift(6))
    show(one.lshift(1030), rbigint.fromint(63))
    show(rbigint.fromint(10).pow(rbigint.fromint(400)), one)
    show(rbigint.fromint(5), rbigint.fromint(0))
    show(rbigint.fromint(10).pow(rbigint.fromint(400)), rbigint.fromint(0))
    print(repr(rbigint.fromint(10).int_truediv(4)))
    r = Random()
    r.seed(77)
    checksum = 0
    for i in range(400):
        a = random_big(r, r.getrandbits(5))
        b = random_big(r, r.getrandbits(5))
        if b.sign == 0:
            continue
        s = repr(a.truediv(b))
        if i % 40 == 0:
            print(s)
        for j in range(len(s)):
            checksum = (checksum * 31 + ord(s[j])) % 1000000007
    print(checksum)
    return 0


def target(driver, args):
    return main, None


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
