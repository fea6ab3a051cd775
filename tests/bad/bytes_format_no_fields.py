def entry_point(argv):
    n = len(argv)
    print(b"abc" % n)  # E: not all arguments converted during bytes formatting
    return 0


def target(driver, args):
    return entry_point, None
