def entry_point(argv):
    print(argv[0].startswith(("a", 1)))  # E: tuple for startswith must only contain str, not int
    return 0


def target(driver, args):
    return entry_point, None
