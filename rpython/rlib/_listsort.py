"""list.sort() and sorted(): a stable merge sort written in RPython.

The translator calls list_sort/sorted_new on the program's behalf (one copy
per call site). Only `<` compares items (or their keys), as in CPython, so
a class with __lt__ sorts; equal items keep their order, and reverse=True
reverses, sorts and reverses back, which keeps equal items in their order
as CPython's does. Not for use by programs."""

from rpython.rlib.objectmodel import specialize
from rpython.rlib._listops import list_of

# Runs this short are sorted by insertion before merging.
RUN = 16


@specialize.argtype(0)
def _insertion(a, lo, hi):
    i = lo + 1
    while i < hi:
        x = a[i]
        j = i
        while j > lo and x < a[j - 1]:
            a[j] = a[j - 1]
            j -= 1
        a[j] = x
        i += 1


@specialize.argtype(0, 1)
def _merge(src, dst, lo, mid, hi):
    i = lo
    j = mid
    k = lo
    while i < mid and j < hi:
        # Strictly less: on a tie the left run's item goes first (stable).
        if src[j] < src[i]:
            dst[k] = src[j]
            j += 1
        else:
            dst[k] = src[i]
            i += 1
        k += 1
    while i < mid:
        dst[k] = src[i]
        i += 1
        k += 1
    while j < hi:
        dst[k] = src[j]
        j += 1
        k += 1


@specialize.argtype(0)
def _msort(a):
    n = len(a)
    lo = 0
    while lo < n:
        _insertion(a, lo, min(lo + RUN, n))
        lo += RUN
    if n <= RUN:
        return
    tmp = list_of(a)
    src = a
    dst = tmp
    in_tmp = False
    width = RUN
    while width < n:
        lo = 0
        while lo < n:
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            _merge(src, dst, lo, mid, hi)
            lo += 2 * width
        src, dst = dst, src
        in_tmp = not in_tmp
        width *= 2
    if in_tmp:
        i = 0
        while i < n:
            a[i] = tmp[i]
            i += 1


# With a key: the keys are sorted with the positions of their items, then
# the items are put in that order.
@specialize.argtype(0, 1)
def _insertion2(k, p, lo, hi):
    i = lo + 1
    while i < hi:
        x = k[i]
        y = p[i]
        j = i
        while j > lo and x < k[j - 1]:
            k[j] = k[j - 1]
            p[j] = p[j - 1]
            j -= 1
        k[j] = x
        p[j] = y
        i += 1


@specialize.argtype(0, 1, 2, 3)
def _merge2(sk, sp, dk, dp, lo, mid, hi):
    i = lo
    j = mid
    k = lo
    while i < mid and j < hi:
        if sk[j] < sk[i]:
            dk[k] = sk[j]
            dp[k] = sp[j]
            j += 1
        else:
            dk[k] = sk[i]
            dp[k] = sp[i]
            i += 1
        k += 1
    while i < mid:
        dk[k] = sk[i]
        dp[k] = sp[i]
        i += 1
        k += 1
    while j < hi:
        dk[k] = sk[j]
        dp[k] = sp[j]
        j += 1
        k += 1


@specialize.argtype(0, 1)
def _msort2(keys, pos):
    n = len(keys)
    lo = 0
    while lo < n:
        _insertion2(keys, pos, lo, min(lo + RUN, n))
        lo += RUN
    if n <= RUN:
        return
    tk = list_of(keys)
    tp = list_of(pos)
    sk = keys
    sp = pos
    dk = tk
    dp = tp
    in_tmp = False
    width = RUN
    while width < n:
        lo = 0
        while lo < n:
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            _merge2(sk, sp, dk, dp, lo, mid, hi)
            lo += 2 * width
        sk, dk = dk, sk
        sp, dp = dp, sp
        in_tmp = not in_tmp
        width *= 2
    if in_tmp:
        i = 0
        while i < n:
            pos[i] = tp[i]
            i += 1


# The body is in each of the two (not in a shared function): each call site
# gets its own copy, so its key function is its own.
def list_sort(l, key, reverse):  # l.sort(key=, reverse=)
    if reverse:
        l.reverse()
    if key is None:
        _msort(l)
    else:
        keys = []
        pos = []
        i = 0
        for x in l:
            keys.append(key(x))
            pos.append(i)
            i += 1
        _msort2(keys, pos)
        items = list_of(l)
        i = 0
        for p in pos:
            l[i] = items[p]
            i += 1
    if reverse:
        l.reverse()


def sorted_new(it, key, reverse):  # sorted(it, key=, reverse=)
    l = list_of(it)
    if reverse:
        l.reverse()
    if key is None:
        _msort(l)
    else:
        keys = []
        pos = []
        i = 0
        for x in l:
            keys.append(key(x))
            pos.append(i)
            i += 1
        _msort2(keys, pos)
        items = list_of(l)
        i = 0
        for p in pos:
            l[i] = items[p]
            i += 1
    if reverse:
        l.reverse()
    return l
