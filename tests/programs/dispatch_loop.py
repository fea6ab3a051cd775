# A bytecode interpreter whose dispatch becomes a switch copied into each
# handler (backendopt/switch.cpp): every opcode, jumps backwards and
# forwards, an unknown opcode (the default case), a handler that leaves the
# loop, and an IndexError from a jump past the end of the code.
# args: 12
import sys

PUSH = 0
ADD = 1
SUB = 2
DUP = 3
JNZ = 4
PRINT = 5
HALT = 6
POP = 7


def run(code, arg):
    stack = [arg]
    pc = 0
    steps = 0
    while pc < len(code):
        op = code[pc]
        steps += 1
        if op == PUSH:
            stack.append(code[pc + 1])
            pc += 1
        elif op == ADD:
            b = stack.pop()
            stack.append(stack.pop() + b)
        elif op == SUB:
            b = stack.pop()
            stack.append(stack.pop() - b)
        elif op == DUP:
            stack.append(stack[-1])
        elif op == JNZ:
            if stack.pop() != 0:
                pc = code[pc + 1]
                continue
            pc += 1
        elif op == PRINT:
            print("top", stack[-1], "depth", len(stack))
        elif op == HALT:
            break
        elif op == POP:
            stack.pop()
        else:
            print("unknown opcode", op, "at", pc)
        pc += 1
    return steps


def entry_point(argv):
    n = int(argv[1]) if len(argv) > 1 else 5
    # count n down to 0, printing each value
    countdown = [PRINT, PUSH, 1, SUB, DUP, JNZ, 0, PRINT, 99, HALT, PRINT]
    print("steps", run(countdown, n))
    print("steps", run([PUSH, 2, ADD, 42, PRINT, POP], n))
    try:
        run([DUP, JNZ, 100], n)
    except IndexError as e:
        print("IndexError", e)
    run([PUSH, 3, JNZ], n)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
