def entry_point(argv):
    n = len(argv)
    print("{:{:{}}}".format(n, n, n))  # E: Max string recursion exceeded
    return 0


def target(driver, args):
    return entry_point, None
