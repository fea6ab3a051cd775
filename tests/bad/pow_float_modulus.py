def entry_point(argv):
    x = len(argv) * 1.5
    print(pow(x, 2, 7))  # E: pow() 3rd argument not allowed unless all arguments are integers
    return 0


def target(driver, args):
    return entry_point, None
