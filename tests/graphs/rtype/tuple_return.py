# Returning a heterogeneous tuple and unpacking it: newtuple becomes a
# malloc + setfields, the unpack getfields.


def divmod_signed(a, b):
    return a // b, a % b, a < 0


def entry_point(argv):
    q, r, neg = divmod_signed(len(argv) - 7, 3)
    if neg:
        return q
    return r


def target(driver, args):
    return entry_point, None
