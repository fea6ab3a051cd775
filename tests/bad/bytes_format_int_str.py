def entry_point(argv):
    n = len(argv)
    print(b"%x" % argv[0])  # E: %x format: an integer is required, not str
    return 0


def target(driver, args):
    return entry_point, None
