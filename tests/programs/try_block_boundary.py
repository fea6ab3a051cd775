# A call just before a try must not be caught by its except clause (the try body
# starts a block of its own).
class E(Exception):
    pass

def g(x):
    if x > 100:
        raise E("big")
    return x + 1

def h(y):
    if y == 5:
        raise E("five")
    return y * 2

def f(x):
    y = g(x)
    try:
        z = h(y)
    except E:
        z = -1
    return z

def entry_point(argv):
    try:
        print(f(len(argv) + 200))
    except E:
        print("caught VE")
    print(f(len(argv) + 3))
    return 0

def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
