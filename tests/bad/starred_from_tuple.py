def entry_point(argv):
    t = (len(argv), "x", 2.5)
    a, *rest = t  # E: starred assignment from a tuple is not supported
    print(a)
    return 0


def target(driver, args):
    return entry_point, None
