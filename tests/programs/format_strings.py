import sys


class P(object):
    def __init__(self, x):
        self.x = x

    def __str__(self):
        return "P<%d>" % self.x


def entry_point(argv):
    n = len(argv) + 41
    f = n / 8.0
    s = "abc"
    print("%d items" % n)
    print("%5d|%-5d|%05d|%+d|% d" % (n, n, n, n, n))
    print("%x %X %o %#x %#o %#X" % (n, n, n, n, n, 255))
    print("%f %.2f %10.3f %-10.1f| %e %.3E %g %G" % (f, f, f, f, f, f, f, f * 1e20))
    print("%s %r %5s|%-5s|%.2s" % (s, s, s, s, s))
    print("%c%c %%" % (65, "z"))
    print("%s and %s" % (P(3), [1, 2]))
    print("%d" % 3.99, "%s" % None, "%s" % True, "%d" % True)
    print(f"n={n} f={f:.3f} s={s!r} {s:>6} {n:#x} {n:08.2f}")
    w = 7
    print(f"[{s:>{w}}] [{n:^9}] {{literal}}")
    print(f"{[1, 2]} {(n, s)} {P(5)}")
    print("{} + {} = {}".format(1, 2, 3))
    print("{0}{1}{0}".format("ab", n))
    print("{name} is {age:>4}".format(name="bob", age=n))
    print("{:.2%} {:,} {:_x}".format(0.256, 1234567, 65535))
    print("{!r:>8}".format("q"))
    t = (n, s)
    print("%d-%s" % t)
    print(format(n, "b"), format(f, ".1e"), format(s, "*^9"), ascii("é"))
    try:
        print("%d" % int("x" + s))
    except ValueError as e:
        print("ValueError")
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
