def entry_point(argv):
    l = [1, "a"]  # E: a list holds items of one type
    return len(l)


def target(driver, args):
    return entry_point, None
