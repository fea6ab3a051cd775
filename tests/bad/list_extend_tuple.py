def entry_point(argv):
    l = [1]
    t = (len(argv), 2)
    l += t  # E: l += t with a tuple t is not supported
    return l[0]


def target(driver, args):
    return entry_point, None
