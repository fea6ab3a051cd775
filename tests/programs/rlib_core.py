# The rlib core (issue 3, item 7), same output untranslated and translated:
# specialize.argtype/arg/memo, we_are_translated, always_inline,
# compute_hash of ints/strs/tuples (values printed: the translated runtime
# uses the same algorithms), compute_identity_hash (compared, never
# printed), instantiate, import_from_mixin, unrolling_iterable driving
# getattr(self, "op_" + name), intmask, r_uint arithmetic with wraparound,
# ovfcheck, LONG_BIT, and JIT hints as no-ops around a JitDriver loop.
import sys

from rpython.rlib.objectmodel import (specialize, we_are_translated,
                                      always_inline, dont_inline, compute_hash,
                                      compute_identity_hash, instantiate,
                                      import_from_mixin, not_rpython)
from rpython.rlib.unroll import unrolling_iterable
from rpython.rlib.rarithmetic import (intmask, r_uint, ovfcheck, LONG_BIT,
                                      maxint, widen)
from rpython.rlib import jit


# ---- specialization ---------------------------------------------------

@specialize.argtype(0)
def bracket(x):
    return "<" + str(x) + ">"


@specialize.arg(0)
def convert(kind, x):
    if kind == "double":
        return x * 2
    return "s" + str(x)          # another specialization returns a str


class Red(object):
    weight = 3


class Blue(object):
    weight = 5


@specialize.memo()
def weight_table(cls):
    # evaluated at translation time for each constant class
    return cls.weight * 100 + len(cls.__name__)


@always_inline
def sq(x):
    return x * x


@dont_inline
def cube(x):
    return x * x * x


@not_rpython
def build_ops():
    # runs at import time only
    names = ("add", "sub", "mul", "neg")
    return unrolling_iterable(names)


OPS = build_ops()


# ---- unrolling_iterable + getattr -----------------------------------------

class Machine(object):
    def __init__(self):
        self.acc = 0

    def op_add(self, arg):
        self.acc += arg

    def op_sub(self, arg):
        self.acc -= arg

    def op_mul(self, arg):
        self.acc *= arg

    def op_neg(self, arg):
        self.acc = -self.acc

    def dispatch(self, opname, arg):
        for name in OPS:
            if name == opname:
                getattr(self, "op_" + name)(arg)
                return
        raise ValueError("unknown op " + opname)


# ---- import_from_mixin and instantiate ------------------------------------

class Stack2Mixin(object):
    """Two-slot stack, copied into each user class."""

    def push(self, v):
        self.b = self.a
        self.a = v

    def pop(self):
        v = self.a
        self.a = self.b
        self.b = 0
        return v


class IntPair(object):
    import_from_mixin(Stack2Mixin)

    def __init__(self):
        self.a = 0
        self.b = 0


class Shape(object):
    def __init__(self):
        raise RuntimeError("never called through instantiate")

    def sides(self):
        return 0


class Tri(Shape):
    def sides(self):
        return 3


def make_uninit(cls):
    s = instantiate(cls)
    return s


# ---- the JIT driver ---------------------------------------------------

jitdriver = jit.JitDriver(greens=["pc"], reds=["acc", "i", "n"])


@jit.elidable
def table(k):
    return k * 7 + 1


@jit.unroll_safe
def small_sum(k):
    s = 0
    for j in range(k):
        s += j
    return s


@jit.dont_look_inside
def opaque(x):
    return x ^ 0x55


def jit_loop(n):
    acc = 0
    i = 0
    pc = 0
    while i < n:
        jitdriver.jit_merge_point(pc=pc, acc=acc, i=i, n=n)
        k = jit.promote(i % 4)
        acc += table(k) + small_sum(k) + opaque(i)
        if jit.we_are_jitted():
            acc += 0
        i += 1
        jitdriver.can_enter_jit(pc=pc, acc=acc, i=i, n=n)
    return acc


def entry_point(argv):
    print("LONG_BIT", LONG_BIT, "maxint", maxint)
    # specialize
    print(bracket(1), bracket(2.5), bracket("x"), bracket(True))
    print(convert("double", 21), convert("str", 21))
    print("memo", weight_table(Red), weight_table(Blue))
    print("inline", sq(7), cube(3))
    if we_are_translated():
        where = "same"
    else:
        where = "same"
    print("we_are_translated branch", where)
    # hashes: printed values are part of the contract
    print("hash int", compute_hash(0), compute_hash(42), compute_hash(-7))
    print("hash str", compute_hash(""), compute_hash("a"), compute_hash("abc"),
          compute_hash("hello world"))
    print("hash tuple", compute_hash((1, 2)), compute_hash(("a", 3)),
          compute_hash((1, 2)) == compute_hash((1, 2)))
    s1 = "ab" + str(len(argv))
    s2 = "ab" + "1"
    print("hash equal strings", compute_hash(s1) == compute_hash(s2))
    m1 = Machine()
    m2 = Machine()
    h1 = compute_identity_hash(m1)
    print("identity", h1 == compute_identity_hash(m1), m1 is not m2)
    # unrolling_iterable dispatch
    m = Machine()
    m.dispatch("add", 5)
    m.dispatch("mul", 6)
    m.dispatch("sub", 2)
    m.dispatch("neg", 0)
    print("machine", m.acc)
    try:
        m.dispatch("div", 1)
    except ValueError as e:
        print("error", str(e))
    # mixin and instantiate
    p = IntPair()
    p.push(1)
    p.push(2)
    print("mixin", p.pop(), p.pop(), p.pop())
    t = make_uninit(Tri)
    print("instantiate", t.sides(), isinstance(t, Shape))
    # intmask and r_uint
    big = maxint
    print("intmask", intmask(big), intmask(r_uint(-1)), intmask(r_uint(1) << 63))
    u = r_uint(0)
    u = u - 1
    print("r_uint -1", u, u + 2, u // 2, u % 10, u >> 60)
    v = r_uint(1)
    for i in range(70):
        v = v * 3
    print("3**70 mod 2**64", v)
    w = r_uint(12345)
    print("compare", u > w, w < 20000, r_uint(5) == 5)
    print("widen", widen(r_uint(7)) + 1, intmask(u * u))
    # ovfcheck
    x = 1
    n_ok = 0
    try:
        for i in range(100):
            x = ovfcheck(x * 3)
            n_ok += 1
    except OverflowError:
        print("overflow after", n_ok, "multiplications, x =", x)
    try:
        y = ovfcheck(maxint + len(argv))
        print("no overflow?", y)
    except OverflowError:
        print("maxint + 1 overflows")
    print("no overflow", ovfcheck(maxint - 1 + len(argv)))
    # jit hints are no-ops
    print("jit loop", jit_loop(100), jit.promote(5), jit.hint(3, promote=True))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
