# The int returned by entry_point is the process exit status.
import sys


def entry_point(argv):
    code = 0
    for i in range(10):
        code = code * 3 + i
        print("step", i, code)
    return code % 256


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
