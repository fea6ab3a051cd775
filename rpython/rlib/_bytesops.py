"""bytes and bytearray operations written in RPython.

The translator calls these on the program's behalf (one copy per call site,
annotated with the types it gets there, annotator/bytes.cpp): iteration,
bytes()/bytearray() of an iterable, bytearray.extend(iterable), index,
startswith/endswith, strip, split, replace, upper/lower, the is*()
predicates and join. `b` is a bytes or a bytearray; a result "of b's type"
is what CPython returns (a bytearray for a bytearray). They compile to the
runtime's bytes primitives (indexing, slicing, find, append), which the JIT
sees as calls with declared effects. Messages are CPython 3's. Not for use
by programs.

Only the function the translator calls is copied per call site: a plain
call from one helper to another shares the callee between bytes and
bytearray callers (a type conflict), so helpers reuse each other through
the methods (b.startswith(p), which the translator routes to a fresh copy)."""

from rpython.rlib.objectmodel import specialize
from rpython.rlib.unroll import unrolling_iterable

WHITESPACE = b" \t\n\r\x0b\x0c"


def bytes_iter(b):  # iter(b): by index, so it sees a bytearray's changes
    i = 0
    while i < len(b):
        yield b[i]
        i += 1


def bytes_from_iter(it):  # bytes(list_of_ints)
    r = bytearray()
    for x in it:
        if x < 0 or x > 255:
            raise ValueError("bytes must be in range(0, 256)")
        r.append(x)
    return bytes(r)


def bytearray_from_iter(it):  # bytearray(list_of_ints)
    r = bytearray()
    for x in it:
        r.append(x)
    return r


def bytearray_iadd(ba, other):  # ba += other, both bytearrays
    if ba is other and len(ba) > 0:
        raise BufferError("Existing exports of data: object cannot be re-sized")
    ba.extend(other)
    return ba


def bytearray_extend_iter(ba, it):
    # As CPython: the items are all checked before ba changes.
    tail = bytearray_from_iter(it)
    ba += tail


def bytes_index(b, sub, start, end):
    r = b.find(sub, start, end)
    if r < 0:
        raise ValueError("subsection not found")
    return r


def bytes_rindex(b, sub, start, end):
    r = b.rfind(sub, start, end)
    if r < 0:
        raise ValueError("subsection not found")
    return r


def _adjust_end(end, n):
    if end > n:
        return n
    if end < 0:
        end += n
        if end < 0:
            return 0
    return end


def _adjust_start(start, n):
    if start < 0:
        start += n
        if start < 0:
            return 0
    return start


def bytes_startswith(b, prefix, start, end):  # CPython's tailmatch
    n = len(b)
    m = len(prefix)
    end = _adjust_end(end, n)
    start = _adjust_start(start, n)
    if start > n - m or end - start < m:
        return False
    # a search in a window of exactly m bytes: one comparison, in place
    # (a slice b[start:start + m] would copy)
    return b.find(prefix, start, start + m) == start


def bytes_endswith(b, suffix, start, end):
    n = len(b)
    m = len(suffix)
    end = _adjust_end(end, n)
    start = _adjust_start(start, n)
    if end - start < m or start > n:
        return False
    if end - m > start:
        start = end - m
    if end - start < m:
        return False
    return b.find(suffix, start, start + m) == start


def bytes_strip(b, chars, mode):  # mode: 1 left, 2 right, 3 both
    if chars is None:
        cs = WHITESPACE
    else:
        cs = bytes(chars)
    i = 0
    j = len(b)
    if mode & 1:
        while i < j and b[i] in cs:
            i += 1
    if mode & 2:
        while j > i and b[j - 1] in cs:
            j -= 1
    return b[i:j]


def _isspace(c):
    return c == 32 or (9 <= c and c <= 13)


def bytes_split_ws(b, maxsplit):
    r = []
    n = len(b)
    i = 0
    while True:
        while i < n and _isspace(b[i]):
            i += 1
        if i == n:
            break
        if maxsplit == 0:  # the rest, trailing whitespace included
            r.append(b[i:n])
            break
        j = i
        while j < n and not _isspace(b[j]):
            j += 1
        r.append(b[i:j])
        maxsplit -= 1
        i = j
    return r


