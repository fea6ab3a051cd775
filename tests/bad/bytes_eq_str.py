import sys


def entry_point(argv):
    b = argv[0].encode("utf-8")
    print(b == argv[0])  # E: comparing bytes with str is always False
    return 0


def target(driver, args):
    return entry_point, None
