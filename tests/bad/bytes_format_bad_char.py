def entry_point(argv):
    n = len(argv)
    print(b"%d %y" % (n, n))  # E: unsupported format character 'y' (0x79) at index 4
    return 0


def target(driver, args):
    return entry_point, None
