def entry_point(argv):
    f = open(argv[0], "r+")  # E: mode 'r+' is not supported
    f.close()
    return 0


def target(driver, args):
    return entry_point, None
