# A boxed-integer interpreter loop: a tiny stack-based bytecode interpreter
# whose values are heap objects (W_Int), as in an RPython VM. Every arithmetic
# op allocates a box that dies almost at once. An RPython-3 target that also
# runs on CPython and PyPy.
#   boxedint [n=3000000]
import sys

PUSH_CONST, LOAD, STORE, ADD, SUB, MUL_MOD, LT, JUMP_IF_FALSE, JUMP, HALT = range(10)


class W_Int(object):
    def __init__(self, v):
        self.v = v

    def add(self, other):
        return W_Int(self.v + other.v)

    def sub(self, other):
        return W_Int(self.v - other.v)

    def mul_mod(self, other):
        return W_Int((self.v * other.v) % 1000003)

    def lt(self, other):
        return W_Int(1 if self.v < other.v else 0)


class Frame(object):
    def __init__(self, nlocals, consts):
        self.locals = []
        for i in range(nlocals):
            self.locals.append(W_Int(0))
        self.stack = []
        self.consts = consts


def interpret(code, frame):
    pc = 0
    stack = frame.stack
    while True:
        op = code[pc]
        arg = code[pc + 1]
        pc += 2
        if op == PUSH_CONST:
            stack.append(frame.consts[arg])
        elif op == LOAD:
            stack.append(frame.locals[arg])
        elif op == STORE:
            frame.locals[arg] = stack.pop()
        elif op == ADD:
            b = stack.pop()
            a = stack.pop()
            stack.append(a.add(b))
        elif op == SUB:
            b = stack.pop()
            a = stack.pop()
            stack.append(a.sub(b))
        elif op == MUL_MOD:
            b = stack.pop()
            a = stack.pop()
            stack.append(a.mul_mod(b))
        elif op == LT:
            b = stack.pop()
            a = stack.pop()
            stack.append(a.lt(b))
        elif op == JUMP_IF_FALSE:
            if stack.pop().v == 0:
                pc = arg
        elif op == JUMP:
            pc = arg
        else:
            return frame.locals[1]


def entry_point(argv):
    n = 3000000
    if len(argv) > 1:
        n = int(argv[1])
    # i = 0; acc = 1; while i < n: acc = acc * 31 mod p + i; i = i + 1
    code = [
        PUSH_CONST, 0, STORE, 0,        # 0: i = 0
        PUSH_CONST, 1, STORE, 1,        # 4: acc = 1
        LOAD, 0, PUSH_CONST, 2, LT, 0,  # 8: i < n
        JUMP_IF_FALSE, 38,              # 14
        LOAD, 1, PUSH_CONST, 3, MUL_MOD, 0,  # 16: acc * 31 mod p
        LOAD, 0, ADD, 0, STORE, 1,      # 22: + i -> acc
        LOAD, 0, PUSH_CONST, 1, ADD, 0,  # 28: i + 1
        STORE, 0,                       # 34
        JUMP, 8,                        # 36
        HALT, 0,                        # 38
    ]
    consts = [W_Int(0), W_Int(1), W_Int(n), W_Int(31)]
    result = interpret(code, Frame(2, consts))
    print("result", result.v)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
