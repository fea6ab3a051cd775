def entry_point(argv):
    b = argv[0].encode("utf-8")
    print(b.split(b"/", max=1))  # E: 'max' is an invalid keyword argument for split()
    return 0


def target(driver, args):
    return entry_point, None
