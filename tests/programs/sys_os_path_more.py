# os.path functions the translator substitutes (normpath, abspath, relpath,
# commonprefix, lexists, getmtime...), files in a temp dir, print() with
# sep/end/file/flush, sys.float_info and sys.version_info fields.
import os
import sys


def entry_point(argv):
    n = len(argv)
    base = "/tmp/rpy_test_os_path_more_" + str(os.getpid())
    if os.path.isdir(base):
        for nm in os.listdir(base):
            os.unlink(os.path.join(base, nm))
        os.rmdir(base)
    os.mkdir(base)
    for nm in ["b.txt", "a.txt", "c.dat"]:
        with open(os.path.join(base, nm), "w") as f:
            print(f.write("x" * len(nm)), file=sys.stderr)
    names = sorted(os.listdir(base))
    print(names)
    for nm in names:
        st = os.stat(os.path.join(base, nm))
        print(nm, st.st_size, st.st_mode & 0o170000 == 0o100000, os.path.splitext(nm))
    for p in ["a/./b/../c", "/a//b/", "", ".", "..", "../..", "/..", "a/..", "//a", "///a", "a/b/c/../../..", "./x/"]:
        print(repr(p), repr(os.path.normpath(p)))
    for a, b in [("/a/b/c", "/a"), ("/a", "/a/b/c"), ("x/y", "x"), ("x", "x"), ("/", "/usr"), ("a/../b", "c/./d")]:
        print(repr(os.path.relpath(a, b)), end=" ")
    print(os.path.relpath(base + "/x/y", base), os.path.relpath(base) == os.path.relpath(base, "."))
    try:
        os.path.relpath("")
    except ValueError as e:
        print("ValueError", e)
    print(repr(os.path.commonprefix(["/usr/lib", "/usr/local", "/usr/li"])), repr(os.path.commonprefix([])), repr(os.path.commonprefix(["abc"])))
    print(os.path.splitdrive("/a/b"), os.path.normcase("/A/b"), os.path.lexists(base), os.path.lexists(base + "/nope"))
    print(os.path.getmtime(base) > 1e9, os.path.getatime(base) > 1e9, os.path.getctime(base) > 1e9)
    old = os.getcwd()
    os.chdir(base)
    print(os.getcwd() == base, os.path.abspath("a.txt") == base + "/a.txt", os.path.abspath(".") == base, os.path.abspath("/x/../y"))
    os.chdir(old)
    try:
        os.unlink(os.path.join(base, "missing"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    try:
        os.unlink("x")
    except OSError as e:
        print(e)
    try:
        open("no_such_file_here")
    except OSError as e:
        print(e)
    try:
        open(base)
    except OSError as e:
        print(isinstance(e, IsADirectoryError), e.errno, str(e) == "[Errno 21] Is a directory: '" + base + "'")
    with open(base + "/lines.txt", "w") as f:
        print(f.write("one\ntwo\n\nthree"), f.write(""))
    with open(base + "/lines.txt") as f:
        for line in f:
            print(repr(line))
    with open(base + "/lines.txt") as f:
        print(f.readlines())
    with open(base + "/lines.txt") as f:
        print(repr(f.read(2)), repr(f.readline()), repr(f.readline()), repr(f.read()), repr(f.read()), repr(f.readline()))
    with open(base + "/lines.txt", "a") as f:
        f.write("\nfour")
    with open(base + "/lines.txt", "rb") as f:
        data = f.read()
        print(data, len(data), data.split(b"\n"))
    with open(base + "/lines.txt", "rb") as f:
        print(f.readline(), f.read(3), f.readlines())
    with open(base + "/bin", "wb") as f:
        print(f.write(b"\x00\xff\n"))
    with open(base + "/bin", "rb") as f:
        print(f.read())
    fd = os.open(base + "/fd", os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
    print(os.write(fd, b"hello world"), os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, 6, os.SEEK_SET), os.read(fd, 100), os.lseek(fd, -5, 2))
    os.close(fd)
    try:
        os.open(base + "/fd", os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError as e:
        print("FileExistsError", e.errno, str(e).replace(base, "BASE"))
    print(os.path.exists(base + "/fd"), os.path.isfile(base), os.path.isdir(base + "/fd"), os.path.getsize(base + "/fd"))
    print(os.path.basename(base + "/x.y"), os.path.dirname("/a/b/c"), os.path.split("/a/b"), os.path.splitext("/a.b/c"))
    print(os.path.join("/a", "b", "/c", "d"), os.path.join("a", ""), os.sep, os.linesep == "\n", os.curdir, os.pardir)
    for nm in os.listdir(base):
        os.unlink(os.path.join(base, nm))
    os.rmdir(base)
    print(os.path.exists(base))
    print("a", "b", sep="-", end="!\n")
    print("x", 1, 2.0, None, sep="", end="")
    print()
    print(file=sys.stdout)
    print("err", 1, sep=":", file=sys.stderr, flush=True)
    print(sys.maxsize, -sys.maxsize - 1, sys.maxsize + 0 == 2 ** 63 - 1)
    print(sys.byteorder, sys.platform, sys.version_info[0], sys.float_info.max, sys.float_info.epsilon)
    print(sys.version_info[:2] >= (3, 8), sys.version_info.major, sys.float_info.dig, sys.float_info.mant_dig)
    sys.stdout.write("w\n")
    print(sys.stdout.write("abc\n"))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
