# open() file objects (text and binary), the with statement (its __exit__
# on normal exit, exceptions, return and break), iteration over lines.
import os


class Tracker:
    def __str__(self):
        return "<Tracker " + self.name + ">"

    def __init__(self, name, swallow):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            print("exit", self.name, "cleanly")
        if exc_value is not None:
            print("exit", self.name, "with", str(exc_value), exc_type is not None)
        return self.swallow


def with_semantics(n):
    with Tracker("a", False) as t:
        print("body of", t.name)
    try:
        with Tracker("b", False):
            raise ValueError("boom " + str(n))
    except ValueError as e:
        print("propagated:", e)
    with Tracker("c", True):
        raise KeyError("swallowed")
    print("after c")
    for i in range(3):
        with Tracker("loop" + str(i), False):
            if i == 1:
                continue
            if i == 2:
                break
            print("loop body", i)
    with Tracker("outer", False) as o, Tracker("inner", False) as inner:
        print("two items", o.name, inner.name)


def early_return(n):
    with Tracker("ret", False):
        if n > 0:
            return n * 10
        print("not here")
    return -1


def text_files(name, n):
    with open(name, "w") as f:
        print(f.write("first line\n"), f.write("caf\u00e9 \u2603\n"), f.name, f.mode, f.closed)
        f.write("third" + str(n) + "\r\nfourth\rfifth\n")
        f.write("no newline at the end")
    print("closed after with:", f.closed)
    f = open(name)
    print(repr(f.readline()))
    print(repr(f.read(3)), repr(f.read(4)))
    print(repr(f.readline()))
    rest = f.readlines()
    print(len(rest), repr(rest[0]), repr(rest[-1]))
    print(repr(f.read()), repr(f.readline()))
    f.close()
    f.close()
    try:
        f.read()
    except ValueError as e:
        print("ValueError", e)
    with open(name, "a") as f:
        f.write("\nappended\n")
    count = 0
    total = 0
    with open(name, "r") as f:
        for line in f:
            count += 1
            total += len(line)
            print("line", count, repr(line))
    print(count, total)
    with open(name) as f:
        whole = f.read()
    print(len(whole), whole.count("\n"), whole.endswith("appended\n"))
    with open(name, "w") as f:
        print("a", 1, 2.5, sep=",", end=";\n", file=f)
        print(file=f)
        print("x", None, True, Tracker("t", False), file=f, sep=None, end=None)
    with open(name) as f:
        print(repr(f.read()))
    try:
        with open(name) as f:
            f.write("x")
    except OSError as e:
        print("OSError", e)


def big_text(name, n):
    # Lines long enough that chunk boundaries (64 KiB) fall inside UTF-8
    # sequences and between \r and \n.
    with open(name, "wb") as f:
        for i in range(3000):
            f.write(("line " + str(i) + " " + "\u00e9\u2603x" * (i % 7) + "\r\n").encode())
            if i % 100 == 0:
                f.write(b"\r")
    count = 0
    chars = 0
    snowmen = 0
    with open(name) as f:
        for line in f:
            count += 1
            chars += len(line)
            snowmen += line.count("\u2603")
            if not line.endswith("\n"):
                print("bad line", repr(line))
    print("big:", count, chars, snowmen)
    with open(name, "rb") as f:
        raw = f.read()
    with open(name, encoding="utf-8") as f:
        text = f.read()
    print(len(raw), len(text), text.count("\n"), "\r" in text)


def binary_files(name, n):
    with open(name, "wb") as f:
        print(f.write(b"\x00\x01binary\n"), f.write("caf\u00e9\r\n".encode()), f.write(b"end"))
    with open(name, "rb") as f:
        data = f.read()
    print(data, len(data), data[0], data[2:8])
    with open(name, "rb") as f:
        print(f.readline(), f.read(3))
        lines = f.readlines()
        print(len(lines), lines[0], lines[-1])
    with open(name, "rb") as f:
        for line in f:
            print("bline", line, len(line))
    print(os.path.getsize(name))


def errors(n):
    try:
        open("no_such_file_" + str(n) + ".txt")
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno, e)
    try:
        open(".", "r")
    except IsADirectoryError as e:
        print("IsADirectoryError", e.errno, e)
    try:
        open("no/such/dir/x.txt", "w")
    except OSError as e:
        print("OSError", e.errno, e)


def entry_point(argv):
    n = len(argv)
    with_semantics(n)
    print("early return gives", early_return(n))
    name = "sys_files_test_" + str(n) + ".tmp"
    text_files(name, n)
    try:
        with open(name, "x") as f:
            f.write("not written")
    except FileExistsError as e:
        print("FileExistsError", e.errno, e)
    binary_files(name, n)
    big_text(name, n)
    os.unlink(name)
    errors(n)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
