# Error paths of an interpreter's builtins: exceptions raised as classes and
# instances, caught by tuples, bare except and re-raise, finally overriding,
# built-in exception messages (KeyError, IndexError, ValueError, assert),
# and an uncaught user exception ending the program.
import sys
from rpython.rlib.objectmodel import specialize


class InterpError(Exception):
    pass


class TypeMismatch(InterpError):
    def __init__(self, expected, got):
        InterpError.__init__(self, "expected %s, got %s" % (expected, got))
        self.expected = expected
        self.got = got


class Exit(Exception):
    def __init__(self, code):
        self.code = code


def builtin_index(lst, i):
    return lst[i]


@specialize.argtype(0)
def builtin_lookup(d, k):
    return d[k]


def builtin_char(s, i):
    return s[i]


def checked(n):
    assert n >= 0, "negative argument: %d" % n
    return n


def raiser(kind):
    if kind == 0:
        raise InterpError
    if kind == 1:
        raise TypeMismatch("int", "str")
    if kind == 2:
        raise Exit(3)
    if kind == 3:
        return builtin_index([1, 2, 3], 7)
    if kind == 4:
        return builtin_lookup({"a": 1}, "b")
    if kind == 5:
        return builtin_lookup({1: 2}, 99)
    if kind == 6:
        return ord(builtin_char("abc", -4))
    if kind == 7:
        return checked(-5)
    if kind == 8:
        return int("0x1g", 16)
    if kind == 9:
        return [1, 2].index(5)
    if kind == 10:
        d = {"x": 1}
        del d["x"]
        return d.popitem()[1]
    if kind == 11:
        return int(" 42 ") + int("-7") + int("1_000")
    if kind == 12:
        return 10 // (kind - 12)
    return -1


def run_all():
    for kind in range(14):
        try:
            try:
                r = raiser(kind)
                print(kind, "->", r)
            except (TypeMismatch, Exit) as e:
                if isinstance(e, TypeMismatch):
                    print(kind, "mismatch", e.expected, e.got, str(e))
                else:
                    print(kind, "exit", e.code)
            except InterpError as e:
                print(kind, "interp", repr(str(e)))
            except (IndexError, KeyError) as e:
                print(kind, "lookup", str(e))
                raise
            except AssertionError as e:
                print(kind, "assert", e)
            except Exception:
                print(kind, "other")
                raise
            finally:
                print(kind, "finally")
        except LookupError as e:
            print(kind, "outer lookup", e)
        except ValueError as e:
            print(kind, "outer value", e)
        except ZeroDivisionError as e:
            print(kind, "outer zero", e)


def finally_override():
    for i in range(3):
        try:
            try:
                if i == 0:
                    raise KeyError("first")
                elif i == 1:
                    return "returned"
            finally:
                if i < 2:
                    raise ValueError("from finally %d" % i)
        except ValueError as e:
            print("caught", e)
        except KeyError:
            print("never")
    return "done"


def entry_point(argv):
    run_all()
    print(finally_override())
    raise TypeMismatch("list", "dict")


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
