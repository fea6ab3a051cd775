# An uncaught float ZeroDivisionError: "ZeroDivisionError: float division by zero".
# args: 3.5 0.0
import sys


def entry_point(argv):
    x = float(argv[1])
    d = float(argv[2])
    y = 2.0
    while y > d - 1.0:
        print(x, "/", y, "=", x / y)
        y -= 0.5
        if y == d:
            print("about to divide by", y)
            print(x / y)
    print("unreachable")
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
