def entry_point(argv):
    print("%(name)s" % (len(argv),))  # E: format requires a mapping
    return 0


def target(driver, args):
    return entry_point, None
