# String concatenation, str() of an int and print with several arguments:
# each becomes a call to a runtime helper (no opaque codegen snippets).


def greet(name, n):
    return "hello " + name + " #" + str(n)


def entry_point(argv):
    msg = greet(argv[0], len(argv))
    print(msg)
    print("count", len(argv), 2.5, True)
    return 0


def target(driver, args):
    return entry_point, None
