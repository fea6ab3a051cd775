def entry_point(argv):
    f = open(argv[0], "rU")  # E: mode 'rU' is not supported
    f.close()
    return 0


def target(driver, args):
    return entry_point, None
