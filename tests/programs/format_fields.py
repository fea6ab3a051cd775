"""`%` with `*` widths and precisions (taken from the operand, negative
widths left-justify), `%(name)s` with a dict operand (KeyError as
CPython), and str.format fields with attribute and index access."""


class Point(object):
    def __init__(self, x, y, name):
        self.x = x
        self.y = y
        self.name = name


class Holder(object):
    def __init__(self, p):
        self.p = p


def stars(w, p):
    print("[%*d]" % (w, 42))
    print("[%-*d]" % (w, 42))
    print("[%0*d]" % (w, -42))
    print("[%+*d]" % (w, 7))
    print("[%*s]" % (w, "ab"))
    print("[%-*s]" % (w, "ab"))
    print("[%.*f]" % (p, 3.14159))
    print("[%*.*f]" % (w, p, 2.5))
    print("[%-*.*e]" % (w + 6, p, 12345.678))
    print("[%.*s]" % (p, "abcdefgh"))
    print("[%*x|%#*o]" % (w, 255, w, 8))
    print("[%*c]" % (w, "z"))
    print("[%5.*f]" % (p, 1.0))
    print("[%*.2f]" % (w, 1.0))


def named(d):
    print("%(name)s is %(name)r" % {"name": "Ann"})
    print("%(age)d years, %(age)05.1f%%, %(age)x" % {"age": 7})
    print("%(a)s-%(b)r-%(a)s" % d)
    print("%(a)-6s|%(b)6s|" % d)
    try:
        print("%(missing)s" % d)
    except KeyError as e:
        print("KeyError", str(e))


def fields():
    p = Point(3, 4, "origin")
    h = Holder(p)
    lst = [10, 20, 30]
    d = {"key": "v1", "k-2": "dash"}
    di = {7: "seven-int"}
    print("{0.x},{0.y} {0.name}".format(p))
    print("{p.name}: ({p.x}, {p.y})".format(p=p))
    print("{0[1]} {0[2]:>5} {1[key]!r}".format(lst, d))
    print("{d[k-2]} {e[7]}".format(d=d, e=di))
    print("{.p.name}|{[0]}".format(h, lst))
    print("{0.p.x:03d}".format(h))
    t = (1, "two", 3.0)
    print("{0[1]}/{0[2]:.2f}".format(t))
    try:
        print("{0[5]}".format(lst))
    except IndexError as e:
        print("IndexError", str(e))
    try:
        print("{0[nokey]}".format(d))
    except KeyError as e:
        print("KeyError", str(e))


def inside_try(w):
    try:
        s = "%*d|%s" % (w, 5, "x")
        s += "{0[0]}{1.x}".format([w], Point(1, 2, "q"))
        print(s)
    except ValueError:
        print("no")


def main(argv):
    stars(6, 2)
    stars(-6, -1)
    stars(0, 0)
    named({"a": "x", "b": "y"})
    fields()
    inside_try(len(argv) + 3)
    return 0


def target(driver, args):
    return main, None


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
