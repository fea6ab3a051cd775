def entry_point(argv):
    b = argv[0].encode("utf-8")
    print(b.strip(chars=b"/"))  # E: bytes.strip() takes no keyword arguments
    return 0


def target(driver, args):
    return entry_point, None
