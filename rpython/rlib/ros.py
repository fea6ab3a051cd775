"""The result types of the os functions a translated program calls.

Untranslated, os.stat() returns CPython's own os.stat_result; translated,
it returns an instance of this class with the same attribute names (the
ones listed here; the toolchain fills them from the runtime's stat()).
"""


class stat_result(object):
    """What os.stat/os.lstat/os.fstat return in a translated program."""



# os.path functions whose CPython versions have no Python source to
# translate (posixpath is a frozen module): the same algorithms, for str.
# The translator substitutes them for os.path.splitext, split, normpath,
# abspath, relpath, commonprefix, splitdrive, normcase, lexists, getmtime,
# getatime and getctime (flowspace/flowbuilder.cpp, syslib_substitute).
import os

def path_splitext(p):
    sep = p.rfind("/")
    dot = p.rfind(".")
    if dot > sep:
        # Leading dots belong to the name: ".bashrc" has no extension.
        i = sep + 1
        while i < dot:
            if p[i] != ".":
                return p[:dot], p[dot:]
            i += 1
    return p, ""


def path_split(p):
    i = p.rfind("/") + 1
    head = p[:i]
    tail = p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def path_normpath(path):
    if path == "":
        return "."
    # POSIX keeps two leading slashes (they may mean something), not three.
    initial_slashes = 0
    if path.startswith("/"):
        initial_slashes = 1
        if path.startswith("//") and not path.startswith("///"):
            initial_slashes = 2
    comps = []
    for comp in path.split("/"):
        if comp == "" or comp == ".":
            continue
        if comp != ".." or (initial_slashes == 0 and len(comps) == 0) or (len(comps) > 0 and comps[-1] == ".."):
            comps.append(comp)
        elif len(comps) > 0:
            comps.pop()
    result = "/" * initial_slashes + "/".join(comps)
    if result == "":
        return "."
    return result


def path_abspath(path):
    if not path.startswith("/"):
        path = os.path.join(os.getcwd(), path)
    return path_normpath(path)


def _path_parts(path):
    parts = []
    for x in path_abspath(path).split("/"):
        if x != "":
            parts.append(x)
    return parts


def path_relpath(path, start=None):
    if path == "":
        raise ValueError("no path specified")
    if start is None:
        start = "."
    start_list = _path_parts(start)
    path_list = _path_parts(path)
    i = 0
    while i < len(start_list) and i < len(path_list) and start_list[i] == path_list[i]:
        i += 1
    rel = [".."] * (len(start_list) - i) + path_list[i:]
    if len(rel) == 0:
        return "."
    return "/".join(rel)


def path_commonprefix(m):
    if len(m) == 0:
        return ""
    s1 = min(m)
    s2 = max(m)
    i = 0
    while i < len(s1):
        if s1[i] != s2[i]:
            return s1[:i]
        i += 1
    return s1


def path_splitdrive(p):
    return "", p


def path_normcase(s):
    return s


def path_lexists(path):
    try:
        os.lstat(path)
    except OSError:
        return False
    return True


def path_getmtime(filename):
    return os.stat(filename).st_mtime


def path_getatime(filename):
    return os.stat(filename).st_atime


def path_getctime(filename):
    return os.stat(filename).st_ctime
