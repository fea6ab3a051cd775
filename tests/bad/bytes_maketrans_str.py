def entry_point(argv):
    t = bytes.maketrans(b"ab", argv[0])  # E: a bytes-like object is required, not 'str'
    print(b"abc".translate(t))
    return 0


def target(driver, args):
    return entry_point, None
