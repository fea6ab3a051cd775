"""List operations and the iteration builtins, written in RPython.

The translator calls these on the program's behalf (one copy per call site,
annotated with the types it gets there): `a + b`, `l * n`, `x in l`, list
comparisons, slicing, `del l[i]`, list.insert/pop(i)/reverse/extend/remove/
index/count/copy/clear, list(), sum(), min()/max() of an iterable, any(), all(), reversed(),
enumerate(), zip(), next(it, default), range objects, `a, *rest = l`. They
compile to ordinary low-level operations (getfield, getarrayitem,
setarrayitem), so the JIT sees through them (SPEC rule 1). Messages are
CPython 3's. Not for use by programs."""

from rpython.rlib.objectmodel import specialize
from rpython.rlib.unroll import unrolling_iterable

MAXINDEX = 9223372036854775807


# ---- building lists ---------------------------------------------------------

@specialize.argtype(0)
def list_of(it):
    r = []
    if isinstance(it, str):
        i = 0
        n = len(it)
        while i < n:
            r.append(it[i])
            i += 1
    else:
        for x in it:
            r.append(x)
    return r


def list_empty():  # list()
    return []


def list_new(it):  # list(it)
    return list_of(it)


def list_copy(l):  # l.copy(), l[:]
    r = []
    for x in l:
        r.append(x)
    return r


def list_add(a, b):  # a + b
    r = []
    for x in a:
        r.append(x)
    for x in b:
        r.append(x)
    return r


def list_mul(l, n):  # l * n, n * l
    r = []
    k = len(l)
    while n > 0:
        # Index loop: the items are read from l, which r does not alias.
        i = 0
        while i < k:
            r.append(l[i])
            i += 1
        n -= 1
    return r


@specialize.argtype(0)
def _clear(l):
    while len(l) > 0:
        l.pop()


def list_clear(l):
    _clear(l)


@specialize.argtype(0, 1)
def _extend(l, it):
    if isinstance(it, list):
        # len() first: l.extend(l) doubles l once, as in CPython.
        n = len(it)
        i = 0
        while i < n:
            l.append(it[i])
            i += 1
    elif isinstance(it, str):
        i = 0
        n = len(it)
        while i < n:
            l.append(it[i])
            i += 1
    else:
        for x in it:
            l.append(x)


def list_extend(l, it):  # l.extend(it)
    _extend(l, it)


def list_iadd(l, it):  # l += it
    _extend(l, it)
    return l


def list_imul(l, n):  # l *= n
    if n <= 0:
        _clear(l)
        return l
    k = len(l)
    while n > 1:
        i = 0
        while i < k:
            l.append(l[i])
            i += 1
        n -= 1
    return l


# ---- searching --------------------------------------------------------------

def list_contains(l, x):  # x in l
    for y in l:
        if y == x:
            return True
    return False


def list_count(l, x):
    n = 0
    for y in l:
        if y == x:
            n += 1
    return n


@specialize.argtype(0)
def _bounds(n, start, stop):
    if start < 0:
        start += n
        if start < 0:
            start = 0
    if stop < 0:
        stop += n
        if stop < 0:
            stop = 0
    if stop > n:
        stop = n
    return start, stop


@specialize.argtype(0, 1)
def _index(l, x, start, stop):
    i, stop = _bounds(len(l), start, stop)
    while i < stop and i < len(l):
        if l[i] == x:
            return i
        i += 1
    return -1


def list_index(l, x, start, stop):  # l.index(x[, start[, stop]])
    i = _index(l, x, start, stop)
    if i < 0:
        raise ValueError(repr(x) + " is not in list")
    return i


def list_index_norepr(l, x, start, stop):  # the same, x without an exact repr
    i = _index(l, x, start, stop)
    if i < 0:
        raise ValueError("value is not in list")
    return i


def list_remove(l, x):
    i = 0
    while i < len(l):
        if l[i] == x:
            l.pop(i)
            return
        i += 1
    raise ValueError("list.remove(x): x not in list")


# insert, pop(i) and reverse move items one by one: the loops are
# getarrayitem/setarrayitem the JIT can see (and unroll on short lists);
# only the growth in append is a runtime call.
def list_insert(l, i, x):  # l.insert(i, x)
    n = len(l)
    if i < 0:
        i += n
        if i < 0:
            i = 0
    elif i > n:
        i = n
    l.append(x)
    j = n
    while j > i:
        l[j] = l[j - 1]
        j -= 1
    l[i] = x


