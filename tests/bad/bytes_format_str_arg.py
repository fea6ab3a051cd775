def entry_point(argv):
    n = len(argv)
    print(b"x=%s" % argv[0])  # E: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'
    return 0


def target(driver, args):
    return entry_point, None
