# ovfcheck on +, *, inside try/except OverflowError and uncaught; intmask; JIT hints
# (JitDriver.jit_merge_point, promote, we_are_jitted) translate to nothing.
import sys
from rpython.rlib.rarithmetic import ovfcheck, intmask
from rpython.rlib import jit

driver = jit.JitDriver(greens=["pc"], reds=["acc", "i"])

def fact(n):
    r = 1
    for i in range(2, n + 1):
        try:
            r = ovfcheck(r * i)
        except OverflowError:
            return -1
    return r

def entry_point(argv):
    acc = 0
    pc = 0
    for i in range(10):
        driver.jit_merge_point(pc=pc, acc=acc, i=i)
        acc += jit.promote(i)
    print(acc, jit.we_are_jitted())
    for n in range(18, 23):
        print(n, fact(n))
    print(intmask(2 ** 64 + 5), intmask(len(argv) * 3))
    x = 9223372036854775800 + len(argv)
    y = ovfcheck(x + 10)
    return 0

def target(driver, args):
    return entry_point, None

if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
