# Text and binary files: write/writelines results, universal newlines,
# readline(size) with a \r\n at the cut, readlines(hint) (stops once the
# total exceeds the hint), encoding=, closed files, print(file=f),
# undecodable bytes; everything in a temp dir the program removes.
import os


def main_files(n):
    d = "/tmp/csl_files_" + str(os.getpid())
    os.mkdir(d)
    p = d + "/t.txt"
    with open(p, "w") as f:
        print(f.write("a\r\nb\rc\nd\u00e9\u2603"), f.name == p, f.closed, f.mode)
        f.writelines(["x\n", "y\n"])
    print(f.closed)
    with open(p) as f:
        print(repr(f.read()))
    with open(p, "rb") as f:
        print(f.read())
    with open(p) as f:
        print(repr(f.readline(1)), repr(f.readline(0)), repr(f.readline(100)), repr(f.read(0)), repr(f.read(2)))
        print(f.readlines())
    with open(p, "rb") as f:
        for line in f:
            print(line)
    with open(p, encoding="latin-1") as f:
        print(repr(f.read()))
    with open(p, "a") as f:
        print(f.tell() > 0, f.write("z"))
    with open(p, "r") as f:
        data = f.read()
        print(len(data), data[-3:])
    try:
        with open(p, "x") as f:
            f.write("no")
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    f = open(p)
    f.close()
    f.close()
    try:
        f.read()
    except ValueError as e:
        print("ValueError", e)
    f = open(p, "w")
    try:
        f.read()
    except OSError as e:
        print("OSError", e)
    f.close()
    try:
        open(d + "/missing/x", "w")
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno, str(e).replace(d, "D"))
    with open(p, "wb") as f:
        print(f.write(b"\xff\xfe bad utf8 \xc3"))
    try:
        with open(p) as f:
            print(f.read())
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
    except ValueError as e:
        print("ValueError", e)
    with open(p, "w") as f:
        print("one", 2, 3.0, file=f)
        print("two", file=f, end="")
    with open(p) as f:
        print(repr(f.read()))
    os.unlink(p)
    os.rmdir(d)




def main_lines(n):
    p = "/tmp/csl_files2_" + str(os.getpid())
    with open(p, "w") as f:
        f.writelines(["ab\r\ncd\rxy\n", "é" * 5 + "\n", "last"])
    for size in [0, 1, 2, 3, 4, 5, 100]:
        with open(p) as f:
            out = []
            while True:
                line = f.readline(size * n)
                if line == "":
                    break
                out.append(line)
                if len(out) > 40:
                    break
            print(size, out)
    for hint in [-1, 0, 1, 5, 6, 9, 100]:
        with open(p) as f:
            print(hint, f.readlines(hint * n))
    with open(p, "rb") as f:
        print(f.readline(3 * n), f.readline(), f.readlines(2 * n), f.readlines())
    os.unlink(p)


def entry_point(argv):
    n = len(argv)
    main_files(n)
    main_lines(n)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
