def entry_point(argv):
    print("x", file=argv[0])  # E: 'str' object has no attribute 'write'
    return 0


def target(driver, args):
    return entry_point, None
