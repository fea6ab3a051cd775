class P(object):
    def __init__(self):
        self.x = 1


def entry_point(argv):
    print("{0.}".format(P()))  # E: Empty attribute in format string
    return 0


def target(driver, args):
    return entry_point, None