def list_pop(l, i):  # l.pop(i)
    n = len(l)
    if n == 0:
        raise IndexError("pop from empty list")
    if i < 0:
        i += n
    if i < 0 or i >= n:
        raise IndexError("pop index out of range")
    x = l[i]
    while i < n - 1:
        l[i] = l[i + 1]
        i += 1
    l.pop()
    return x


def list_reverse(l):  # l.reverse()
    i = 0
    j = len(l) - 1
    while i < j:
        x = l[i]
        l[i] = l[j]
        l[j] = x
        i += 1
        j -= 1


def list_delitem(l, i):  # del l[i]
    n = len(l)
    if i < 0:
        i += n
    if i < 0 or i >= n:
        raise IndexError("list assignment index out of range")
    l.pop(i)


# t.count(x), t.index(x): a tuple's items may differ in type, so the loop is
# unrolled over its constant indexes (cut at its length, a constant).
_TUPLE_INDEXES = unrolling_iterable(range(64))


def tuple_count(t, x):
    n = 0
    for i in _TUPLE_INDEXES:
        if i < len(t):
            if t[i] == x:
                n += 1
    return n


def tuple_index(t, x):
    for i in _TUPLE_INDEXES:
        if i < len(t):
            if t[i] == x:
                return i
    raise ValueError("tuple.index(x): x not in tuple")


# ---- comparisons ------------------------------------------------------------

@specialize.argtype(0, 1)
def _first_diff(a, b):
    n = min(len(a), len(b))
    i = 0
    while i < n:
        if not (a[i] == b[i]):
            return i
        i += 1
    return n


def list_eq(a, b):
    if len(a) != len(b):
        return False
    return _first_diff(a, b) == len(a)


def list_ne(a, b):
    if len(a) != len(b):
        return True
    return _first_diff(a, b) != len(a)


# As CPython: the first items that differ decide, with the operator itself;
# when one list is a prefix of the other, the lengths do.
def list_lt(a, b):
    i = _first_diff(a, b)
    if i >= len(a) or i >= len(b):
        return len(a) < len(b)
    return a[i] < b[i]


def list_le(a, b):
    i = _first_diff(a, b)
    if i >= len(a) or i >= len(b):
        return len(a) <= len(b)
    return a[i] <= b[i]


def list_gt(a, b):
    i = _first_diff(a, b)
    if i >= len(a) or i >= len(b):
        return len(a) > len(b)
    return a[i] > b[i]


def list_ge(a, b):
    i = _first_diff(a, b)
    if i >= len(a) or i >= len(b):
        return len(a) >= len(b)
    return a[i] >= b[i]


# ---- slices -----------------------------------------------------------------

# CPython's PySlice_AdjustIndices, on indexes already made ints (None is
# given as the constants below by the translator).
@specialize.argtype(0)
def _slice_indices(n, start, stop, step, has_start, has_stop):
    if step == 0:
        raise ValueError("slice step cannot be zero")
    if not has_start:
        start = n - 1 if step < 0 else 0
    elif start < 0:
        start += n
        if start < 0:
            start = -1 if step < 0 else 0
    elif start >= n:
        start = n - 1 if step < 0 else n
    if not has_stop:
        stop = -1 if step < 0 else n
    elif stop < 0:
        stop += n
        if stop < 0:
            stop = -1 if step < 0 else 0
    elif stop >= n:
        stop = n - 1 if step < 0 else n
    if step < 0:
        count = (start - stop - 1) // (-step) + 1 if stop < start else 0
    else:
        count = (stop - start - 1) // step + 1 if start < stop else 0
    return start, count


def list_getslice(l, start, stop, step, has_start, has_stop):  # l[a:b:c]
    start, count = _slice_indices(len(l), start, stop, step, has_start, has_stop)
    r = []
    i = 0
    while i < count:
        r.append(l[start + i * step])
        i += 1
    return r


