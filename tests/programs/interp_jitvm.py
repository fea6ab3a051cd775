# A register VM written the way PyPy-style interpreters are: a JitDriver
# with greens and reds, unrolling_iterable dispatch over an opcode table,
# immutable code objects, promote/elidable hints, boxed values with
# big-integer overflow, r_dict keyed by boxed values, StringBuilder output.
import sys
from rpython.rlib import jit
from rpython.rlib.jit import JitDriver, promote, elidable, unroll_safe
from rpython.rlib.unroll import unrolling_iterable
from rpython.rlib.objectmodel import r_dict, compute_hash, specialize, always_inline
from rpython.rlib.rarithmetic import ovfcheck, r_uint, intmask
from rpython.rlib.rbigint import rbigint
from rpython.rlib.rstring import StringBuilder

OPCODES = ["LOADI", "MOV", "ADD", "MUL", "DEC", "JNZ", "PRINT", "HALT", "DICTSET", "DICTGET", "POW"]
for _i, _name in enumerate(OPCODES):
    globals()[_name] = _i
UNROLLED = unrolling_iterable(enumerate(OPCODES))


class W_Value(object):
    _attrs_ = []

    def hash(self):
        raise NotImplementedError

    def eq(self, other):
        raise NotImplementedError

    def str(self):
        raise NotImplementedError


class W_Small(W_Value):
    _immutable_fields_ = ["v"]
    _attrs_ = ["v"]

    def __init__(self, v):
        self.v = v

    def hash(self):
        return compute_hash(self.v)

    def eq(self, other):
        if isinstance(other, W_Small):
            return self.v == other.v
        if isinstance(other, W_Big):
            return other.b.eq(rbigint.fromint(self.v))
        return False

    def str(self):
        return str(self.v)

    def big(self):
        return rbigint.fromint(self.v)


class W_Big(W_Value):
    _immutable_fields_ = ["b"]
    _attrs_ = ["b"]

    def __init__(self, b):
        self.b = b

    def hash(self):
        return self.b.hash()

    def eq(self, other):
        if isinstance(other, W_Big):
            return self.b.eq(other.b)
        if isinstance(other, W_Small):
            return self.b.eq(rbigint.fromint(other.v))
        return False

    def str(self):
        return self.b.str()

    def big(self):
        return self.b


def w_eq(a, b):
    return a.eq(b)


def w_hash(a):
    return a.hash()


def normalize(b):
    if b.fits_int():
        return W_Small(b.toint())
    return W_Big(b)


def add(a, b):
    if isinstance(a, W_Small) and isinstance(b, W_Small):
        try:
            return W_Small(ovfcheck(a.v + b.v))
        except OverflowError:
            pass
    return normalize(a.big().add(b.big()))


def mul(a, b):
    if isinstance(a, W_Small) and isinstance(b, W_Small):
        try:
            return W_Small(ovfcheck(a.v * b.v))
        except OverflowError:
            pass
    return normalize(a.big().mul(b.big()))


class Code(object):
    _immutable_fields_ = ["ops[*]", "name"]

    def __init__(self, name, ops):
        self.name = name
        self.ops = ops

    @elidable
    def op_at(self, pc):
        return self.ops[pc]


def get_location(pc, code):
    return "%s:%d %s" % (code.name, pc, OPCODES[code.ops[pc]])


driver = JitDriver(greens=["pc", "code"], reds=["regs", "out", "table"], get_printable_location=get_location)


@specialize.arg(0)
def describe(kind, x):
    if kind == "reg":
        return "r%d" % x
    return "#%d" % x


@unroll_safe
def dump_regs(regs):
    parts = []
    for i in range(len(regs)):
        w = regs[i]
        if w is not None:
            parts.append("%s=%s" % (describe("reg", i), w.str()))
    return " ".join(parts)


@always_inline
def fetch(code, pc):
    return code.op_at(pc)


def run(code, nregs):
    regs = [None] * nregs
    out = StringBuilder()
    table = r_dict(w_eq, w_hash)
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, regs=regs, out=out, table=table)
        code = promote(code)
        op = fetch(code, pc)
        for num, name in UNROLLED:
            if op == num:
                if name == "LOADI":
                    regs[code.ops[pc + 1]] = W_Small(code.ops[pc + 2])
                    pc += 3
                elif name == "MOV":
                    regs[code.ops[pc + 1]] = regs[code.ops[pc + 2]]
                    pc += 3
                elif name == "ADD":
                    regs[code.ops[pc + 1]] = add(regs[code.ops[pc + 2]], regs[code.ops[pc + 3]])
                    pc += 4
                elif name == "MUL":
                    regs[code.ops[pc + 1]] = mul(regs[code.ops[pc + 2]], regs[code.ops[pc + 3]])
                    pc += 4
                elif name == "DEC":
                    w = regs[code.ops[pc + 1]]
                    assert isinstance(w, W_Small)
                    regs[code.ops[pc + 1]] = W_Small(w.v - 1)
                    pc += 2
                elif name == "JNZ":
                    w = regs[code.ops[pc + 1]]
                    target = code.ops[pc + 2]
                    if isinstance(w, W_Small) and w.v == 0:
                        pc += 3
                    else:
                        if target < pc:
                            driver.can_enter_jit(pc=target, code=code, regs=regs, out=out, table=table)
                        pc = target
                elif name == "PRINT":
                    out.append(regs[code.ops[pc + 1]].str())
                    out.append("\n")
                    pc += 2
                elif name == "DICTSET":
                    table[regs[code.ops[pc + 1]]] = regs[code.ops[pc + 2]]
                    pc += 3
                elif name == "DICTGET":
                    w = table.get(regs[code.ops[pc + 2]], None)
                    regs[code.ops[pc + 1]] = w if w is not None else W_Small(-1)
                    pc += 3
                elif name == "POW":
                    b = regs[code.ops[pc + 2]].big().pow(regs[code.ops[pc + 3]].big())
                    regs[code.ops[pc + 1]] = normalize(b)
                    pc += 4
                elif name == "HALT":
                    return out.build(), dump_regs(regs), len(table)
                break
        else:
            raise ValueError("bad opcode %d at %d" % (op, pc))


def entry_point(argv):
    # r0 = 1; r1 = 25; loop: r0 = r0 * r1; table[r1] = r0; r1 -= 1; jnz r1 loop
    prog = [LOADI, 0, 1, LOADI, 1, 25, LOADI, 3, 3,
            MUL, 0, 0, 1, DICTSET, 1, 0, PRINT, 0, DEC, 1, JNZ, 1, 9,
            LOADI, 2, 20, DICTGET, 4, 2, PRINT, 4, MOV, 5, 4, ADD, 5, 5, 4, PRINT, 5,
            POW, 6, 3, 2, PRINT, 6, DICTSET, 6, 3, DICTGET, 7, 6, PRINT, 7, HALT]
    text, regs, n = run(Code("fact", prog), 8)
    print(text, end="")
    print(regs)
    print("entries", n)
    try:
        run(Code("bad", [LOADI, 0, 1, 99]), 1)
    except ValueError as e:
        print("ValueError:", e)
    h = r_uint(0)
    for ch in text[:40]:
        h = h * r_uint(31) + r_uint(ord(ch))
    print(h, intmask(h), "%x" % h, h % r_uint(1000), h >> 60)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
