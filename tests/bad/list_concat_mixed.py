def entry_point(argv):
    l = [1, 2] + [3.5]  # E: a list holds items of one type: int and float
    return len(l)


def target(driver, args):
    return entry_point, None
