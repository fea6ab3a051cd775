def entry_point(argv):
    b = argv[0].encode("utf-8")
    print(b.center(10, "*"))  # E: center() argument 2 must be a byte string of length 1, not str
    return 0


def target(driver, args):
    return entry_point, None
