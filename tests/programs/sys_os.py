# The os module: files by descriptor (bytes in and out), OSError with its
# errno, subclass and CPython's message, stat, listdir, os.path, getenv.
import os


def show_error(what, e):
    print(what, "errno", e.errno, "->", str(e))


def main_files(n):
    name = "sys_os_test_" + str(n) + ".tmp"
    if os.path.exists(name):
        os.unlink(name)
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print("wrote", os.write(fd, b"hello\nworld\n"), os.write(fd, "caf\u00e9 \u2603\n".encode()))
    os.close(fd)
    print("exists", os.path.exists(name), "isfile", os.path.isfile(name), "isdir", os.path.isdir(name))
    st = os.stat(name)
    print("size", st.st_size, "is regular", (st.st_mode & 0o170000) == 0o100000, "mtime recent", st.st_mtime > 1.5e9)
    print("getsize", os.path.getsize(name))
    fd = os.open(name, os.O_RDONLY)
    print("fstat size", os.fstat(fd).st_size)
    data = os.read(fd, 5)
    print(data, len(data), data[0], data[-1], data == b"hello", data != b"hello", data < b"help")
    rest = os.read(fd, 100)
    print(rest)
    print(rest.decode(), end="")
    print(rest.decode("utf-8", "replace") == rest.decode(), b"world" in rest, 10 in rest)
    print("at end", os.read(fd, 10), os.read(fd, 10) == b"")
    print("seek", os.lseek(fd, 6, os.SEEK_SET), os.read(fd, 5), os.lseek(fd, -3, os.SEEK_END))
    print(os.read(fd, 10)[1:3], (data + b"!") * 2, data[1:4], data[::2])
    os.close(fd)
    fd = os.open(name, os.O_WRONLY | os.O_APPEND)
    os.write(fd, b"more\n")
    os.close(fd)
    print("size after append", os.stat(name).st_size)
    os.unlink(name)
    print("exists after unlink", os.path.exists(name))
    try:
        os.unlink(name)
    except FileNotFoundError as e:
        show_error("unlink again", e)
    try:
        os.open(name, os.O_RDONLY)
    except OSError as e:
        show_error("open missing", e)
    try:
        os.stat("no/such/dir/" + name)
    except OSError as e:
        show_error("stat missing", e)
    try:
        os.close(1000 + n)
    except OSError as e:
        show_error("close bad fd", e)
    try:
        os.read(1000 + n, 1)
    except OSError as e:
        show_error("read bad fd", e)
    try:
        fd = os.open(".", os.O_WRONLY)
    except IsADirectoryError as e:
        show_error("open dir for writing", e)


def main_dirs(n):
    d = "sys_os_dir_" + str(n)
    os.mkdir(d)
    try:
        os.mkdir(d)
    except FileExistsError as e:
        show_error("mkdir again", e)
    for k in range(3):
        fd = os.open(os.path.join(d, "f" + str(k)), os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
    names = os.listdir(d)
    total = 0
    has_f1 = False
    for nm in names:
        total += len(nm)
        if nm == "f1":
            has_f1 = True
    print("listdir", len(names), total, has_f1)
    print("isdir", os.path.isdir(d), os.path.isfile(d))
    try:
        os.rmdir(d)
    except OSError as e:
        show_error("rmdir non-empty", e)
    for nm in names:
        os.unlink(os.path.join(d, nm))
    os.rmdir(d)
    try:
        os.listdir(d)
    except OSError as e:
        show_error("listdir missing", e)
    try:
        os.rename(d, d + "x")
    except OSError as e:
        show_error("rename missing", e)


def main_path():
    for p in ["a/b", "/a/b/", "a", "/", "", "//x", "a//b/", "/usr/lib/x.so"]:
        print(repr(p), repr(os.path.basename(p)), repr(os.path.dirname(p)), os.path.isabs(p))
    print(os.path.join("a", "b"), os.path.join("a/", "b"), os.path.join("a", "/b"), os.path.join("", "b"),
          os.path.join("a", ""), os.path.join("a", "b", "c"), os.path.join("x"))


def entry_point(argv):
    n = len(argv)
    main_files(n)
    main_dirs(n)
    main_path()
    v = os.getenv("RPY_SURELY_UNSET_VARIABLE")
    print("unset is None", v is None)
    v = os.getenv("RPY_SURELY_UNSET_VARIABLE", "dflt")
    if v is not None:
        print("default", v)
    home = os.getenv("PATH")
    print("PATH set", home is not None)
    print("pid", os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
    print("isatty", os.isatty(1000 + n))
    r = os.urandom(16)
    r2 = os.urandom(16)
    print("urandom", len(r), r != r2, len(os.urandom(0)))
    print("strerror", os.strerror(2))
    print("cwd absolute", os.getcwd()[0] == "/")
    e = b"" + b""
    print("empty bytes is false", not e, bool(r))
    os.write(1, b"direct to fd 1\n")
    print("after the direct write")
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
