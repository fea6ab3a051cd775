def entry_point(argv):
    n = len(argv)
    print(b"x".maketrans(b"a"))  # E: maketrans expected 2 arguments, got 1
    return 0


def target(driver, args):
    return entry_point, None
