def entry_point(argv):
    n = len(argv)
    print(b"%5.2f" % argv[0])  # E: float argument required, not str
    return 0


def target(driver, args):
    return entry_point, None
