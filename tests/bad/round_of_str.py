def entry_point(argv):
    print(round(argv[0], 2))  # E: type str doesn't define __round__ method
    return 0


def target(driver, args):
    return entry_point, None
