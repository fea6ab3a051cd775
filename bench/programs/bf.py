# A Brainfuck interpreter in RPython-3: the program is compiled to a small
# bytecode (runs of + - < > folded into one instruction with a count, [-]
# into CLEAR, brackets resolved to jump targets), then a dispatch loop runs
# it.  bench/programs/bf.c is the same design in C, as the native reference.
#   bf-c FILE.bf
# bench-args: bench/programs/mandelbrot.bf
import os
import sys

OP_ADD = 0
OP_MOVE = 1
OP_OUT = 2
OP_IN = 3
OP_JZ = 4
OP_JNZ = 5
OP_CLEAR = 6


class Program(object):
    def __init__(self, ops, args):
        self.ops = ops
        self.args = args


def read_file(path):
    fd = os.open(path, os.O_RDONLY, 0)
    parts = []
    while True:
        chunk = os.read(fd, 65536)
        if len(chunk) == 0:
            break
        parts.append(chunk.decode("latin-1"))
    os.close(fd)
    return "".join(parts)


def compile_bf(src):
    ops = []
    args = []
    stack = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == "+" or c == "-":
            total = 0
            while i < n and (src[i] == "+" or src[i] == "-" or src[i] not in "+-<>[].,"):
                if src[i] == "+":
                    total += 1
                elif src[i] == "-":
                    total -= 1
                i += 1
            ops.append(OP_ADD)
            args.append(total & 255)
            continue
        if c == ">" or c == "<":
            total = 0
            while i < n and (src[i] == ">" or src[i] == "<" or src[i] not in "+-<>[].,"):
                if src[i] == ">":
                    total += 1
                elif src[i] == "<":
                    total -= 1
                i += 1
            ops.append(OP_MOVE)
            args.append(total)
            continue
        if c == "[":
            if i + 2 < n and src[i + 1] == "-" and src[i + 2] == "]":
                ops.append(OP_CLEAR)
                args.append(0)
                i += 3
                continue
            stack.append(len(ops))
            ops.append(OP_JZ)
            args.append(0)
        elif c == "]":
            if len(stack) == 0:
                raise ValueError("unmatched ]")
            start = stack.pop()
            args[start] = len(ops) + 1
            ops.append(OP_JNZ)
            args.append(start + 1)
        elif c == ".":
            ops.append(OP_OUT)
            args.append(0)
        elif c == ",":
            ops.append(OP_IN)
            args.append(0)
        i += 1
    if len(stack) != 0:
        raise ValueError("unmatched [")
    return Program(ops, args)


def zeros(n):
    # (list repetition is not in RPython-3 yet)
    l = []
    for i in range(n):
        l.append(0)
    return l


class Output(object):
    def __init__(self):
        self.chars = []

    def put(self, c):
        self.chars.append(c)
        if len(self.chars) >= 4096:
            self.flush()

    def flush(self):
        if len(self.chars) > 0:
            os.write(1, "".join(self.chars).encode("latin-1"))
            self.chars = []


def run(prog):
    ops = prog.ops
    args = prog.args
    tape = zeros(30000)
    out = Output()
    pc = 0
    ptr = 0
    n = len(ops)
    while pc < n:
        op = ops[pc]
        if op == OP_ADD:
            tape[ptr] = (tape[ptr] + args[pc]) & 255
        elif op == OP_MOVE:
            ptr += args[pc]
        elif op == OP_JZ:
            if tape[ptr] == 0:
                pc = args[pc]
                continue
        elif op == OP_JNZ:
            if tape[ptr] != 0:
                pc = args[pc]
                continue
        elif op == OP_CLEAR:
            tape[ptr] = 0
        elif op == OP_OUT:
            out.put(chr(tape[ptr]))
        elif op == OP_IN:
            out.flush()
            data = os.read(0, 1)
            if len(data) == 0:
                tape[ptr] = 0
            else:
                tape[ptr] = data[0]
        pc += 1
    out.flush()


def entry_point(argv):
    if len(argv) < 2:
        print("usage: bf FILE.bf")
        return 2
    run(compile_bf(read_file(argv[1])))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