def bytes_split(b, sep, maxsplit):
    m = len(sep)
    if m == 0:
        raise ValueError("empty separator")
    r = []
    i = 0
    while maxsplit != 0:
        k = b.find(sep, i)
        if k < 0:
            break
        r.append(b[i:k])
        i = k + m
        maxsplit -= 1
    r.append(b[i:len(b)])
    return r


def bytes_rsplit_ws(b, maxsplit):
    r = []
    j = len(b)
    while True:
        while j > 0 and _isspace(b[j - 1]):
            j -= 1
        if j == 0:
            break
        if maxsplit == 0:  # the rest, leading whitespace included
            r.append(b[0:j])
            break
        i = j
        while i > 0 and not _isspace(b[i - 1]):
            i -= 1
        r.append(b[i:j])
        maxsplit -= 1
        j = i
    r.reverse()
    return r


def bytes_rsplit(b, sep, maxsplit):
    m = len(sep)
    if m == 0:
        raise ValueError("empty separator")
    r = []
    j = len(b)
    while maxsplit != 0:
        k = b.rfind(sep, 0, j)
        if k < 0:
            break
        r.append(b[k + m:j])
        j = k
        maxsplit -= 1
    r.append(b[0:j])
    r.reverse()
    return r


def bytes_replace(b, old, new, count):
    r = bytearray()
    n = len(b)
    m = len(old)
    if m == 0:  # new before every byte and at the end, count times at most
        i = 0
        while i <= n:
            if count == 0:
                r += b[i:n]
                break
            r += new
            count -= 1
            if i < n:
                r.append(b[i])
            i += 1
    else:
        i = 0
        while True:
            k = b.find(old, i) if count != 0 else -1
            if k < 0:
                r += b[i:n]
                break
            r += b[i:k]
            r += new
            i = k + m
            count -= 1
    if isinstance(b, bytearray):
        return r
    return bytes(r)




def _isdigit(c):
    return 48 <= c and c <= 57


def _islower(c):
    return 97 <= c and c <= 122


def _isupper(c):
    return 65 <= c and c <= 90


def bytes_isdigit(b):
    if len(b) == 0:
        return False
    for c in b:
        if not _isdigit(c):
            return False
    return True


def bytes_isalpha(b):
    if len(b) == 0:
        return False
    for c in b:
        if not (_islower(c) or _isupper(c)):
            return False
    return True


def bytes_isalnum(b):
    if len(b) == 0:
        return False
    for c in b:
        if not (_islower(c) or _isupper(c) or _isdigit(c)):
            return False
    return True


def bytes_isspace(b):
    if len(b) == 0:
        return False
    for c in b:
        if not _isspace(c):
            return False
    return True


def bytes_islower(b):
    cased = False
    for c in b:
        if _isupper(c):
            return False
        if _islower(c):
            cased = True
    return cased


def bytes_isupper(b):
    cased = False
    for c in b:
        if _islower(c):
            return False
        if _isupper(c):
            cased = True
    return cased


def bytes_join(sep, items):
    r = bytearray()
    first = True
    for x in items:
        if not first:
            r += sep
        r += x
        first = False
    if isinstance(sep, bytearray):
        return r
    return bytes(r)


def _byte1(v):  # bytes([v]), with CPython's message for a bad byte
    if v < 0 or v > 255:
        raise ValueError("byte must be in range(0, 256)")
    r = bytearray(1)
    r[0] = v
    return r


# b.find(65) and friends: an int searches for that byte.
def bytes_find_int(b, v, start, end):
    return b.find(_byte1(v), start, end)


def bytes_rfind_int(b, v, start, end):
    return b.rfind(_byte1(v), start, end)


def bytes_count_int(b, v, start, end):
    return b.count(_byte1(v), start, end)