def list_setslice(l, start, stop, step, has_start, has_stop, it):  # l[a:b:c] = it
    # The new items first: `l[:] = l` reads l before it changes.
    items = list_of(it)
    n = len(l)
    start, count = _slice_indices(n, start, stop, step, has_start, has_stop)
    if step != 1:
        if len(items) != count:
            raise ValueError("attempt to assign sequence of size " + str(len(items)) +
                             " to extended slice of size " + str(count))
        i = 0
        while i < count:
            l[start + i * step] = items[i]
            i += 1
        return
    # A contiguous slice: l[start:start+count] becomes items (of any length).
    m = len(items)
    tail = n - start - count
    if m > count:
        grow = m - count
        # Room at the end (filled with copies of the items, overwritten
        # below), then the tail moves right.
        i = 0
        while i < grow:
            l.append(items[0])
            i += 1
        i = tail - 1
        while i >= 0:
            l[start + m + i] = l[start + count + i]
            i -= 1
    elif m < count:
        i = 0
        while i < tail:
            l[start + m + i] = l[start + count + i]
            i += 1
        k = count - m
        while k > 0:
            l.pop()
            k -= 1
    i = 0
    while i < m:
        l[start + i] = items[i]
        i += 1


def list_delslice(l, start, stop, step, has_start, has_stop):  # del l[a:b:c]
    n = len(l)
    start, count = _slice_indices(n, start, stop, step, has_start, has_stop)
    if count == 0:
        return
    if step < 0:
        # The same items, walked upwards.
        start = start + (count - 1) * step
        step = -step
    # Keep every item not at start + k*step (k < count), in order.
    w = start
    r = start
    k = 0
    while r < n:
        if k < count and r == start + k * step:
            k += 1
        else:
            l[w] = l[r]
            w += 1
        r += 1
    while len(l) > w:
        l.pop()


# ---- reductions -------------------------------------------------------------

def iter_sum(it, start):  # sum(it[, start])
    total = start
    for x in it:
        total = total + x
    return total


def iter_any(it):
    for x in it:
        if x:
            return True
    return False


def iter_all(it):
    for x in it:
        if not x:
            return False
    return True


# Only `<` is used, as CPython does for a class that defines __lt__ alone
# (max's `item > best` becomes best.__lt__(item) there): the first of equal
# items wins.
def iter_min(it, key, what):
    it = iter(it)
    try:
        best = next(it)
    except StopIteration:
        if what == 0:
            raise ValueError("min() arg is an empty sequence")
        raise ValueError("max() arg is an empty sequence")
    if key is None:
        bestkey = best
    else:
        bestkey = key(best)
    while True:
        try:
            x = next(it)
        except StopIteration:
            break
        if key is None:
            k = x
        else:
            k = key(x)
        if what == 0:
            if k < bestkey:
                best = x
                bestkey = k
        else:
            if bestkey < k:
                best = x
                bestkey = k
    return best


def iter_min_default(it, key, what, default):  # min()/max() with default=
    it = iter(it)
    try:
        best = next(it)
    except StopIteration:
        return default
    if key is None:
        bestkey = best
    else:
        bestkey = key(best)
    while True:
        try:
            x = next(it)
        except StopIteration:
            break
        if key is None:
            k = x
        else:
            k = key(x)
        if what == 0:
            if k < bestkey:
                best = x
                bestkey = k
        else:
            if bestkey < k:
                best = x
                bestkey = k
    return best


# ---- next() with a default, range objects -----------------------------------

def next_default(it, default):
    try:
        return next(it)
    except StopIteration:
        return default


class RangeIter(object):
    def __init__(self, cur, step, left):
        self.cur = cur
        self.step = step
        self.left = left

    def __iter__(self):
        return self

    def __next__(self):
        if self.left <= 0:
            raise StopIteration
        x = self.cur
        self.cur = x + self.step
        self.left -= 1
        return x


class StrIter(object):
    # Strings are immutable, so the iterator holds the string and an index;
    # sequential indexing of non-ASCII text is amortized O(1) through the
    # runtime's index cache.
    def __init__(self, s):
        self.s = s
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        i = self.i
        if i >= len(self.s):
            raise StopIteration
        self.i = i + 1
        return self.s[i]


def str_iter(s):
    return StrIter(s)


class Range(object):
    # range objects used as values (a `for` loop directly over range() is a
    # counting loop and makes none).
    def __init__(self, start, stop, step):
        if step == 0:
            raise ValueError("range() arg 3 must not be zero")
        self.start = start
        self.stop = stop
        self.step = step
        if step > 0:
            self.length = (stop - start - 1) // step + 1 if start < stop else 0
        else:
            self.length = (start - stop - 1) // (-step) + 1 if stop < start else 0

    def __len__(self):
        return self.length

    def __iter__(self):
        return RangeIter(self.start, self.step, self.length)

    def __contains__(self, x):
        if self.step > 0:
            if x < self.start or x >= self.stop:
                return False
        else:
            if x > self.start or x <= self.stop:
                return False
        return (x - self.start) % self.step == 0

    def __getitem__(self, i):
        if i < 0:
            i += self.length
        if i < 0 or i >= self.length:
            raise IndexError("range object index out of range")
        return self.start + i * self.step

    def __repr__(self):
        if self.step == 1:
            return "range(" + str(self.start) + ", " + str(self.stop) + ")"
        return "range(" + str(self.start) + ", " + str(self.stop) + ", " + str(self.step) + ")"


