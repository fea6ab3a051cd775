# sys.exit() with a message: printed on stderr, exit status 1.
# stderr: exact
import sys


def entry_point(argv):
    print("before")
    if len(argv) < 5:
        sys.exit("fatal: " + str(len(argv)) + " argument(s)")
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
