"""rpython.rlib.rbigint on pseudo-random operands (rpython.rlib.rrandom):
float conversion rounding near the 53-bit boundary, hashes, every binary
operation, against what CPython's int gives untranslated."""
from rpython.rlib.rbigint import rbigint
from rpython.rlib.rrandom import Random


def random_big(r):
    nwords = r.getrandbits(3)
    v = rbigint.fromint(r.getrandbits(32))
    for i in range(nwords):
        v = v.lshift(32).or_(rbigint.fromint(r.getrandbits(32)))
    # runs of ones and zeros exercise the rounding of tofloat
    if r.getrandbits(1):
        v = v.lshift(r.getrandbits(6)).int_sub(r.getrandbits(2))
    if r.getrandbits(1):
        v = v.neg()
    return v


def main(argv):
    r = Random()
    r.seed(2024)
    checksum = 0
    for i in range(300):
        a = random_big(r)
        b = random_big(r)
        line = [a.str(), repr(a.tofloat()), str(a.hash()), str(a.bit_length())]
        line.append(a.add(b).str())
        line.append(a.sub(b).str())
        line.append(a.mul(b).hex())
        if b.sign != 0:
            line.append(a.floordiv(b).str())
            line.append(a.mod(b).str())
            line.append(a.pow(rbigint.fromint(r.getrandbits(7)), b).str())
        line.append(a.and_(b).oct())
        line.append(a.or_(b).bin())
        line.append(a.xor(b).str())
        line.append(a.rshift(r.getrandbits(7)).str())
        line.append(str(a.lt(b)) + str(a.eq(b)))
        for s in line:
            checksum = (checksum * 31 + len(s)) % 1000000007
        if i % 20 == 0:
            print(" ".join(line))
        s = a.str()
        if not rbigint.fromstr(s).eq(a) or not rbigint.fromstr(a.hex(), 16).eq(a) or not rbigint.fromstr(a.bin(), 0).eq(a):
            print("round trip failed", s)
    print(checksum)
    return 0


def target(driver, args):
    return main, None


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
