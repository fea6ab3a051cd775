import os.path


def entry_point(argv):
    print(os.path.normpath(argv[0]))  # E: normpath() is not supported: the source of function 'normpath' is not available
    return 0


def target(driver, args):
    return entry_point, None
