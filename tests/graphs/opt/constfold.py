# Constant folding at the default --opt, on constants the flow builder
# cannot see (they only appear once small helpers are inlined): `scale`'s
# arithmetic and branch fold for k = 4; `get_step()` becomes the constant 3
# on every path into the loop and is propagated into it; the division
# takes `divisor()`'s 8 as a constant; `floor_parts(7, -2)` folds with
# Python's flooring (7 // -2 == -4, 7 % -2 == -1).

def scale(x, k):
    if k > 2:
        return x * (k * 2 - 1)
    return x + k


def get_step():
    return 3


def divisor():
    return 8


def floor_parts(a, b):
    return a // b * 10 + a % b


def entry_point(argv):
    n = len(argv)
    step = get_step()
    i = 0
    total = 0
    while i < n * 100:
        total += scale(i, 4)
        i += step
    return total // divisor() + floor_parts(7, -2)


def target(driver, args):
    return entry_point, None
