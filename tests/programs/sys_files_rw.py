"""open() with + modes (r+, w+, a+, rb+, wb+ ...), seek(offset, whence),
tell() and truncate() on text and binary files, as CPython's: text tell()
values are byte offsets (what CPython gives when no decoder state is
pending) that seek() takes back; binary seeks relative to the current
position and the end."""
import os


def show_error(what, e):
    print(what, type(e).__name__ if not isinstance(e, OSError) else "OSError", str(e))


def text_files(name):
    with open(name, "w+") as f:
        print(f.write("alpha\nbéta\r\ngamma\rdelta\n"), f.tell())
        print(f.seek(0), repr(f.readline()), f.tell())
        pos = f.tell()
        print(repr(f.readline()), f.tell())
        print(repr(f.read(3)), f.tell())
        print(f.seek(pos), repr(f.read()), f.tell())
        print(f.seek(0, 2), f.seek(0, 1), f.tell())
        print(f.readable(), f.writable(), f.seekable(), f.mode)
    with open(name, "r+") as f:
        print(repr(f.read(4)), f.tell())
        f.write("XY")
        print(f.tell())
        f.seek(0)
        print(repr(f.read()))
        f.seek(3)
        print(f.truncate(), f.tell())
        f.seek(0)
        print(repr(f.read()))
        for args in [(-1, 0), (1, 1), (-1, 2), (0, 3)]:
            try:
                f.seek(args[0], args[1])
            except OSError as e:
                print("OSError", str(e))
            except ValueError as e:
                print("ValueError", str(e))
    with open(name, "a+") as f:
        print(f.tell(), repr(f.read()))
        f.seek(0)
        print(repr(f.read()))
        f.write("++")
        print(f.tell())
        f.seek(0)
        print(repr(f.read()), f.tell())
    with open(name, "r") as f:
        try:
            f.truncate()
        except OSError as e:
            print("OSError on truncate")
        line = f.readline()
        print(repr(line), f.tell())
    try:
        with open(name, "x+") as f:
            print("created?")
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    f = open(name, "r")
    f.close()
    try:
        f.seek(0)
    except ValueError as e:
        print("ValueError", str(e))
    try:
        f.tell()
    except ValueError as e:
        print("ValueError", str(e))


def binary_files(name):
    with open(name, "wb+") as f:
        f.write(b"0123456789abcdef\n" * 4)
        print(f.tell(), f.seek(-5, 2), f.read(), f.tell())
        print(f.seek(3), f.read(4), f.tell())
        print(f.seek(2, 1), f.read(2), f.seek(-4, 1), f.read(1))
        print(f.readline(), f.tell())
        f.seek(10)
        f.write(b"WXYZ")
        print(f.tell(), f.read(3))
        f.seek(0)
        print(f.read(20))
        print(f.truncate(20), f.seek(0, 2))
        try:
            f.seek(-100, 1)
        except OSError as e:
            print("OSError", e.errno)
    with open(name, "rb+") as f:
        print(f.read(2), f.tell())
        f.write(b"!!")
        print(f.tell())
        f.seek(0)
        print(f.read())
        print(f.truncate(3), f.tell())
    with open(name, "ab+") as f:
        print(f.tell())
        f.write(b"tail")
        f.seek(0)
        print(f.read(), f.tell())
    with open(name, "r+b") as f:
        print(f.mode != "", f.readable(), f.writable())
        lines = f.readlines()
        print(lines, f.tell())


def main(argv):
    name = "sys_files_rw_test.tmp"
    text_files(name)
    binary_files(name)
    os.unlink(name)
    return 0


def target(driver, args):
    return main, None


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
