def entry_point(argv):
    n = len(argv)
    print(b"%d %d" % n)  # E: not enough arguments for format string
    return 0


def target(driver, args):
    return entry_point, None
