# `except KeyError: raise` leaves no exception exit: the call raises out
# of f by itself (backendopt/exceptions.cpp), and f is one block.

def f(d, k):
    try:
        return d[k]
    except KeyError:
        raise


def g(x):
    if x > 3:
        raise ValueError("big")
    return x


def entry_point(argv):
    d = {"a": 1}
    try:
        print(f(d, argv[0]))
    except KeyError:
        print("no")
    return g(len(argv))


def target(driver, args):
    return entry_point, None
