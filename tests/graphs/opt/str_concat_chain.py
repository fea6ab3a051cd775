# A chain of string concatenations is one call of rpy_str_concat3/4 when
# each intermediate string feeds only the next link (backendopt/strconcat.cpp);
# an intermediate read elsewhere (`both`) is still made.


def bigram(prev, w):
    return prev + "+" + w


def wrap(name, body):
    return "<" + name + ">" + body


def entry_point(argv):
    a = argv[0]
    both = a + "!"
    print(bigram(a, both), wrap(a, both) + both)
    return 0


def target(driver, args):
    return entry_point, None
