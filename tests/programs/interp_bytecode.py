# A stack-machine compiler and VM: bytecode as a list of ints, a constant
# pool of boxed objects, overflow to big integers with ovfcheck, a frame
# class, and runtime errors as exceptions carrying the pc.
import sys
from rpython.rlib.rarithmetic import ovfcheck, intmask, r_uint
from rpython.rlib.rbigint import rbigint
from rpython.rlib.rstring import StringBuilder
from rpython.rlib.objectmodel import we_are_translated, compute_hash, r_dict, specialize

LOAD_CONST = 0
LOAD_VAR = 1
STORE_VAR = 2
ADD = 3
SUB = 4
MUL = 5
LT = 6
JUMP = 7
JUMP_IF_FALSE = 8
PRINT = 9
RETURN = 10
DUP = 11
POP = 12
BUILD_LIST = 13
CALL_BUILTIN = 14

OPNAMES = ["LOAD_CONST", "LOAD_VAR", "STORE_VAR", "ADD", "SUB", "MUL", "LT",
           "JUMP", "JUMP_IF_FALSE", "PRINT", "RETURN", "DUP", "POP",
           "BUILD_LIST", "CALL_BUILTIN"]
HAS_ARG = {LOAD_CONST: True, LOAD_VAR: True, STORE_VAR: True, JUMP: True,
           JUMP_IF_FALSE: True, BUILD_LIST: True, CALL_BUILTIN: True}


class W_Object(object):
    def repr(self):
        raise NotImplementedError

    def is_true(self):
        return True

    def add(self, other):
        raise VMError("unsupported + for %s" % self.typename)

    def typename_of(self):
        return self.typename


class W_Int(W_Object):
    typename = "int"

    def __init__(self, v):
        self.v = v

    def repr(self):
        return str(self.v)

    def is_true(self):
        return self.v != 0

    def add(self, other):
        if isinstance(other, W_Int):
            try:
                return W_Int(ovfcheck(self.v + other.v))
            except OverflowError:
                return W_Big(rbigint.fromint(self.v).add(rbigint.fromint(other.v)))
        if isinstance(other, W_Big):
            return W_Big(rbigint.fromint(self.v).add(other.big))
        return W_Object.add(self, other)


class W_Big(W_Object):
    typename = "bigint"

    def __init__(self, big):
        self.big = big

    def repr(self):
        return self.big.str() + "L"

    def is_true(self):
        return self.big.tobool()

    def add(self, other):
        if isinstance(other, W_Int):
            return W_Big(self.big.add(rbigint.fromint(other.v)))
        if isinstance(other, W_Big):
            return W_Big(self.big.add(other.big))
        return W_Object.add(self, other)


class W_Str(W_Object):
    typename = "str"

    def __init__(self, s):
        self.s = s

    def repr(self):
        return repr(self.s)

    def is_true(self):
        return self.s != ""

    def add(self, other):
        if isinstance(other, W_Str):
            return W_Str(self.s + other.s)
        return W_Object.add(self, other)


class W_List(W_Object):
    typename = "list"

    def __init__(self, items):
        self.items = items

    def repr(self):
        b = StringBuilder()
        b.append("[")
        for i, w in enumerate(self.items):
            if i:
                b.append(", ")
            b.append(w.repr())
        b.append("]")
        return b.build()


class VMError(Exception):
    def __init__(self, msg):
        self.msg = msg
        self.pc = -1

    def __str__(self):
        return "VMError(pc=%d): %s" % (self.pc, self.msg)


class Code(object):
    _immutable_fields_ = ["ops[*]", "consts[*]", "names[*]"]

    def __init__(self, ops, consts, names):
        self.ops = ops
        self.consts = consts
        self.names = names

    def disassemble(self):
        lines = []
        pc = 0
        while pc < len(self.ops):
            op = self.ops[pc]
            name = OPNAMES[op]
            if op in HAS_ARG:
                arg = self.ops[pc + 1]
                extra = ""
                if op == LOAD_CONST:
                    extra = " (%s)" % self.consts[arg].repr()
                elif op == LOAD_VAR or op == STORE_VAR:
                    extra = " (%s)" % self.names[arg]
                lines.append("%4d %-14s %3d%s" % (pc, name, arg, extra))
                pc += 2
            else:
                lines.append("%4d %s" % (pc, name))
                pc += 1
        return "\n".join(lines)


