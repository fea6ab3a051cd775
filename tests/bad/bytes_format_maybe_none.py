def entry_point(argv):
    x = None
    if len(argv) > 3:
        x = b"a"
    print(b"[%s]" % x)  # E: %b of a bytes that may be None is not supported
    return 0


def target(driver, args):
    return entry_point, None
