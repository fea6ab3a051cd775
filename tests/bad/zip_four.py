def entry_point(argv):
    a = [1]
    for x in zip(a, a, a, a):  # E: zip() of 4 iterables is not supported
        print(x)
    return 0


def target(driver, args):
    return entry_point, None
