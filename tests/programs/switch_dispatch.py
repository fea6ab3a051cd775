# Chains of `x == C` tests that backendopt merges into one C++ switch
# (backendopt/switch.cpp): a bytecode loop with objects allocated in the
# cases (GC roots across the switch), negative and huge constants, a value
# tested twice (the first test wins), tests interleaved with a test of
# another variable (the chain stops there), values carried across the tests.
# args: 7
import sys

MIN = -9223372036854775807 - 1


class Box(object):
    def __init__(self, v):
        self.v = v


def classify(x):
    if x == 0:
        return "zero"
    elif x == -1:
        return "minus one"
    elif x == 9223372036854775807:
        return "max"
    elif x == MIN:
        return "min"
    elif x == 0:
        return "unreachable"
    elif x == 42:
        return "answer"
    else:
        return "other " + str(x)


def interleaved(x, y):
    r = 0
    if x == 1:
        r = 10
    elif x == 2:
        r = 20
    elif y == 3:
        r = 30
    elif x == 3:
        r = 40
    elif x == 4:
        r = 50
    return r + x


def run(code, n):
    stack = []
    acc = Box(0)
    pc = 0
    steps = 0
    while pc < len(code):
        op = code[pc]
        steps += 1
        if op == 0:
            acc = Box(acc.v + n)
        elif op == 1:
            stack.append(acc)
            acc = Box(0)
        elif op == 2:
            b = stack.pop()
            acc = Box(b.v * 3 + acc.v)
        elif op == 3:
            if acc.v > 1000:
                pc += 2
                continue
        elif op == 4:
            acc = Box(acc.v - 1)
            if acc.v % 7 != 0:
                pc = 0
                continue
        else:
            raise ValueError("bad op")
        pc += 1
    return acc.v, steps


def entry_point(argv):
    n = 7
    if len(argv) > 1:
        n = int(argv[1])
    for x in [0, -1, 42, 9223372036854775807, MIN, 5, n]:
        print(x, classify(x))
    for x in range(6):
        print("interleaved", x, interleaved(x, 3), interleaved(x, 0))
    print(run([0, 1, 0, 0, 2, 3, 4, 0], n))
    try:
        run([0, 9], n)
    except ValueError as e:
        print("ValueError", e)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