# A tuple of prefixes: its items are reached by constant indexes, the loop
# unrolled and cut at the tuple's length (a constant); the annotator limits
# the tuple's size to this.
_TUPLE_INDEXES = unrolling_iterable(range(64))


@specialize.argtype(0, 1)
def _affix_tuple(b, affixes, start, end, at_end):
    n = len(affixes)
    for i in _TUPLE_INDEXES:
        if i < n:
            if at_end:
                if b.endswith(affixes[i], start, end):
                    return True
            elif b.startswith(affixes[i], start, end):
                return True
    return False


def bytes_startswith_tuple(b, prefixes, start, end):
    return _affix_tuple(b, prefixes, start, end, False)


def bytes_endswith_tuple(b, suffixes, start, end):
    return _affix_tuple(b, suffixes, start, end, True)


# str shares the loop: _affix_tuple is specialized per argument type.
def str_startswith_tuple(s, prefixes, start, end):
    return _affix_tuple(s, prefixes, start, end, False)


def str_endswith_tuple(s, suffixes, start, end):
    return _affix_tuple(s, suffixes, start, end, True)


def bytes_splitlines(b, keepends):  # only \n, \r and \r\n end a line
    r = []
    n = len(b)
    i = 0
    while i < n:
        j = i
        while j < n and b[j] != 10 and b[j] != 13:
            j += 1
        eol = j
        if j < n:
            if b[j] == 13 and j + 1 < n and b[j + 1] == 10:
                j += 2
            else:
                j += 1
            if keepends:
                eol = j
        r.append(b[i:eol])
        i = j
    return r


def bytes_partition(b, sep):
    m = len(sep)
    if m == 0:
        raise ValueError("empty separator")
    n = len(b)
    k = b.find(sep)
    if k < 0:
        return (b[0:n], b[0:0], b[0:0])
    # the middle is sep's bytes, of b's type
    return (b[0:k], b[k:k + m], b[k + m:n])


def bytes_rpartition(b, sep):
    m = len(sep)
    if m == 0:
        raise ValueError("empty separator")
    n = len(b)
    k = b.rfind(sep)
    if k < 0:
        return (b[0:0], b[0:0], b[0:n])
    return (b[0:k], b[k:k + m], b[k + m:n])


_PAD_NAMES = ["ljust", "rjust", "center"]


def bytes_pad(b, width, fill, mode):  # mode: 0 ljust, 1 rjust, 2 center
    c = 32
    if fill is not None:
        if len(fill) != 1:
            tn = "bytearray" if isinstance(fill, bytearray) else "bytes"
            raise TypeError(_PAD_NAMES[mode] + "() argument 2 must be a byte string of length 1, not " + tn)
        c = fill[0]
    n = len(b)
    if width <= n:
        return b[0:n]
    marg = width - n
    if mode == 0:
        left = 0
    elif mode == 1:
        left = marg
    else:  # CPython's rounding: the odd byte goes left when width is odd
        left = marg // 2 + (marg & width & 1)
    r = bytearray(width)
    i = 0
    while i < left:
        r[i] = c
        i += 1
    j = 0
    while j < n:
        r[i] = b[j]
        i += 1
        j += 1
    while i < width:
        r[i] = c
        i += 1
    if isinstance(b, bytearray):
        return r
    return bytes(r)


def bytes_zfill(b, width):
    n = len(b)
    if width <= n:
        return b[0:n]
    fill = width - n
    r = bytearray(width)
    i = 0
    while i < fill:
        r[i] = 48
        i += 1
    j = 0
    while j < n:
        r[i] = b[j]
        i += 1
        j += 1
    if n > 0 and (r[fill] == 43 or r[fill] == 45):  # the sign moves in front
        r[0] = r[fill]
        r[fill] = 48
    if isinstance(b, bytearray):
        return r
    return bytes(r)


def bytes_removeprefix(b, prefix):
    n = len(b)
    if b.startswith(prefix):
        return b[len(prefix):n]
    return b[0:n]


def bytes_removesuffix(b, suffix):
    n = len(b)
    m = len(suffix)
    if m > 0 and b.endswith(suffix):
        return b[0:n - m]
    return b[0:n]


