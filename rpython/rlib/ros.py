"""The result types of the os functions a translated program calls.

Untranslated, os.stat() returns CPython's own os.stat_result; translated,
it returns an instance of this class with the same attribute names (the
ones listed here; the toolchain fills them from the runtime's stat()).
"""


class stat_result(object):
    """What os.stat/os.lstat/os.fstat return in a translated program."""



# os.path functions whose CPython versions have no Python source to
# translate (posixpath is a frozen module): the same algorithms, for str.
# The translator substitutes them for os.path.splitext / os.path.split.

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
