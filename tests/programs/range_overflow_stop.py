# Regression: for-range whose stop is near the 64-bit limit.  The last `i + step`
# leaves the 64-bit range; the loop must still stop (CPython: 3 iterations each).
# The loop once compared the wrapped index with the stop and went on; it now
# counts the iterations left (cut at 10 so a regression cannot hang the suite).
# args: 2
import sys


def entry_point(argv):
    step = int(argv[1])
    count = 0
    last = 0
    for i in range(9223372036854775807 - 5, 9223372036854775807, step):
        count += 1
        last = i
        if count > 10:
            break
    print("up", count, last)
    count = 0
    for i in range(-9223372036854775807 + 4, -9223372036854775807 - 1, -step):
        count += 1
        last = i
        if count > 10:
            break
    print("down", count, last)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
