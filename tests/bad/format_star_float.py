def entry_point(argv):
    w = len(argv) * 1.5
    print("[%*d]" % (w, 5))  # E: * wants int
    return 0


def target(driver, args):
    return entry_point, None
