# we_are_translated() and module-level flags are folded while the graph is
# built: only the translated, non-debug code reaches the annotator.
from rpython.rlib.objectmodel import we_are_translated

DEBUG = False
VERBOSITY = 0


def describe(n):
    if we_are_translated():
        return n + 1
    else:
        return n - 1


def log(msg):
    if DEBUG or VERBOSITY > 1:
        print("log:", msg)


def entry_point(argv):
    log("starting")
    if not we_are_translated():
        print("running on CPython")
    return describe(len(argv)) - 2


def target(driver, args):
    return entry_point, None
