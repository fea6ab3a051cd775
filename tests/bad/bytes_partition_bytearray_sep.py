def entry_point(argv):
    b = argv[0].encode("utf-8")
    print(b.partition(bytearray(b"/")))  # E: bytes.partition() with a bytearray separator is not supported
    return 0


def target(driver, args):
    return entry_point, None
