def entry_point(argv):
    n = len(argv)
    fmt = bytearray(b"%d")
    print(fmt % n)  # E: needs a constant format
    return 0


def target(driver, args):
    return entry_point, None
