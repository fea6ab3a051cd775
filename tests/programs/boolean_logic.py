# and / or / not: truth values of ints, floats and bools, short-circuit
# evaluation (observable through prints), and/or returning an operand,
# conditional expressions.
import sys


def t(tag, v):
    print("  t", tag)
    return v


def tb(tag, b):
    print("  tb", tag, b)
    return b


def truth_tables():
    print("-- truth tables")
    for i in range(2):
        a = i == 1
        for j in range(2):
            b = j == 1
            print(a, b, a and b, a or b, not a, not (a and b), not a or b, a != b, a == b)
            print("   ", a & b, a | b, a ^ b, a + b, a * 3 + b, -a, ~b)


def truthiness():
    print("-- truthiness")
    for v in range(-2, 3):
        print(v, bool(v), not v, not not v, v and 10, v or 10, v and v + 1 or -7)
    f = -1.0
    while f <= 1.0:
        print(f, bool(f), not f, f or 0.5, f and 2.5)
        f += 0.5
    print(bool(-0.0), not -0.0, -0.0 or 9.0, 0.0 and 1.0, bool(1e-300), bool(5e-324))


def short_circuit():
    print("-- short circuit")
    print(t("a", 0) and t("b", 1))
    print(t("a", 2) and t("b", 3))
    print(t("a", 0) or t("b", 4))
    print(t("a", 5) or t("b", 6))
    print(t("a", 0) and t("b", 1) or t("c", 7))
    print(t("a", 1) and t("b", 0) or t("c", 0) or t("d", 8))
    print(t("a", 1) or t("b", 0) and t("c", 0))
    print(not t("a", 0) and t("b", 3) > 2)
    print(not t("a", 1) and t("b", 3) > 2)
    print(tb("a", False) or tb("b", True) and tb("c", False))
    x = 7
    if x > 5 and tb("cond", x < 10):
        print("in window")
    if x < 5 or tb("cond2", False) or x == 7:
        print("second if taken")
    if not (x < 5 or x > 10):
        print("not-or ok")


def conditional_expressions():
    print("-- conditional expressions")
    for v in range(-3, 4):
        sign = 1 if v > 0 else -1 if v < 0 else 0
        parity = "even" if v % 2 == 0 else "odd"
        mag = v * 1.5 if v >= 0 else -v * 0.5
        print(v, sign, parity, mag, (v if v > 0 else -v), t("x", v) if v == 2 else 0)


def predicates(n):
    return n > 0 and n % 2 == 0, n < 0 or n > 100, not (n == 3 or n == 4)


def logic_puzzle():
    print("-- logic puzzle")
    found = 0
    for a in range(2):
        for b in range(2):
            for c in range(2):
                p = a == 1
                q = b == 1
                r = c == 1
                s1 = (p or q) and not (p and q)
                s2 = (not q or r) and (q or not r)
                s3 = p != r or q
                print(p, q, r, s1, s2, s3, s1 and s2 and s3)
                if s1 and s2 and s3:
                    found += 1
    print("solutions", found)
    for n in range(-2, 6):
        x, y, z = predicates(n)
        print(n, x, y, z)
    x, y, z = predicates(102)
    print(102, x, y, z)


def entry_point(argv):
    truth_tables()
    truthiness()
    short_circuit()
    conditional_expressions()
    logic_puzzle()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
