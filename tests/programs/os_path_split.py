# os.path.splitext and os.path.split (posixpath's, a frozen module without
# Python source: the translator substitutes rpython.rlib.ros's versions).
import os.path
import sys


def entry_point(argv):
    for p in ["a/b.tar.gz", ".bashrc", "a/.b.c", "a.", "/", "//x//y", "x", "", "a/b/", "...", "a/..b",
              "/a.b/c", "dir.x/file", "///a", "caf\u00e9/\u00e9t\u00e9.txt"]:
        root, ext = os.path.splitext(p)
        head, tail = os.path.split(p)
        print(repr(p), repr(root), repr(ext), repr(head), repr(tail))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
