import os


def entry_point(argv):
    try:
        os.unlink(argv[0])
    except OSError as e:
        print(e.strerror)  # E: OSError.strerror is not supported
    return 0


def target(driver, args):
    return entry_point, None
