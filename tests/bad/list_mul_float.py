def entry_point(argv):
    l = [1, 2]
    m = l * 2.0  # E: can't multiply sequence by non-int of type 'float'
    return len(m)


def target(driver, args):
    return entry_point, None
