# bytes % and bytearray % (PEP 461): every conversion, flags, widths and
# precisions (static and `*`), bytes/bytearray arguments and results, the
# run-time errors; bytes.maketrans through an instance; ba += ba.


class P(object):
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return "P(%d)" % self.x


def fmt_c(n):
    try:
        return b"[%c]" % n
    except OverflowError as e:
        print("OverflowError:", e)
    return b""


def fmt_c_bytes(b):
    try:
        return b"[%-3c]" % b
    except TypeError as e:
        print("TypeError:", e)
    return b""


def fmt_c_ba(b):
    try:
        return bytearray(b"<%3c>") % b
    except TypeError as e:
        print("TypeError:", e)
    return bytearray()


def entry_point(argv):
    n = len(argv) + 41          # 42
    neg = -n - 213              # -255
    f = n / 8.0                 # 5.25
    b = b"ab" * (len(argv) + 0)
    ba = bytearray(b"xyz")
    s = "caf\xe9"
    print(b"%d items" % n)
    print(b"%d %i %u %x %X %o %%" % (n, n, n, n, n, n))
    print(b"%5d|%-5d|%05d|%+d|% d|%+5d|%-+5d|" % (n, n, n, n, n, n, n))
    print(b"%#x %#X %#o %#5x|%#05x|%-#6o|" % (n, n, n, n, n, n))
    print(b"%#o %#x %#X %x %o" % (neg, neg, neg, neg, neg))
    print(b"%#08x %08d %+08X % 8o|" % (neg, neg, -neg, neg))
    print(b"%d %d %i" % (True, f, -f))
    print(b"%f %.2f %10.3f %-10.1f| %e %.3E %g %G" % (f, f, f, f, f, f, f, f * 1e20))
    print(b"%F %+.1f % .0f %#.0f %08.2f %-8.2e| %.0e %#g %.10g" % (f, -f, f, f, -f, f, f, f, 1.0 / 3))
    print(b"%e %f %g" % (n, True, n))
    print(b"%s %b %5s|%-5s|%.1s|%5.1b|%s" % (b, b, b, b, b, b, ba))
    print(b"%s|%10s|%-10b|%.2s" % (bytearray(b"\x00\xff"), ba, ba, ba))
    print(b"%r %a %r %a %r" % (s, s, b, ba, n), ascii(b), ascii(ba))
    print(b"%a|%-12r|" % ("\u20ac\U0001f600\x85", "\x00\xff"))
    print(b"%5r|%-6a|%.3r|%r|%r" % (n, f, s, [n, 1], P(n)))
    print(b"%c%c%c %3c|%-3c|%05c|" % (n + 23, b"x", bytearray(b"y"), n, n, n))
    print(b"%c" % (n + 213), b"%c" % 0, b"%c" % 255)
    print(b"%*d|%-*d|%*d|%.*f|%*.*f|%*s|%.*s|%*c|" % (5, n, 5, n, -5, n, 2, f, 9, 3, f, 4, b, 1, b, -3, n))
    print(b"%.*s|%.*b|" % (-1, b, 0, ba))
    print(b"%.3d|%08.3d|%-8.3d|%+8.3x|%#08.3x|%#8.3o|% .3d|%.0d|%.3d|%#.3X|" % (
        n, -n, -n, n, n, -n, n, 0, n * 1000, 255))
    print(b"%.*d|%*.*x|%-*.*o|%.*i|%5.2u|" % (5, -n, -7, 3, n, 6, 4, n, -2, n, f))
    print("%.3d|%08.3d|%-8.3d|%+8.3x|%#08.3x|%#8.3o|% .3d|%.0d|%.3d|%#.3X|" % (
        n, -n, -n, n, n, -n, n, 0, n * 1000, 255))
    print("%.*d|%*.*x|%-*.*o|%.*i|%5.2u|" % (5, -n, -7, 3, n, 6, 4, n, -2, n, f))
    print("%(a).4d %(a)#.4x" % {"a": n}, b"%(a).4d %(a)#.4x" % {b"a": n})
    print(b"\xff%s\x00%d\x80" % (b"\xfe", n))
    print(b"100%%" % (), b"" % (), b"no fields" % {b"k": 1})
    d = {b"name": b"bob", b"job": b"dev"}
    print(b"%(name)s is a %(job)5s, %(name)r" % d)
    ages = {b"age": n}
    print(b"%(age)d %(age)#x %(age)-4d|" % ages)
    r = bytearray(b"%d-%s-%x") % (n, b, 255)
    print(r, len(r))
    r.append(33)
    print(r)
    print(bytearray(b"[%c]") % n + b"!", b"x=%s" % (bytearray(b"%d") % n))
    single = b"%s!" % b
    print(single, b"%d" % n, b"%r" % b, b"%s" % ((b,)))
    print(fmt_c(n), fmt_c(256), fmt_c(-1), fmt_c(255))
    print(fmt_c_bytes(b"q"), fmt_c_bytes(b), fmt_c_bytes(b""))
    print(fmt_c_ba(bytearray(b"r")), fmt_c_ba(bytearray()))
    e = b"%.1f%%" % (100.0 * n / 7)
    print(e, e.decode())

    # maketrans through an instance
    t = b"abc".maketrans(b"ab", b"AB")
    print(b"abcab".translate(t), len(t), t[97], t[98], t[99])
    t2 = bytearray().maketrans(bytearray(b"c"), b"C")
    print(bytearray(b"abc").translate(t2), t2[99:101])
    try:
        b.maketrans(b"ab", b"c")
    except ValueError as e2:
        print("ValueError:", e2)

    # ba += ba: CPython's BufferError while the bytearray is not empty
    ba2 = bytearray(b"ab")
    try:
        ba2 += ba2
    except BufferError as e3:
        print("BufferError:", e3)
    print(ba2)
    ba2.extend(ba2)
    print(ba2)
    empty = bytearray()
    empty += empty
    print(empty)
    other = bytearray(b"cd")
    ba2 += other
    print(ba2, other)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
