# A dispatch loop: the if-chain on `op` becomes a switch (switch.cpp), and
# each handler gets its own copy of the dispatch (the `pc += 1` join, the
# loop test, the fetch and the switch), so that in the C++ every handler
# ends in its own switch: the copies below are blocks with the same
# operations and exits.

PUSH = 0
ADD = 1
JUMP = 2
HALT = 3


def run(code):
    pc = 0
    acc = 0
    while pc < len(code):
        op = code[pc]
        if op == PUSH:
            acc += code[pc + 1]
            pc += 1
        elif op == ADD:
            acc += acc
        elif op == JUMP:
            pc = code[pc + 1]
            continue
        elif op == HALT:
            break
        pc += 1
    return acc


def entry_point(argv):
    code = [PUSH, len(argv), ADD, PUSH, 3, HALT]
    print(run(code))
    return 0


def target(driver, args):
    return entry_point, None
