# Edge cases of loops: variables that are constant before a loop and change
# inside it (and are read after it), loop variables that keep their last
# value after the loop, nested loops with break out of the inner loop and
# else clauses, continue in for-range with negative and argv-given steps,
# empty ranges, while/else, loops whose bounds change inside.
# args: 3 -2 7
import sys


def const_then_change(limit):
    found = False
    count = 0
    last = -1
    x = 0.0
    label = "none"
    i = 0
    while i < limit:
        if i % 4 == 3:
            found = True
            last = i
            label = "three mod four"
        count += 1
        x += 0.5
        i += 1
    print("const_then_change", limit, found, count, last, x, label, i)


def loop_var_after(n, step):
    k = -100
    for k in range(0, n, step):
        pass
    j = 7
    for j in range(n, n):    # empty: j keeps its value
        j = 1000
    print("loop var after", n, step, k, j)


def nested_break(limit):
    print("-- nested break/else")
    for i in range(2, limit):
        for d in range(2, i):
            if i % d == 0:
                print(i, "composite, factor", d)
                break
        else:
            print(i, "prime")
    # break out of inner loop only; outer continues and its else runs
    hits = 0
    for i in range(4):
        for j in range(10):
            if j > i:
                break
            hits += 1
        else:
            print("inner else never runs when broken", i)
    else:
        print("outer else", hits)


def continue_steps(step, neg_step):
    print("-- continue with steps", step, neg_step)
    total = 0
    for i in range(20, -20, neg_step):
        if i % 3 == 0:
            continue
        total += i
        print(i, end=" ")
    print("| total", total)
    for i in range(-7, 30, step):
        if i < 0:
            continue
        if i > 20:
            break
        print(i, end=" ")
    else:
        print("(no break)", end=" ")
    print()
    for i in range(10, 0, -step):
        print(i, end=",")
    print()
    for i in range(0, 10, -step):
        print("never", i)
    for i in range(5, 5, step):
        print("never", i)
    for i in range(-1, -2, -1):
        print("once", i)
    # ranges ending near the 64-bit limits: see range_overflow_stop.py


def while_else(n):
    i = 0
    while i < n:
        if i == 5:
            print("while broke at", i)
            break
        i += 1
    else:
        print("while finished", i)
    j = n
    while j > 0:
        j -= 2
        if j % 3 == 0:
            continue
        print(" j", j, end="")
    else:
        print(" | while else j", j)


def changing_bounds(n):
    # range() evaluates its bounds once; changing n inside does nothing
    count = 0
    for i in range(n):
        n = n + 1
        count += 1
    print("changing bounds", count, n)
    lim = 5
    i = 0
    while i < lim:
        if i == 2:
            lim = 8
        i += 1
    print("while bound re-read", i, lim)


def counters(step):
    a = 0
    b = 1
    c = 0.0
    flag = False
    for i in range(0, 50, step):
        a, b = b, a + b
        c = c * 0.5 + i
        flag = not flag
        if a > 1000:
            break
    print("counters", a, b, c, flag)
    s = ""
    for i in range(3):
        for j in range(3):
            if j == i:
                continue
            s = s + str(i) + str(j) + " "
    print("pairs", s)


def triple_nested(n):
    count = 0
    for i in range(n):
        for j in range(i, n):
            if j - i > 2:
                break
            for k in range(j, -1, -1):
                if k == i:
                    continue
                if (i + j + k) % 5 == 0:
                    break
                count += i * 100 + j * 10 + k
            else:
                count += 1
    print("triple nested", n, count)


def entry_point(argv):
    step = int(argv[1]) if len(argv) > 1 else 3
    neg = int(argv[2]) if len(argv) > 2 else -2
    n = int(argv[3]) if len(argv) > 3 else 7
    const_then_change(0)
    const_then_change(n)
    loop_var_after(n, step)
    loop_var_after(0, step)
    loop_var_after(n * 3, step + 1)
    nested_break(n * 3)
    continue_steps(step, neg)
    continue_steps(step + 4, neg * 3)
    while_else(3)
    while_else(n + 3)
    changing_bounds(n)
    counters(1)
    counters(step)
    triple_nested(n)
    triple_nested(1)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
