def entry_point(argv):
    x = len(argv) * 1.5
    print(int(x, 16))  # E: int() can't convert non-string with explicit base
    return 0


def target(driver, args):
    return entry_point, None
