# An iterative fib at the default --opt: loop blocks after join_blocks and
# dead code removal (the tuple swap leaves no tuple behind).


def fib(n):
    a, b = 0, 1
    i = 0
    while i < n:
        a, b = b, a + b
        i += 1
    return a


def entry_point(argv):
    return fib(len(argv) + 30) % 256


def target(driver, args):
    return entry_point, None