class Compiler(object):
    def __init__(self):
        self.ops = []
        self.consts = []
        self.const_index = {}
        self.names = []

    def emit(self, op, arg=-1):
        self.ops.append(op)
        if arg >= 0:
            self.ops.append(arg)
        return len(self.ops) - 1

    def const_int(self, v):
        key = "i%d" % v
        if key in self.const_index:
            return self.const_index[key]
        self.consts.append(W_Int(v))
        idx = len(self.consts) - 1
        self.const_index[key] = idx
        return idx

    def const_str(self, s):
        key = "s" + s
        idx = self.const_index.get(key, -1)
        if idx < 0:
            self.consts.append(W_Str(s))
            idx = len(self.consts) - 1
            self.const_index[key] = idx
        return idx

    def name(self, n):
        if n not in self.names:
            self.names.append(n)
        return self.names.index(n)

    def patch(self, at, target):
        self.ops[at] = target

    def finish(self):
        return Code(self.ops[:], self.consts[:], self.names[:])


class Frame(object):
    def __init__(self, code):
        self.code = code
        self.stack = []
        self.locals = [None] * len(code.names)

    def push(self, w):
        self.stack.append(w)

    def pop(self):
        if not self.stack:
            raise VMError("stack underflow")
        return self.stack.pop()


def builtin_len(args):
    w = args[0]
    if isinstance(w, W_List):
        return W_Int(len(w.items))
    if isinstance(w, W_Str):
        return W_Int(len(w.s))
    raise VMError("len() of %s" % w.typename_of())


def builtin_hash(args):
    w = args[0]
    if isinstance(w, W_Str):
        return W_Int(compute_hash(w.s) & 0xff)
    if isinstance(w, W_Int):
        return W_Int(compute_hash(w.v))
    raise VMError("unhashable: %s" % w.typename_of())


BUILTINS = [builtin_len, builtin_hash]


def run(code, out):
    frame = Frame(code)
    pc = 0
    ops = code.ops
    try:
        while True:
            op = ops[pc]
            if op == LOAD_CONST:
                frame.push(code.consts[ops[pc + 1]])
                pc += 2
            elif op == LOAD_VAR:
                w = frame.locals[ops[pc + 1]]
                if w is None:
                    raise VMError("unbound %s" % code.names[ops[pc + 1]])
                frame.push(w)
                pc += 2
            elif op == STORE_VAR:
                frame.locals[ops[pc + 1]] = frame.pop()
                pc += 2
            elif op == ADD:
                b = frame.pop()
                a = frame.pop()
                frame.push(a.add(b))
                pc += 1
            elif op == SUB or op == MUL or op == LT:
                b = frame.pop()
                a = frame.pop()
                if op == MUL and isinstance(a, W_Big) and isinstance(b, W_Int):
                    frame.push(W_Big(a.big.int_mul(b.v)))
                    pc += 1
                    continue
                if not (isinstance(a, W_Int) and isinstance(b, W_Int)):
                    raise VMError("bad operand types: %s, %s" % (a.typename_of(), b.typename_of()))
                if op == SUB:
                    frame.push(W_Int(intmask(a.v - b.v)))
                elif op == MUL:
                    try:
                        frame.push(W_Int(ovfcheck(a.v * b.v)))
                    except OverflowError:
                        frame.push(W_Big(rbigint.fromint(a.v).mul(rbigint.fromint(b.v))))
                else:
                    frame.push(W_Int(1 if a.v < b.v else 0))
                pc += 1
            elif op == JUMP:
                pc = ops[pc + 1]
            elif op == JUMP_IF_FALSE:
                if frame.pop().is_true():
                    pc += 2
                else:
                    pc = ops[pc + 1]
            elif op == PRINT:
                out.append(frame.pop().repr())
                pc += 1
            elif op == DUP:
                w = frame.pop()
                frame.push(w)
                frame.push(w)
                pc += 1
            elif op == POP:
                frame.pop()
                pc += 1
            elif op == BUILD_LIST:
                n = ops[pc + 1]
                items = [None] * n
                for i in range(n - 1, -1, -1):
                    items[i] = frame.pop()
                frame.push(W_List(items))
                pc += 2
            elif op == CALL_BUILTIN:
                arg = frame.pop()
                frame.push(BUILTINS[ops[pc + 1]]([arg]))
                pc += 2
            elif op == RETURN:
                return frame.pop()
            else:
                raise VMError("bad opcode %d" % op)
    except VMError as e:
        e.pc = pc
        raise


