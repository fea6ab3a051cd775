# Exceptions (issue 3, item 4): user exception classes with fields,
# raise / try / except by class, by tuple, `as e`, else, finally, bare
# re-raise, raise inside except, nested handlers, exceptions crossing many
# frames, built-in exceptions (raised by operations and by the program),
# a user class extending ValueError caught as ValueError, assert (with a
# message), str(e), and an uncaught user exception at the end: exit status
# 1, last stderr line "MyError: the end".
import sys


class MyError(Exception):
    pass


class AppError(Exception):
    def __init__(self, code, where):
        self.code = code
        self.where = where


class NotFound(AppError):
    def __init__(self, where, name):
        AppError.__init__(self, 404, where)
        self.name = name


class Fatal(AppError):
    pass


class BadValue(ValueError):
    def __init__(self, value):
        ValueError.__init__(self, "bad value " + str(value))
        self.value = value


def lookup(name, depth):
    if depth > 0:
        return lookup(name, depth - 1) + 1
    if name == "missing":
        raise NotFound("lookup", name)
    if name == "fatal":
        raise Fatal(500, "lookup")
    if name == "bad":
        raise BadValue(42)
    return 0


def try_lookup(name):
    try:
        d = lookup(name, 20)       # crosses 21 frames
    except NotFound as e:
        print("not found:", e.name, e.code, e.where)
        return -1
    except AppError as e:
        print("app error:", e.code, e.where)
        return -2
    except ValueError as e:
        print("value error:", str(e))
        return -3
    else:
        print("found at depth", d)
        return d
    finally:
        print("finally for", name)


def parse(s):
    try:
        return int(s)
    except ValueError:
        return -999


def divide(a, b):
    try:
        q = a // b
    except ZeroDivisionError as e:
        print("zero division:", str(e))
        q = 0
    return q


def check_positive(n):
    assert n > 0, "n must be positive"
    return n


def check_plain(n):
    assert n != 13
    return n


def raiser(kind):
    if kind == 0:
        raise KeyError("k")
    if kind == 1:
        raise OverflowError("too big")
    if kind == 2:
        raise NotImplementedError("later")
    if kind == 3:
        raise RuntimeError("runtime")
    if kind == 4:
        raise OSError("os")
    if kind == 5:
        raise TypeError("type")
    if kind == 6:
        raise StopIteration
    if kind == 7:
        raise IndexError("index")
    return kind


def classify(kind):
    try:
        raiser(kind)
    except (KeyError, IndexError):
        return "lookup"
    except (OverflowError, ZeroDivisionError):
        return "arith"
    except NotImplementedError:
        return "notimpl"      # before RuntimeError: it is a subclass
    except RuntimeError:
        return "runtime"
    except (OSError, TypeError) as e:
        return "os-or-type " + str(e)
    except StopIteration:
        return "stop"
    return "none"


def reraise(n):
    try:
        if n > 2:
            raise MyError("n is " + str(n))
        return n
    except MyError:
        print("reraising")
        raise


def convert(n):
    try:
        reraise(n)
    except MyError as e:
        raise AppError(n, "convert")


def nested(n):
    log = ""
    try:
        try:
            if n == 1:
                raise MyError("inner")
            if n == 2:
                raise AppError(2, "inner")
            log = log + "no-raise "
        except MyError:
            log = log + "inner-caught "
            if n == 1:
                raise AppError(1, "from handler")
        finally:
            log = log + "inner-finally "
    except AppError as e:
        log = log + "outer-caught-" + str(e.code) + " "
    finally:
        log = log + "outer-finally"
    return log


def finally_return(n):
    count = 0
    for i in range(n):
        try:
            if i % 2 == 0:
                continue
            if i == 5:
                break
            count += 10
        finally:
            count += 1
    return count


def entry_point(argv):
    for name in ("here", "missing", "fatal", "bad"):
        print("result", try_lookup(name))
    print("parse", parse("12"), parse("x"), parse("-3"))
    print("divide", divide(7, 2), divide(7, 0))
    for k in range(9):
        print("classify", k, classify(k))
    try:
        check_positive(-1)
    except AssertionError as e:
        print("assertion:", str(e))
    try:
        check_plain(13)
    except AssertionError:
        print("plain assertion caught")
    print("checked", check_positive(4), check_plain(3))
    for n in range(1, 5):
        try:
            print("convert ok", convert(n))
        except AppError as e:
            print("converted", e.code, e.where)
    for n in range(3):
        print("nested", n, nested(n))
    print("finally_return", finally_return(8))
    try:
        raise BadValue(7)
    except ValueError as e:
        print("user ValueError subclass:", str(e), isinstance(e, BadValue))
    e2 = MyError("kept")
    print("str of kept", str(e2))
    try:
        raise e2
    except MyError as e3:
        print("same object", e3 is e2)
    print("about to fail")
    raise MyError("the end")


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
