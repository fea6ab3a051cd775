# A while loop with break and continue, and a for-range loop with a
# negative step: the rtyped loop headers, int comparisons and exits.


def first_multiple(n, k):
    i = 1
    found = -1
    while True:
        i += 1
        if i % k != 0:
            continue
        if i > n:
            break
        found = i
        break
    return found


def countdown(n):
    s = 0
    for i in range(n, 0, -2):
        if i == 3:
            continue
        s += i
    return s


def entry_point(argv):
    return first_multiple(len(argv) + 10, 3) + countdown(len(argv) + 7)


def target(driver, args):
    return entry_point, None
