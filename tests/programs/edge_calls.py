# Edge cases of calls: deep recursion (kept under CPython's recursion limit),
# mutual recursion through three functions with many parameters, defaults
# and keywords given in every order, defaults of every type, keyword
# arguments to recursive calls, calls nested in arguments, procedures.
# args: 6
import sys


def deep(n, acc=0, step=1):
    if n == 0:
        return acc
    return deep(n - 1, acc + step * n, step=step)


def deep_float(n, x=1.0):
    if n <= 0:
        return x
    return deep_float(n - 1, x=x * 1.001 + 0.5 / (n + 1))


def count_down(n, depth=0):
    # returns the depth reached: every frame adds one
    if n <= 0:
        return depth
    return count_down(n - 1, depth + 1)


def ping(n, a, b, c=1, d=2.5, tag="p", flag=True):
    if n <= 0:
        return a + b + c + int(d) + (1 if flag else 0)
    if n % 3 == 0:
        return pong(n - 1, b, a, d=d * 0.5, c=c + 1, flag=not flag, tag=tag + "i")
    return pang(n - 1, c=a, a=b, b=c, tag=tag)


def pong(n, a, b, c=0, d=0.0, flag=False, tag="q"):
    if n <= 0:
        return a * 2 + b + c + int(d)
    return ping(n - 1, a + 1, b - 1, c, d + 1.0, tag, flag)


def pang(n, a=0, b=0, c=0, tag="x"):
    if n <= 0:
        return a - b + c
    if n % 2 == 0:
        return ping(n - 1, a, b)
    return pong(n - 1, b=a, a=b, c=c * 2 + 1)


def many(a, b, c, d, e, f, g, h, i=9, j=10, k=11, l=12):
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j + 11 * k + 12 * l


def many_mixed(a, b=2.0, c="c", d=True, e=5, f=-0.5, g="gg", h=False):
    print(" many_mixed:", a, b, c, d, e, f, g, h)
    return a + e + int(b + f) + (1 if d else 0) + (2 if h else 0)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def even_odd(n, even=True):
    if n == 0:
        return even
    return odd_even(n - 1, not even)


def odd_even(n, even):
    if n == 0:
        return even
    return even_odd(n - 1, even=not even)


def shadow(x, y=0):
    # parameter reassigned before use; default unchanged between calls
    x = x * 2
    y += x
    if y > 100:
        return y
    return shadow(x, y)


def side(tag, v):
    print("  arg", tag)
    return v


def three(a, b, c):
    return a * 100 + b * 10 + c


def nothing(n):
    if n > 0:
        print("  nothing", n)
        nothing(n - 1)


def returns_none_explicitly(n):
    if n > 1:
        print("  big", n)
        return None
    print("  small", n)
    return None


def entry_point(argv):
    n = 6
    if len(argv) > 1:
        n = int(argv[1])
    print("-- deep recursion")
    print(deep(900), deep(900, 5), deep(900, step=2), deep(step=-1, n=900), deep(0, step=3, acc=4))
    print(deep_float(800), deep_float(10, 2.0), deep_float(x=0.0, n=3))
    print(count_down(950), count_down(0), count_down(-5, 7), count_down(depth=1, n=2))
    print("-- mutual recursion, keywords in every order")
    for k in range(n + 8):
        print(k, ping(k, 1, 2), ping(k, 1, 2, 3, 4.5, "t", False), pong(k, 3, 4),
              pang(k), pang(k, 5, tag="y", c=1))
    print(ping(20, b=7, a=3), ping(flag=False, tag="z", d=1.0, c=0, b=0, a=0, n=25))
    print("-- many parameters")
    print(many(1, 2, 3, 4, 5, 6, 7, 8), many(1, 2, 3, 4, 5, 6, 7, 8, 0),
          many(1, 2, 3, 4, 5, 6, 7, 8, l=0, i=0), many(h=1, g=1, f=1, e=1, d=1, c=1, b=1, a=1),
          many(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    print(many_mixed(1), many_mixed(1, 3.5), many_mixed(1, h=True, c="C"),
          many_mixed(e=-5, a=2, g="", f=0.75, d=False))
    print("-- classic recursion")
    print(tak(18, 12, 6), tak(12, 8, 4), tak(n, 3, 1), tak(3, n, 1))
    print(ackermann(2, 3), ackermann(3, 3), ackermann(1, n))
    print(even_odd(501), even_odd(500), even_odd(7, False), odd_even(4, True))
    print(shadow(1), shadow(3, 50), shadow(y=99, x=1), shadow(1))
    print("-- calls in arguments, evaluated left to right")
    print(three(side("a", 1), side("b", 2), side("c", 3)))
    print(three(c=side("c", 3), a=side("a", 1), b=side("b", 2)))
    print(deep(side("n", 3), acc=side("acc", three(1, 2, 3)), step=side("step", 2)))
    print(many(three(0, 0, 1), deep(2), count_down(3), tak(4, 2, 1), 5, 6, 7, 8, k=deep(1)))
    nothing(3)
    r = returns_none_explicitly(n)
    print(r, returns_none_explicitly(0))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
