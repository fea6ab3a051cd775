def entry_point(argv):
    fmt = argv[0]
    print(fmt % len(argv))  # E: constant
    return 0


def target(driver, args):
    return entry_point, None
