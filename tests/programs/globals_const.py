# Module-level constants: module code is ordinary Python run once at import
# time (it may use anything -- lists, comprehensions, sum()); after that the
# globals are constants.  Also we_are_translated(), which must not change
# what the program prints.
import sys

from rpython.rlib.objectmodel import we_are_translated

WIDTH = 12
HEIGHT = WIDTH // 3 + 1
SCALE = 0.25
NEG = -17
BIG = 2 ** 60 + 12345
TINY = 1e-300
GREETING = "hello" + ", " + "world"
EMPTY = ""
UNICODE = "caf\u00e9 \u03bb \u2192 \U0001F600"
FLAG = WIDTH > 10
NOTHING = None

# computed with full Python at import time
SQUARES_SUM = sum([i * i for i in range(100)])
PRIMES_BELOW_100 = len([n for n in range(2, 100) if all(n % d for d in range(2, n))])
HEX_DIGITS = "".join([str(i) for i in range(10)]) + "abcdef"
TABLE = {"a": 1, "b": 2}
A_VALUE = TABLE["a"] * 100 + TABLE["b"]
FIB_20 = 6765 if True else 0

PAIR = (3, 4)
MIXED = ("name", 42, 1.5, False)
NESTED = ((1, 2), (3.5, "four"))

if WIDTH > 100:
    MODE = "wide"
else:
    MODE = "narrow"


def mode_name():
    if we_are_translated():
        return "mode: " + MODE
    else:
        return "mode: " + MODE


def sum_to(n):
    # the untranslated and the translated branch compute the same value
    if we_are_translated():
        return n * (n + 1) // 2
    total = 0
    for i in range(n + 1):
        total += i
    return total


def area():
    w, h = PAIR
    return w * h * SCALE


def grid():
    for y in range(HEIGHT):
        line = ""
        for x in range(WIDTH):
            if (x + y) % 4 == 0:
                line = line + "#"
            elif x == y:
                line = line + "\\"
            else:
                line = line + "."
        print(line)


def entry_point(argv):
    print(WIDTH, HEIGHT, SCALE, NEG, BIG, TINY)
    print(GREETING, "[" + EMPTY + "]", FLAG, NOTHING)
    print(UNICODE)
    print(SQUARES_SUM, PRIMES_BELOW_100, HEX_DIGITS, A_VALUE, FIB_20)
    a, b = PAIR
    name, num, fl, flag = MIXED
    (n1, n2), (n3, n4) = NESTED
    print(a, b, name, num, fl, flag, n1, n2, n3, n4)
    print(mode_name())
    for n in range(0, 101, 20):
        print("sum_to", n, sum_to(n))
    print("area", area())
    grid()
    total = 0
    for i in range(WIDTH):
        total += i * NEG + BIG % (i + 7)
    print("total", total)
    print(GREETING + "! " + str(WIDTH * SCALE) + " " + str(BIG // WIDTH))
    print(we_are_translated() or True, not we_are_translated() or True)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
