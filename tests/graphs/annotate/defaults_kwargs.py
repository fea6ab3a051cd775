# Calls binding defaults and keywords: every call site binds to one graph
# of `scale`, whose parameters get the union of what each call passes.


def scale(x, factor=2, offset=0):
    return x * factor + offset


def entry_point(argv):
    n = len(argv)
    a = scale(n)
    b = scale(n, 3)
    c = scale(n, offset=-1)
    d = scale(offset=5, x=n, factor=n)
    return a + b + c + d - a


def target(driver, args):
    return entry_point, None
