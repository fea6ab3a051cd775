def entry_point(argv):
    n = len(argv)
    print("abc" % n)  # E: not all arguments converted during string formatting
    return 0


def target(driver, args):
    return entry_point, None
