# ovfcheck() around // and %: only -maxint-1 // -1 overflows (OverflowError);
# a zero divisor is still ZeroDivisionError; -maxint-1 % -1 is 0.
import sys
from rpython.rlib.rarithmetic import ovfcheck


def checked_div(x, y):
    try:
        return "%d" % ovfcheck(x // y)
    except OverflowError:
        return "overflow"
    except ZeroDivisionError:
        return "zerodiv"


def checked_mod(x, y):
    try:
        return "%d" % ovfcheck(x % y)
    except OverflowError:
        return "overflow"
    except ZeroDivisionError as e:
        return "zerodiv: " + str(e)


def unguarded(x, y):
    return ovfcheck(x // y)


def entry_point(argv):
    big = sys.maxsize
    nums = [7, -7, 0, big, -big, -big - 1, 1, -1, 2]
    for x in nums:
        row = []
        for y in [3, -3, 1, -1, 0, big, -big - 1]:
            row.append(checked_div(x, y) + "/" + checked_mod(x, y))
        print(x, " ".join(row))
    try:
        unguarded(-big - 1 + len(argv) - 1, -1)
    except OverflowError as e:
        print("OverflowError:", e)
    print(unguarded(len(argv) * 10, -3))
    unguarded(len(argv), len(argv) - 1)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
