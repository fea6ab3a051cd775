import os.path


def entry_point(argv):
    print(os.path.realpath(argv[0]))  # E: realpath() is not supported: the source of function 'realpath' is not available
    return 0


def target(driver, args):
    return entry_point, None
