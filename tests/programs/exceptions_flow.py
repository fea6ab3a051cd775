# try/except/else/finally, re-raise, exceptions through frames, assert, and an
# uncaught user exception at the end (exit status 1).
import sys

class MyError(Exception):
    def __init__(self, code):
        self.code = code

class Sub(MyError):
    pass

def risky(n):
    if n == 1:
        raise MyError(10)
    if n == 2:
        raise Sub(20)
    if n == 3:
        return 100 // (n - 3)
    if n == 4:
        raise ValueError("bad four")
    return n

def safe(n):
    try:
        r = risky(n)
    except Sub as e:
        print("sub", e.code)
        r = -2
    except MyError as e:
        print("my", e.code)
        r = -1
    except (ZeroDivisionError, ValueError) as e:
        print("builtin", str(e))
        r = -3
    else:
        print("ok", r)
    finally:
        print("finally", n)
    return r

def loop_with_finally(n):
    total = 0
    for i in range(n):
        try:
            if i == 3:
                continue
            if i == 5:
                break
            total += i
        finally:
            total += 100
    return total

def reraise(n):
    try:
        return risky(n)
    except MyError:
        print("reraising")
        raise

def entry_point(argv):
    for n in range(6):
        print(safe(n))
    print(loop_with_finally(10))
    try:
        reraise(2)
    except Sub as e:
        print("outer caught", e.code)
    try:
        assert len(argv) > 5, "need args"
    except AssertionError as e:
        print("assert:", str(e))
    x = int(argv[0]) if len(argv) > 9 else 7
    raise MyError(x)

def target(driver, args):
    return entry_point, None

if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
