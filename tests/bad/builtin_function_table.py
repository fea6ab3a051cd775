import sys
import math


def op_double(x):
    return x * 2.0


UNARY = {"double": op_double, "sqrt": math.sqrt}


def entry_point(argv):
    print(UNARY["double"](1.5))  # E: built-in function 'sqrt' cannot be a value
    return 0


def target(driver, args):
    return entry_point, None
