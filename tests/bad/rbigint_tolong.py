from rpython.rlib.rbigint import rbigint


def entry_point(argv):
    a = rbigint.fromint(len(argv))
    print(a.tolong())  # E: rbigint.tolong() is marked @not_rpython
    return 0


def target(driver, args):
    return entry_point, None
