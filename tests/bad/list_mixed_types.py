def entry_point(argv):
    l = [1, 2]
    l.extend(["a"])  # E: a list holds items of one type: int and str
    return len(l)


def target(driver, args):
    return entry_point, None
