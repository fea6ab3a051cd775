# An uncaught ZeroDivisionError after some output: stdout must be complete,
# the exit status 1 and stderr's last line "ZeroDivisionError: ...".
# args: 100 0
import sys


def divide_all(n, d):
    k = 5
    while k >= d:
        print(n, "//", k, "=", n // k, " ", n, "%", k, "=", n % k)
        k -= 1
    return k


def entry_point(argv):
    n = int(argv[1])
    d = int(argv[2])
    print("dividing", n, "by 5 down to", d)
    divide_all(n, d)
    print("unreachable")
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
