class A(object):
    def __init__(self, x):
        self.x = x


def entry_point(argv):
    l = [A(2), A(1)]
    l.sort()  # E: '<' not supported between instances of 'A' and 'A'
    return len(l)


def target(driver, args):
    return entry_point, None
