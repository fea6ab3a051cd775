def entry_point(argv):
    d = {1: 2}
    d.update([len(argv), 3])  # E: cannot convert dictionary update sequence element (int) to a sequence
    print(d)
    return 0


def target(driver, args):
    return entry_point, None
