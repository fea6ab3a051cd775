def entry_point(argv):
    f = open(argv[0], argv[1])  # E: must be a constant
    f.close()
    return 0


def target(driver, args):
    return entry_point, None
