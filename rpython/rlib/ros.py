"""The result types of the os functions a translated program calls.

Untranslated, os.stat() returns CPython's own os.stat_result; translated,
it returns an instance of this class with the same attribute names (the
ones listed here; the toolchain fills them from the runtime's stat()).
"""


class stat_result(object):
    """What os.stat/os.lstat/os.fstat return in a translated program."""

