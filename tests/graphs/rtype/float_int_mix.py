# Mixed int/float arithmetic: the int operand is cast to float (casts must
# be explicit ops in the low-level graph); true division of two ints is
# a float; float() and int() conversions.


def mean(total, count):
    return total / count


def scaled(n, f):
    return n * f + 1


def truncate(x):
    return int(x) + 1


def entry_point(argv):
    n = len(argv)
    m = mean(n + 10, 4)
    s = scaled(n, 0.5)
    t = truncate(s + float(n))
    flag = n > 0
    u = flag + 1.5
    return int(m + s + u) - t


def target(driver, args):
    return entry_point, None
