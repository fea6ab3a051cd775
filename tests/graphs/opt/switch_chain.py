# An interpreter-style dispatch: the chain of `op == K` tests becomes one
# block whose exitswitch is `op`, with one link per opcode and a default
# (backendopt/switch.cpp); codegen writes it as a C++ switch.

ADD = 0
SUB = 1
MUL = 2
NEG = 3


def step(op, acc, x):
    if op == ADD:
        return acc + x
    elif op == SUB:
        return acc - x
    elif op == MUL:
        return acc * x
    elif op == NEG:
        return -acc
    return acc


def entry_point(argv):
    acc = 1
    for i in range(len(argv) * 10):
        acc = step(i % 5, acc, i)
    return acc % 256


def target(driver, args):
    return entry_point, None
