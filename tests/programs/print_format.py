# print(): several arguments of mixed types, sep= and end= with constant
# strings, empty print, str() of floats and the shortest-repr rule.
import sys


def show_floats():
    print("-- str(float)")
    print(str(1.0), str(-1.0), str(0.5), str(100.0), str(1e15), str(1e16))
    print(str(0.1), str(0.2), str(0.3), str(0.1 + 0.2), str(1.0 / 3.0), str(2.0 / 3.0))
    print(str(1e-4), str(1e-5), str(0.00012345), str(1.5e-10), str(-2.5e-7))
    print(str(123456789.0), str(1234567890123456.0), str(12345678901234567.0))
    print(str(1e100), str(1.23e-100), str(9.999999999999999e22), str(1e22))
    print(str(3.141592653589793), str(2.718281828459045), str(1.4142135623730951))
    print(str(0.0), str(-0.0), str(5e-324), str(1.7976931348623157e308))
    x = 1.0
    for i in range(25):
        print(i, x, -x, x / 3.0, x * 1.1)
        x = x * 10.0
    y = 1.0
    for i in range(12):
        y = y / 7.0
        print(i, y)


def mixed_args():
    print("-- mixed arguments")
    print(1, 2.0, "three", True, False, None)
    print("a", "b", "c", sep="")
    print("a", "b", "c", sep=", ")
    print("x", 1, sep=" = ")
    print("no newline", end="")
    print(" -- continued")
    print("custom end", end="!\n")
    print("tabs", 1, 2, sep="\t", end="\t|\n")
    print()
    print("after empty line")
    print(end="")
    print("", end="")
    print("")
    print(sep="-")
    print(-0.0, 0, -7, 7.5, sep="|")
    print("multi\nline\nstring")
    print("quote ' and \" and backslash \\")
    print("unicode: \u00e9\u00e8 \u4e2d\u6587 \U0001F40D")
    for i in range(-3, 4):
        print(i, i * 0.5, i > 0, "row", sep=",", end=";\n")
    for i in range(5):
        print(i, end=" ")
    print()
    for i in range(3):
        print("[", i, "]", sep="", end="")
    print("")


def concat():
    print("-- string concatenation")
    s = "start"
    for i in range(6):
        s = s + "|" + str(i) + ":" + str(i * i * 0.5) + ":" + str(i % 2 == 0)
    print(s)
    t = ""
    t = t + ""
    print("[" + t + "]", "[" + "" + "]")
    word = "ab"
    for i in range(4):
        word = word + word
    print(word)
    print("value: " + str(-12) + ", half: " + str(-6.0) + ", ok: " + str(True))


def entry_point(argv):
    show_floats()
    mixed_args()
    concat()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
