def entry_point(argv):
    l = [3, 1]
    l.sort(True)  # E: sort() takes no positional arguments
    return len(l)


def target(driver, args):
    return entry_point, None
