def entry_point(argv):
    l = [1, 2]
    m = l + 3  # E: can only concatenate list (not "int") to list
    return len(m)


def target(driver, args):
    return entry_point, None
