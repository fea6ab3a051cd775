"""bytes and bytearray operations written in RPython.

The translator calls these on the program's behalf (one copy per call site,
annotated with the types it gets there, annotator/bytes.cpp): iteration,
bytes()/bytearray() of an iterable, bytearray.extend(iterable), index,
startswith/endswith, strip, split, replace, upper/lower, the is*()
predicates and join. `b` is a bytes or a bytearray; a result "of b's type"
is what CPython returns (a bytearray for a bytearray). They compile to the
runtime's bytes primitives (indexing, slicing, find, append), which the JIT
sees as calls with declared effects. Messages are CPython 3's. Not for use
by programs."""

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
    return b[start:start + m] == prefix


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
    return b[start:start + m] == suffix


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
        if maxsplit == 0:
            j = n
            while j > i and _isspace(b[j - 1]):
                j -= 1
            r.append(b[i:j])
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
        if maxsplit == 0:
            i = 0
            while i < j and _isspace(b[i]):
                i += 1
            r.append(b[i:j])
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


def bytes_upper(b):
    n = len(b)
    r = bytearray(n)
    i = 0
    while i < n:
        c = b[i]
        r[i] = c - 32 if 97 <= c and c <= 122 else c
        i += 1
    if isinstance(b, bytearray):
        return r
    return bytes(r)


def bytes_lower(b):
    n = len(b)
    r = bytearray(n)
    i = 0
    while i < n:
        c = b[i]
        r[i] = c + 32 if 65 <= c and c <= 90 else c
        i += 1
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
