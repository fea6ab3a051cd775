# Small functions that raise, called inside try blocks and for loops: the
# inliner copies them into the caller with their raises going to the
# caller's handlers (backendopt/inline.cpp). Every way out must stay as
# CPython runs it: the clause that matches, subclasses, re-raising, the
# instance used by the handler, iterators that stop or fail mid-way.
import sys


class AppError(Exception):
    pass


class NotFound(AppError):
    pass


class Countdown(object):
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Faulty(object):
    def __init__(self, n, bad):
        self.i = 0
        self.n = n
        self.bad = bad

    def __iter__(self):
        return self

    def __next__(self):
        i = self.i
        if i >= self.n:
            raise StopIteration
        if i == self.bad:
            raise NotFound("item %d" % i)
        self.i = i + 1
        return i * 10


def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]


def check(x):
    if x < 0:
        raise ValueError("negative: %d" % x)
    if x == 0:
        raise AppError("zero")
    return 100 // x


def pick(x):
    q = 100 // x
    if q < 5:
        return 1
    return q


def classify(x):
    try:
        return "ok %d" % check(x)
    except NotFound:
        return "not found"
    except AppError as e:
        return "app error: " + str(e)
    except ValueError as e:
        return "value error: " + str(e)


def total(it):
    s = 0
    for v in it:
        s += v
    return s


def total_faulty(it):
    s = 0
    for v in it:
        s += v
    return s


def first_chars(words):
    out = []
    for w in words:
        for c in w:
            out.append(c)
            break
    return "".join(out)


def nested(rows):
    n = 0
    for row in rows:
        for x in row:
            if x < 0:
                break
            n += x
        else:
            n += 1000
    return n


def direct(x):
    # raise inside the try of the same function: routed to its clause
    try:
        if x == 1:
            raise NotFound("one")
        if x == 2:
            raise AppError("two")
        if x == 3:
            raise ValueError("three")
        if x == 4:
            raise KeyError("four")
        return "none"
    except NotFound:
        return "NotFound"
    except AppError as e:
        return "AppError " + str(e)
    except ValueError as e:
        return "ValueError %s" % e


def body_raises_stop(items):
    # StopIteration raised by the body is not the loop's end
    out = []
    try:
        for x in items:
            if x == 3:
                raise StopIteration
            out.append(x)
        out.append(-1)
    except StopIteration:
        out.append(99)
    return out


def search(rows, want):
    for row in rows:
        for x in row:
            if x == want:
                break
        else:
            continue
        return row
    return []


def while_else(rows):
    # continue and break in a while's else clause belong to the outer loop
    found = []
    for row in rows:
        i = 0
        while i < len(row):
            if row[i] < 0:
                break
            i += 1
        else:
            if len(row) == 0:
                break
            continue
        found.append(i)
    return found


def entry_point(argv):
    for x in [0, 1, 2, 3]:
        print(direct(x))
    try:
        direct(4)
    except KeyError as e:
        print("escaped", str(e))
    print(body_raises_stop([1, 2]), body_raises_stop([1, 3, 5]))
    print(search([[1, 2], [3, 4], [5]], 4), search([[1]], 7))
    print(while_else([[1, -2], [3], [-1, 4], [], [-5]]))
    d = {"a": 1, "b": 2}
    for k in ["a", "b", "c"]:
        try:
            print(k, lookup(d, k))
        except AppError as e:
            print(k, "AppError", str(e))
    for x in [5, 0, -3, 200]:
        print(classify(x))
    for x in [1, 30, 0]:
        try:
            print("pick", pick(x))
        except ZeroDivisionError as e:
            print("pick failed:", str(e))
    print(total(Countdown(5)), total(Countdown(0)))
    try:
        print(total_faulty(Faulty(5, 3)))
    except NotFound as e:
        print("faulty:", str(e))
    print(total_faulty(Faulty(4, 9)))
    print(first_chars(["hello", "", "world", "éa"]))
    print(nested([[1, 2], [3, -1, 5], [], [4]]))
    count = 0
    for c in "a b\tc  é":
        if c == " " or c == "\t":
            count += 1
    print(count)
    try:
        for v in Faulty(3, 1):
            print("got", v)
    except AppError as e:
        print("stopped by", str(e))
    it = Countdown(2)
    print(next(it), next(it))
    try:
        next(it)
    except StopIteration:
        print("exhausted")
    try:
        check(-7)
    except AppError:
        print("wrong clause")
    except Exception as e:
        print("generic clause:", str(e))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
