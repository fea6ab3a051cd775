def entry_point(argv):
    m = sorted(42)  # E: not iterable
    return len(m)


def target(driver, args):
    return entry_point, None
