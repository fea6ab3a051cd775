# Recursion: the return annotation of fib feeds its own call sites; the
# fixpoint is int (n - 1 may be negative, so not int>=0).


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def entry_point(argv):
    print(fib(len(argv) + 20))
    return 0


def target(driver, args):
    return entry_point, None
