from rpython.rlib.rarithmetic import ovfcheck


def entry_point(argv):
    n = len(argv)
    print(ovfcheck(n / 2))  # E: ovfcheck() must directly wrap an integer +, -, *, //, % or <<
    return 0


def target(driver, args):
    return entry_point, None
