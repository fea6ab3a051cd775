# Edge cases of evaluation order: chained comparisons whose operands are
# calls with side effects (each operand evaluated once, evaluation stops at
# the first false link), and/or returning the operand itself (ints, floats,
# strs of one type per expression), not, conditional expressions nested in
# arguments and in each other, evaluated lazily.
import sys


def v(tag, x):
    print("  eval", tag, x)
    return x


def f(tag, x):
    print("  evalf", tag, x)
    return x


def s(tag, x):
    print("  evals", tag, x)
    return x


def b(tag, x):
    print("  evalb", tag, x)
    return x


def chains():
    print("-- chains")
    print(v("a", 1) < v("b", 2) < v("c", 3))
    print(v("a", 1) < v("b", 0) < v("c", 3))
    print(v("a", 3) > v("b", 2) > v("c", 2) > v("d", 1))
    print(v("a", 1) <= v("b", 1) == v("c", 1) != v("d", 2) >= v("e", 2))
    print(v("a", 0) == v("b", 0) < v("c", 0))
    print(f("a", 0.5) < f("b", 1.5) <= f("c", 1.5) < f("d", 1.0))
    print(v("a", 1) < f("b", 1.5) < v("c", 2))
    x = v("x", 5)
    if 0 <= x < v("lim", 10) and v("q", x) != 7:
        print("in range")
    if v("p", 9) < x < v("never", 100):
        print("not printed")
    else:
        print("else branch")
    n = 0
    while 0 <= n < v("bound", 2):
        n += 1
    print("n", n)
    r = v("a", 2) < v("b", 3) if v("cond", 1) > 0 else v("c", 4) > v("d", 5)
    print(r)


def and_or_values():
    print("-- and/or values")
    print(v("a", 0) or v("b", 7))
    print(v("a", 3) or v("b", 7))
    print(v("a", 0) and v("b", 7))
    print(v("a", 3) and v("b", 7))
    print(v("a", 0) or v("b", 0) or v("c", 0))
    print(v("a", 1) and v("b", 2) and v("c", 0) and v("d", 4))
    print(v("a", 0) or v("b", 5) and v("c", 6))
    print((v("a", 0) or v("b", 5)) and v("c", 6))
    print(f("a", 0.0) or f("b", -0.0) or f("c", 2.5))
    print(f("a", -0.0) or f("b", 0.0))
    print(f("a", 1e-300) and f("b", 0.0))
    print(s("a", "") or s("b", "x"))
    print(s("a", "y") and s("b", ""))
    print("[" + (s("a", "") or s("b", "")) + "]")
    print(b("a", False) or b("b", False))
    print(b("a", True) and b("b", True))
    k = 0
    total = 0
    for i in range(-3, 4):
        k = i and i * 10
        total += i or 100
        print(i, k, i or -1, i and -1, not i, not not i, (i > 0) or (i < -2))
    print("total", total)
    neg = -5
    print(neg or 1, 0 or neg, neg and 0, 0 and neg)
    print(not v("z", 0), not f("zf", 0.5), not s("zs", ""), not s("zs", "a"))


def pick(a, b, c=0):
    return a * 100 + b * 10 + c


def cond_exprs():
    print("-- conditional expressions")
    for i in range(-2, 3):
        print(i,
              pick(1 if i > 0 else 2, v("b", 3) if i == 0 else 4, c=5 if i < 0 else 6 if i == 0 else 7),
              "pos" if i > 0 else "zero" if i == 0 else "neg",
              (i * 0.5 if i % 2 == 0 else -1.0) if i != 1 else 99.0,
              pick(a=i if i >= 0 else -i, b=(1 if i & 1 else 0)))
    x = v("then", 1) if b("test", True) else v("else", 2)
    y = v("then", 1) if b("test", False) else v("else", 2)
    print(x, y)
    z = v("a", 1) if v("t1", 0) else v("b", 2) if v("t2", 0) else v("c", 3)
    print(z)
    w = (v("x", 0) or v("y", 9)) if (v("p", 1) < v("q", 2) < v("r", 0)) else (v("m", 4) and v("n", 0))
    print(w)
    label = "big" if pick(v("a", 1), v("b", 2)) > 100 else "small"
    print(label)


def entry_point(argv):
    chains()
    and_or_values()
    cond_exprs()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