def range_new(start, stop, step):
    return Range(start, stop, step)


# ---- iterator objects: one class per call site -------------------------------

# The classes made so far, by factory and site: the annotator may evaluate a
# memo call more than once.
_CLASSES = {}
# Their attributes hold what that site iterates, so each site gets a class of
# its own, made at translation time (specialize.memo on the site's number).

@specialize.memo()
def _enumerate_class(site):
    if ('_enumerate_class', site) in _CLASSES:
        return _CLASSES[('_enumerate_class', site)]
    class enumerate_(object):
        def __init__(self, it, i):
            self.it = it
            self.i = i

        def __iter__(self):
            return self

        def __next__(self):
            x = next(self.it)
            i = self.i
            self.i = i + 1
            return (i, x)
    enumerate_.__qualname__ = "enumerate%d" % len(_CLASSES)
    _CLASSES[("_enumerate_class", site)] = enumerate_
    return enumerate_


@specialize.memo()
def _zip2_class(site):
    if ('_zip2_class', site) in _CLASSES:
        return _CLASSES[('_zip2_class', site)]
    class zip_(object):
        def __init__(self, a, b):
            self.a = a
            self.b = b

        def __iter__(self):
            return self

        def __next__(self):
            x = next(self.a)
            y = next(self.b)
            return (x, y)
    zip_.__qualname__ = "zip%d" % len(_CLASSES)
    _CLASSES[("_zip2_class", site)] = zip_
    return zip_


@specialize.memo()
def _zip3_class(site):
    if ('_zip3_class', site) in _CLASSES:
        return _CLASSES[('_zip3_class', site)]
    class zip_(object):
        def __init__(self, a, b, c):
            self.a = a
            self.b = b
            self.c = c

        def __iter__(self):
            return self

        def __next__(self):
            x = next(self.a)
            y = next(self.b)
            z = next(self.c)
            return (x, y, z)
    zip_.__qualname__ = "zip%d" % len(_CLASSES)
    _CLASSES[("_zip3_class", site)] = zip_
    return zip_


@specialize.memo()
def _reversed_class(site):
    if ('_reversed_class', site) in _CLASSES:
        return _CLASSES[('_reversed_class', site)]
    class reversed_(object):
        def __init__(self, seq):
            self.seq = seq
            self.i = len(seq) - 1

        def __iter__(self):
            return self

        def __next__(self):
            i = self.i
            # As CPython's list_reverseiterator: an index past a list that
            # shrank ends the iteration.
            if i < 0 or i >= len(self.seq):
                self.i = -1
                raise StopIteration
            self.i = i - 1
            return self.seq[i]
    reversed_.__qualname__ = "reversed%d" % len(_CLASSES)
    _CLASSES[("_reversed_class", site)] = reversed_
    return reversed_


@specialize.argtype(0)
def _iter_of(it):
    if isinstance(it, str):
        return StrIter(it)
    return iter(it)


def enumerate_new(site, it, start):
    return _enumerate_class(site)(_iter_of(it), start)


def zip2_new(site, a, b):
    return _zip2_class(site)(_iter_of(a), _iter_of(b))


def zip3_new(site, a, b, c):
    return _zip3_class(site)(_iter_of(a), _iter_of(b), _iter_of(c))


def reversed_new(site, seq):
    return _reversed_class(site)(seq)


def unpack_star(l, before, after):  # a, *mid, b = l: mid (l is a list, str or bytes)
    n = len(l)
    if n < before + after:
        raise ValueError("not enough values to unpack (expected at least " + str(before + after) + ", got " +
                         str(n) + ")")
    r = []
    i = before
    while i < n - after:
        r.append(l[i])
        i += 1
    return r


def unpack_check(l, n):  # a, b = l: exactly n items (l is a list, str or bytes)
    m = len(l)
    if m > n:
        raise ValueError("too many values to unpack (expected " + str(n) + ")")
    if m < n:
        raise ValueError("not enough values to unpack (expected " + str(n) + ", got " + str(m) + ")")
