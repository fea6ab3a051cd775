# if/elif/else chains, while and for-range loops with break, continue and
# else clauses, nested loops, negative and odd steps, empty ranges.
import sys


def classify(n):
    if n < -10:
        return "very negative"
    elif n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        if n % 2 == 0:
            return "small even"
        else:
            return "small odd"
    else:
        return "large"


def ranges():
    print("-- ranges")
    line = ""
    for i in range(5):
        line = line + " " + str(i)
    print("range(5):" + line)
    line = ""
    for i in range(3, 9):
        line = line + " " + str(i)
    print("range(3, 9):" + line)
    line = ""
    for i in range(-5, 6, 2):
        line = line + " " + str(i)
    print("range(-5, 6, 2):" + line)
    line = ""
    for i in range(10, 0, -3):
        line = line + " " + str(i)
    print("range(10, 0, -3):" + line)
    line = ""
    for i in range(0, -10, -4):
        line = line + " " + str(i)
    print("range(0, -10, -4):" + line)
    line = ""
    for i in range(-1, -2, -1):
        line = line + " " + str(i)
    print("range(-1, -2, -1):" + line)
    n = 0
    for i in range(0):
        n += 1
    for i in range(5, 5):
        n += 1
    for i in range(5, 0):
        n += 1
    for i in range(0, 5, -1):
        n += 1
    for i in range(-3, 3, -2):
        n += 1
    print("empty ranges ran", n, "times")
    last = -1
    for i in range(7):
        last = i
    print("last", last)
    lo = -4
    hi = 13
    step = 5
    total = 0
    for i in range(lo, hi, step):
        total += i
    for i in range(hi, lo, -step):
        total += i * 100
    print("variable bounds total", total)
    for i in range(3):
        i = i * 10   # rebinding the loop variable does not affect iteration
        print("rebound", i)


def loops_with_else():
    print("-- loop else")
    for n in range(2, 30):
        for d in range(2, n):
            if d * d > n:
                print(n, "is prime")
                break
            if n % d == 0:
                print(n, "=", d, "*", n // d)
                break
        else:
            print(n, "is prime (no break)")
    i = 0
    while i < 5:
        i += 1
    else:
        print("while else ran, i =", i)
    i = 0
    while i < 100:
        if i * i > 50:
            break
        i += 1
    else:
        print("never printed")
    print("while broke at", i)
    k = -1
    for k in range(3):
        pass
    else:
        print("for else after", k)


def continue_and_nesting():
    print("-- continue and nesting")
    s = 0
    for i in range(-10, 11):
        if i % 3 == 0:
            continue
        if i > 7:
            break
        s += i
    print("sum", s)
    count = 0
    i = 0
    while True:
        i += 1
        if i > 40:
            break
        if i % 2 == 0:
            continue
        if i % 5 == 0:
            continue
        count += 1
    print("count", count, "i", i)
    for a in range(1, 5):
        row = ""
        for b in range(1, 8):
            if b > a + 3:
                break
            if (a + b) % 3 == 0:
                continue
            row = row + " " + str(a * b)
        print(a, row)
    found = 0
    for x in range(1, 30):
        for y in range(x, 30):
            for z in range(y, 30):
                if x * x + y * y == z * z:
                    print("triple", x, y, z)
                    found += 1
    print("triples", found)


def while_loops():
    print("-- while")
    n = 27
    steps = 0
    peak = n
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        if n > peak:
            peak = n
        steps += 1
    print("collatz 27:", steps, "steps, peak", peak)
    a = 1071
    b = 462
    while b:
        a, b = b, a % b
    print("gcd", a)
    x = 1.0
    k = 0
    while x < 1000.0:
        x = x * 1.7
        k += 1
    print("1.7 ** k passes 1000 at k =", k, "x =", x)
    i = 10
    while i > -10:
        print(i, classify(i), classify(i * 3))
        i -= 4


def entry_point(argv):
    for n in range(-12, 14, 5):
        print(n, classify(n))
    ranges()
    loops_with_else()
    continue_and_nesting()
    while_loops()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
