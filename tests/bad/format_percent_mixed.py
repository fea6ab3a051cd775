def entry_point(argv):
    print("%(a)s %s" % {"a": argv[0]})  # E: mixing %(name)s fields with positional ones
    return 0


def target(driver, args):
    return entry_point, None
