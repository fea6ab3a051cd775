def entry_point(argv):
    b = argv[0].encode("utf-8")
    print(b.startswith((b"x", argv[0])))  # E: a bytes-like object is required, not 'str'
    return 0


def target(driver, args):
    return entry_point, None
