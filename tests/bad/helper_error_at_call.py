# A type error inside the library code implementing list.index() is
# reported at the program's call, with the library line only as a note.
def entry_point(argv):
    l = [1, 2]
    return l.index("x")  # E: '==' not supported between instances of 'int' and 'str'


def target(driver, args):
    return entry_point, None
