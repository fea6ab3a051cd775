# A method that only the subclasses define, called through a variable of
# the base class (the caller knows which kinds reach it): RPython demotes
# it to the base, each class's slot holding its own version.
import sys


class W_Root(object):
    def is_true(self):
        return True


class W_Int(W_Root):
    def __init__(self, v):
        self.v = v

    def as_int(self):
        return self.v

    def describe(self, prefix):
        return "%sint %d" % (prefix, self.v)


class W_Bool(W_Int):
    def describe(self, prefix):
        return prefix + ("true" if self.v else "false")


class W_Str(W_Root):
    def __init__(self, s):
        self.s = s

    def as_int(self):
        return len(self.s)

    def describe(self, prefix):
        return prefix + "str " + repr(self.s)


class W_None(W_Root):
    def is_true(self):
        return False


def make(i):
    if i % 4 == 0:
        return W_Int(i * 10)
    if i % 4 == 1:
        return W_Str("x" * i)
    if i % 4 == 2:
        return W_Bool(i % 3)
    return W_None()


def entry_point(argv):
    total = 0
    for i in range(8):
        w = make(i)
        if w.is_true():
            total += w.as_int()
            print(w.describe("> "))
        else:
            print("none")
    print("total", total)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
