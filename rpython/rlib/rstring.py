"""String builders: PyPy's rpython.rlib.rstring.StringBuilder/UnicodeBuilder.

    b = StringBuilder(init_size=...)   # the size is a hint, ignored
    b.append(s); b.append_slice(s, start, end); b.append_multiple_char(c, n)
    b.getlength()  -> the length so far (code points)
    b.build()      -> the str; the builder stays usable

str is Unicode text in RPython-3, so both builders build str. Written in
RPython: pieces go to a list and build() joins them in one allocation (the
runtime's str.join measures, allocates once and copies), then keeps the
result as the only piece, so appending after build() and building again
stays linear in the total length.
"""


class StringBuilder(object):
    def __init__(self, init_size=100):
        self._pieces = []
        self._length = 0

    def append(self, s):
        self._pieces.append(s)
        self._length += len(s)

    def append_slice(self, s, start, end):
        """s[start:end], with 0 <= start <= end <= len(s)."""
        assert 0 <= start <= end <= len(s)
        piece = s[start:end]
        self._pieces.append(piece)
        self._length += len(piece)

    def append_multiple_char(self, c, times):
        if times > 0:
            self._pieces.append(c * times)
            self._length += len(c) * times

    def append_charpsize(self, s, size):
        self.append_slice(s, 0, size)

    def getlength(self):
        return self._length

    def build(self):
        if len(self._pieces) == 1:
            return self._pieces[0]
        result = "".join(self._pieces)
        self._pieces = [result]
        return result


class UnicodeBuilder(StringBuilder):
    pass
