def entry_point(argv):
    n = len(argv)
    print(b"%c" % argv[0])  # E: %c requires an integer in range(256) or a single byte
    return 0


def target(driver, args):
    return entry_point, None
