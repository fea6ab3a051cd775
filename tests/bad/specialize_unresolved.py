# specialize.arg(0) needs a constant first argument; here it is only known
# at run time, so no specialization can be chosen.
import sys

from rpython.rlib.objectmodel import specialize


@specialize.arg(0)
def scaled(factor, x):
    return factor * x


def entry_point(argv):
    print(scaled(2, 10))
    print(scaled(len(argv), 10))  # E: specializ
    return 0


def target(driver, args):
    return entry_point, None
