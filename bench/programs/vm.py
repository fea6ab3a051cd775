# A stack bytecode VM whose values are boxed integers (W_Int instances, as
# an interpreter for a dynamic language would have them): every arithmetic
# result is a new object.  The program counts primes below N by trial
# division, written in the VM's bytecode.
#   vm-c [N]
# bench-args: 40000
import sys

LOAD_CONST = 0
LOAD = 1
STORE = 2
ADD = 3
SUB = 4
MUL = 5
MOD = 6
LT = 7
JUMP = 8
JUMP_IF_FALSE = 9
HALT = 10
EQ = 11


class W_Object(object):
    def add(self, other):
        raise TypeError("unsupported operand")

    def sub(self, other):
        raise TypeError("unsupported operand")

    def mul(self, other):
        raise TypeError("unsupported operand")

    def mod(self, other):
        raise TypeError("unsupported operand")

    def lt(self, other):
        raise TypeError("unsupported operand")

    def eq(self, other):
        raise TypeError("unsupported operand")

    def is_true(self):
        return True


class W_Int(W_Object):
    def __init__(self, value):
        self.value = value

    def add(self, other):
        return W_Int(self.value + other.int_value())

    def sub(self, other):
        return W_Int(self.value - other.int_value())

    def mul(self, other):
        return W_Int(self.value * other.int_value())

    def mod(self, other):
        return W_Int(self.value % other.int_value())

    def lt(self, other):
        return W_Int(1 if self.value < other.int_value() else 0)

    def eq(self, other):
        return W_Int(1 if self.value == other.int_value() else 0)

    def is_true(self):
        return self.value != 0

    def int_value(self):
        return self.value


class Frame(object):
    def __init__(self, nlocals, stacksize):
        zero = W_Int(0)
        self.locals = []
        for i in range(nlocals):
            self.locals.append(zero)
        self.stack = []
        for i in range(stacksize):
            self.stack.append(zero)
        self.sp = 0

    def push(self, w):
        self.stack[self.sp] = w
        self.sp += 1

    def pop(self):
        self.sp -= 1
        return self.stack[self.sp]


def interpret(code, consts, frame):
    pc = 0
    while True:
        op = code[pc]
        arg = code[pc + 1]
        pc += 2
        if op == LOAD_CONST:
            frame.push(consts[arg])
        elif op == LOAD:
            frame.push(frame.locals[arg])
        elif op == STORE:
            frame.locals[arg] = frame.pop()
        elif op == ADD:
            w_b = frame.pop()
            frame.push(frame.pop().add(w_b))
        elif op == SUB:
            w_b = frame.pop()
            frame.push(frame.pop().sub(w_b))
        elif op == MUL:
            w_b = frame.pop()
            frame.push(frame.pop().mul(w_b))
        elif op == MOD:
            w_b = frame.pop()
            frame.push(frame.pop().mod(w_b))
        elif op == LT:
            w_b = frame.pop()
            frame.push(frame.pop().lt(w_b))
        elif op == EQ:
            w_b = frame.pop()
            frame.push(frame.pop().eq(w_b))
        elif op == JUMP:
            pc = arg
        elif op == JUMP_IF_FALSE:
            if not frame.pop().is_true():
                pc = arg
        elif op == HALT:
            return frame.pop()
        else:
            raise ValueError("bad opcode")


class Assembler(object):
    def __init__(self):
        self.code = []
        self.consts = []

    def emit(self, op, arg):
        self.code.append(op)
        self.code.append(arg)
        return len(self.code) - 2

    def const(self, value):
        self.consts.append(W_Int(value))
        return self.emit(LOAD_CONST, len(self.consts) - 1)

    def here(self):
        return len(self.code)

    def patch(self, at, target):
        self.code[at + 1] = target


def build_primes():
    # locals: 0 = n, 1 = i, 2 = d, 3 = count, 4 = isprime
    a = Assembler()
    a.const(2)
    a.emit(STORE, 1)
    a.const(0)
    a.emit(STORE, 3)
    outer = a.here()
    a.emit(LOAD, 1)
    a.emit(LOAD, 0)
    a.emit(LT, 0)
    exit_outer = a.emit(JUMP_IF_FALSE, 0)
    a.const(2)
    a.emit(STORE, 2)
    a.const(1)
    a.emit(STORE, 4)
    inner = a.here()
    a.emit(LOAD, 2)
    a.emit(LOAD, 2)
    a.emit(MUL, 0)
    a.emit(LOAD, 1)
    a.const(1)
    a.emit(ADD, 0)
    a.emit(LT, 0)
    exit_inner = a.emit(JUMP_IF_FALSE, 0)
    a.emit(LOAD, 1)
    a.emit(LOAD, 2)
    a.emit(MOD, 0)
    a.const(0)
    a.emit(EQ, 0)
    not_div = a.emit(JUMP_IF_FALSE, 0)
    a.const(0)
    a.emit(STORE, 4)
    exit_inner2 = a.emit(JUMP, 0)
    a.patch(not_div, a.here())
    a.emit(LOAD, 2)
    a.const(1)
    a.emit(ADD, 0)
    a.emit(STORE, 2)
    a.emit(JUMP, inner)
    a.patch(exit_inner, a.here())
    a.patch(exit_inner2, a.here())
    a.emit(LOAD, 3)
    a.emit(LOAD, 4)
    a.emit(ADD, 0)
    a.emit(STORE, 3)
    a.emit(LOAD, 1)
    a.const(1)
    a.emit(ADD, 0)
    a.emit(STORE, 1)
    a.emit(JUMP, outer)
    a.patch(exit_outer, a.here())
    a.emit(LOAD, 3)
    a.emit(HALT, 0)
    return a


def entry_point(argv):
    n = 60000
    if len(argv) > 1:
        n = int(argv[1])
    a = build_primes()
    frame = Frame(5, 16)
    frame.locals[0] = W_Int(n)
    w_res = interpret(a.code, a.consts, frame)
    print("primes below", n, ":", w_res.int_value())
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