def bytes_expandtabs(b, tabsize):
    r = bytearray()
    col = 0
    for c in b:
        if c == 9:
            if tabsize > 0:
                k = tabsize - col % tabsize
                col += k
                while k > 0:
                    r.append(32)
                    k -= 1
        else:
            r.append(c)
            col += 1
            if c == 10 or c == 13:
                col = 0
    if isinstance(b, bytearray):
        return r
    return bytes(r)





def bytes_isascii(b):
    for c in b:
        if c >= 128:
            return False
    return True


def bytes_istitle(b):
    cased = False
    prev_cased = False
    for c in b:
        if _isupper(c):
            if prev_cased:
                return False
            prev_cased = True
            cased = True
        elif _islower(c):
            if not prev_cased:
                return False
            prev_cased = True
            cased = True
        else:
            prev_cased = False
    return cased


def bytes_translate(b, table, delete):
    if table is not None and len(table) != 256:
        raise ValueError("translation table must be 256 characters long")
    dropped = bytearray(256)
    if delete is not None:
        for c in delete:
            dropped[c] = 1
    r = bytearray()
    for c in b:
        if dropped[c]:
            continue
        if table is None:
            r.append(c)
        else:
            r.append(table[c])
    if isinstance(b, bytearray):
        return r
    return bytes(r)


def bytes_maketrans(frm, to):  # bytes.maketrans and bytearray.maketrans: a bytes
    n = len(frm)
    if n != len(to):
        raise ValueError("maketrans arguments must have same length")
    r = bytearray(256)
    i = 0
    while i < 256:
        r[i] = i
        i += 1
    i = 0
    while i < n:
        r[frm[i]] = to[i]
        i += 1
    return bytes(r)


def bytes_hex_sep(b, sep, per):  # b.hex(sep, bytes_per_sep)
    if len(sep) != 1:
        raise ValueError("sep must be length 1.")
    if isinstance(sep, str):
        c = ord(sep)
    else:
        c = sep[0]
    if c > 127:
        raise ValueError("sep must be ASCII.")
    h = b.hex()
    n = len(b)
    if per == 0 or n == 0:
        return h
    k = per if per > 0 else -per
    parts = []
    i = 0
    if per > 0:  # groups counted from the right: the short one comes first
        first = n % k
        if first == 0:
            first = k
        if first > n:
            first = n
        parts.append(h[0:2 * first])
        i = first
    while i < n:
        j = i + k
        if j > n:
            j = n
        parts.append(h[2 * i:2 * j])
        i = j
    return chr(c).join(parts)


_UPPER, _LOWER, _SWAPCASE, _CAPITALIZE, _TITLE = range(5)


@specialize.argtype(0)
def _case_map(b, how):
    # One loop for the five ASCII case maps, of bytes or of a bytearray (a
    # version per type: the result has the argument's type). A cased byte
    # ends up upper case iff want_upper.
    n = len(b)
    r = bytearray(n)
    prev_cased = False
    i = 0
    while i < n:
        c = b[i]
        lower = _islower(c)
        upper = _isupper(c)
        if how == _UPPER:
            want_upper = True
        elif how == _LOWER:
            want_upper = False
        elif how == _SWAPCASE:
            want_upper = lower
        elif how == _CAPITALIZE:
            want_upper = i == 0
        else:  # title: a cased byte after a cased byte is lowered, else raised
            want_upper = not prev_cased
        if lower and want_upper:
            c -= 32
        elif upper and not want_upper:
            c += 32
        prev_cased = lower or upper
        r[i] = c
        i += 1
    if isinstance(b, bytearray):
        return r
    return bytes(r)


def bytes_upper(b):
    return _case_map(b, _UPPER)


def bytes_lower(b):
    return _case_map(b, _LOWER)


def bytes_swapcase(b):
    return _case_map(b, _SWAPCASE)


def bytes_capitalize(b):
    return _case_map(b, _CAPITALIZE)


def bytes_title(b):
    return _case_map(b, _TITLE)
