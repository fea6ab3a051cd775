# Output formatting an interpreter's REPL and error reporter do: %, f-strings,
# str.format, repr of nested containers, and exception flow with finally.
import sys


class Pos(object):
    def __init__(self, line, col):
        self.line = line
        self.col = col

    def __repr__(self):
        return "Pos(%d:%d)" % (self.line, self.col)

    def __str__(self):
        return "%d:%d" % (self.line, self.col)


class InterpError(Exception):
    def __init__(self, msg, pos):
        Exception.__init__(self, msg)
        self.msg = msg
        self.pos = pos


class NameErr(InterpError):
    def __init__(self, name, pos):
        InterpError.__init__(self, "name '%s' is not defined" % name, pos)
        self.name = name


class TypeErr(InterpError):
    pass


class Halt(Exception):
    pass


def report(e):
    return f"{e.pos}: {type(e).__name__}: {e.msg}"


def lookup(env, name, pos):
    try:
        return env[name]
    except KeyError:
        raise NameErr(name, pos)


trace = []


def step(env, name, i):
    trace.append("enter %s" % name)
    try:
        try:
            v = lookup(env, name, Pos(i, 4))
            if v < 0:
                raise TypeErr("negative: %d" % v, Pos(i, 8))
            if v == 0:
                raise Halt()
            return v * 2
        except TypeErr as e:
            trace.append("typeerr " + str(e))
            raise
        finally:
            trace.append("finally %s" % name)
    except NameErr as e:
        trace.append("name " + e.name)
        return -1


def fmt_table(rows):
    lines = []
    w = max([len(r[0]) for r in rows])
    for name, count, ratio in rows:
        lines.append("%-*s|%5d|%8.3f|%-6s|%+.2e" % (w, name, count, ratio,
                                                  "x" * (count % 4), ratio * 1000))
        lines.append("{:>{w}}|{:^7}|{:08.2f}|{!r}".format(name, count, ratio, name, w=w + 2))
        lines.append(f"{name!r:<10}{count:#x} {count:#o} {count:b} {ratio:.1%} {count:,}")
    return "\n".join(lines)


def entry_point(argv):
    env = {"a": 3, "b": -2, "c": 0}
    for i, name in enumerate(["a", "b", "z", "c"]):
        try:
            print(name, "->", step(env, name, i))
        except InterpError as e:
            print("error:", report(e), repr(e.pos), str(e))
        except Halt as e:
            print("halt", repr(str(e)))
    print("\n".join(trace))
    rows = [("alpha", 12, 0.5), ("beta", 1003, 2.0 / 3), ("g", 7, -1.25)]
    print(fmt_table(rows))
    nested = {"list": [[1, 2], [3, 4]], "empty": [], "one": [[]]}
    print(nested)
    strs = {"strs": ["a'b", 'c"d', "\t\x00\u00e9\u2028\x7f"], "e": []}
    print(strs, repr(strs["strs"]))
    tups = [(1, "one", 1.0), (2, "two", 2.5), (-3, "", 1e20)]
    print(tups, str(tups[0]), repr(tups[2]))
    d2 = {(1, 2): [Pos(1, 2)], (3, 4): []}
    print(d2)
    print({"k": {"inner": (1,)}, "z": {}}, [()], ((),), [True, False], [None, Pos(0, 1)])
    print("%s %r %5s %-5r|" % ("s", "s", "ab", "ab"))
    print("%d%%, %i, %5.1f, %x, %X, %o, %c, %e" % (50, -7, 3.14159, 255, 255, 8, 65, 12345.678))
    print("{0}-{1}-{0} {2:5}|{3:<5}|{4:^9.3}|".format("a", "b", 3, True, 2.0 / 3))
    v = 42
    s = "txt"
    print(f"{v=} {s=!r} {v * 2 + 1:>6} {s.upper():*^9} {'lit'} {{braces}}")
    print(f"{3.0} {1e16} {1.5e-7} {float('inf')} {-0.0} {2**62} {-2**63}")
    print(str(1e22), repr(0.1 + 0.2), str(100.0), 1.0 / 3, -1e-5, 123456789.0 * 10)
    print("%.0f %.1f %g %g %g %G" % (2.5, 0.05, 1e-5, 123456789.0, 0.0001, 1e100))
    print(format(1234567.891, ",.2f"), format(-42, "08d"), format(42, "+"), format(3.0, "g"))
    print("|".join(["%3d" % i for i in range(-2, 3)]))
    try:
        env["q"]
    except KeyError as e:
        print("KeyError", e, repr(str(e)))
    try:
        [1, 2][5]
    except IndexError as e:
        print("IndexError", e)
    try:
        int("12x")
    except ValueError as e:
        print("ValueError", e)
    try:
        raise InterpError("boom", Pos(9, 9))
    except Exception as e:
        print("generic", e)
    e2 = TypeErr("bad type", Pos(0, 0))
    print(str(e2), e2.msg, isinstance(e2, InterpError), isinstance(e2, NameErr))
    raise NameErr("undefined_thing", Pos(1, 1))


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
