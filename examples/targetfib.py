# The demo target:  ./translate.py examples/targetfib.py && ./fib-c 30
# Prints fib(n), computed with the naive doubly recursive definition, for
# n = argv[1] (default 30).
# bench-args: 30
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def entry_point(argv):
    n = 30
    if len(argv) > 1:
        n = int(argv[1])
    print("fib(" + str(n) + ") =", fib(n))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
