# int() of a string that is not a number raises ValueError; uncaught, the
# binary prints "ValueError: invalid literal for int() with base 10: 'abc'".
# args: 12 abc
import sys


def parse(s):
    return int(s) * 2


def entry_point(argv):
    i = 1
    while i < len(argv):
        print("parsing argument", i)
        print("doubled:", parse(argv[i]))
        i += 1
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