def compile_loop(limit, step):
    # i = 1; acc = 1; while i < limit: acc = acc * step + i; print acc; i = i + 1
    c = Compiler()
    i = c.name("i")
    acc = c.name("acc")
    c.emit(LOAD_CONST, c.const_int(1))
    c.emit(STORE_VAR, i)
    c.emit(LOAD_CONST, c.const_int(1))
    c.emit(STORE_VAR, acc)
    top = len(c.ops)
    c.emit(LOAD_VAR, i)
    c.emit(LOAD_CONST, c.const_int(limit))
    c.emit(LT)
    jf = c.emit(JUMP_IF_FALSE, 0)
    c.emit(LOAD_VAR, acc)
    c.emit(LOAD_CONST, c.const_int(step))
    c.emit(MUL)
    c.emit(LOAD_VAR, i)
    c.emit(ADD)
    c.emit(DUP)
    c.emit(PRINT)
    c.emit(STORE_VAR, acc)
    c.emit(LOAD_VAR, i)
    c.emit(LOAD_CONST, c.const_int(1))
    c.emit(ADD)
    c.emit(STORE_VAR, i)
    c.emit(JUMP, top)
    c.patch(jf, len(c.ops))
    c.emit(LOAD_VAR, acc)
    c.emit(RETURN)
    return c.finish()


def compile_misc():
    c = Compiler()
    c.emit(LOAD_CONST, c.const_str("abc"))
    c.emit(LOAD_CONST, c.const_str("def"))
    c.emit(ADD)
    c.emit(DUP)
    c.emit(CALL_BUILTIN, 0)
    c.emit(LOAD_CONST, c.const_int(-5))
    c.emit(LOAD_CONST, c.const_str("abc"))
    c.emit(BUILD_LIST, 3)
    c.emit(DUP)
    c.emit(PRINT)
    c.emit(CALL_BUILTIN, 0)
    c.emit(PRINT)
    c.emit(LOAD_CONST, c.const_str("x'y\"z\n"))
    c.emit(PRINT)
    c.emit(LOAD_CONST, c.const_int(12345))
    c.emit(CALL_BUILTIN, 1)
    c.emit(PRINT)
    c.emit(LOAD_CONST, c.const_str(""))
    c.emit(LOAD_CONST, c.const_int(3))
    c.emit(ADD)
    c.emit(RETURN)
    return c.finish()


def str_eq(a, b):
    return a.lower() == b.lower()


def str_hash(a):
    return compute_hash(a.lower())


@specialize.argtype(0)
def describe(x):
    return "<%s>" % (x,)


def entry_point(argv):
    code = compile_loop(25, 7)
    print(code.disassemble())
    out = []
    w = run(code, out)
    print(" ".join(out))
    print("result", w.repr(), w.typename_of())
    code = compile_loop(5, 1 << 40)
    out = []
    print("result", run(code, out).repr(), len(out))
    m = compile_misc()
    print(m.disassemble())
    out = []
    try:
        run(m, out)
    except VMError as e:
        print("caught", str(e), e.pc, e.msg)
    print(out)
    bad = Code([LOAD_CONST, 0, 99], [W_Int(1)], [])
    try:
        run(bad, [])
    except VMError as e:
        print(e)
    bad = Code([ADD], [], [])
    try:
        run(bad, [])
    except VMError as e:
        print(e)
    # unsigned and wrapping arithmetic
    x = r_uint(0) - r_uint(1)
    print(x, intmask(x), x >> 60, intmask(x << 63))
    h = r_uint(2166136261)
    for ch in "interp":
        h = (h ^ r_uint(ord(ch))) * r_uint(16777619)
        h &= r_uint(0xffffffff)
    print("fnv", h, "%x" % h, intmask(h))
    big = sys.maxsize
    try:
        ovfcheck(big + 1)
    except OverflowError:
        print("ovf add")
    try:
        ovfcheck(-big - 1 - 1)
    except OverflowError:
        print("ovf sub")
    try:
        ovfcheck((-big - 1) // -1)
    except OverflowError:
        print("ovf div")
    print(intmask(big + 1) == -big - 1)
    d = r_dict(str_eq, str_hash)
    d["Hello"] = 1
    d["HELLO"] = 2
    d["world"] = 3
    print(len(d), d["hello"], "WORLD" in d, d.get("x", -1))
    for k, v in d.items():
        print("rdict", k, v)
    print(describe(3), describe("s"), describe(2.5))
    print(we_are_translated() == (not we_are_translated()))
    f = rbigint.fromint(2).pow(rbigint.fromint(100))
    print(f.str(), f.hex(), f.bit_length(), f.mod(rbigint.fromint(97)).toint())
    print(rbigint.fromstr("-123456789012345678901234567890").floordiv(rbigint.fromint(7)).str())
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
