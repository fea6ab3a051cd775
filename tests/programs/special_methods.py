# Special methods (issue 3, item 5) on user classes: __len__, __getitem__,
# __setitem__, __contains__, __iter__/__next__ driving a for loop,
# __eq__/__hash__ through == / != / hash(), __str__/__repr__ through
# str()/repr()/print, and __del__ as a light finalizer (it runs when the GC
# frees the object, so its timing differs from CPython: it prints nothing).
import sys


class Vec3(object):
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i == 0:
            return self.x
        if i == 1:
            return self.y
        if i == 2:
            return self.z
        raise IndexError("Vec3 index out of range")

    def __setitem__(self, i, value):
        if i == 0:
            self.x = value
        elif i == 1:
            self.y = value
        elif i == 2:
            self.z = value
        else:
            raise IndexError("Vec3 assignment index out of range")

    def __contains__(self, value):
        return self.x == value or self.y == value or self.z == value

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y and self.z == other.z

    def __hash__(self):
        return (self.x * 31 + self.y) * 31 + self.z

    def __str__(self):
        return "(" + str(self.x) + ", " + str(self.y) + ", " + str(self.z) + ")"

    def __repr__(self):
        return "Vec3" + self.__str__()


class BitSet(object):
    """A set of small ints (0..62) in one machine word."""

    def __init__(self, bits):
        self.bits = bits

    def __len__(self):
        n = 0
        b = self.bits
        while b:
            n += b & 1
            b >>= 1
        return n

    def __contains__(self, i):
        return (self.bits >> i) & 1 == 1

    def __getitem__(self, i):
        return (self.bits >> i) & 1 == 1

    def __setitem__(self, i, on):
        if on:
            self.bits |= 1 << i
        else:
            self.bits &= ~(1 << i)

    def __iter__(self):
        return BitIter(self.bits)

    def __repr__(self):
        s = "{"
        first = True
        for i in self:
            if not first:
                s = s + ","
            s = s + str(i)
            first = False
        return s + "}"


class BitIter(object):
    def __init__(self, bits):
        self.bits = bits
        self.pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        while self.bits != 0:
            found = self.bits & 1
            i = self.pos
            self.bits >>= 1
            self.pos += 1
            if found:
                return i
        raise StopIteration


class Countdown(object):
    """An iterable that is its own iterator."""

    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Name(object):
    def __init__(self, first, last):
        self.first = first
        self.last = last

    def __str__(self):
        return self.first + " " + self.last


class Resource(object):
    def __init__(self, ident):
        self.ident = ident
        self.open = True

    def __del__(self):
        self.open = False       # no output: the timing differs


def make_garbage(n):
    total = 0
    for i in range(n):
        r = Resource(i)
        total += r.ident
    return total


def entry_point(argv):
    v = Vec3(1, 2, 3)
    print("len", len(v), "items", v[0], v[1], v[2])
    v[1] = 20
    print("after set", v, str(v), repr(v))
    print("contains", 20 in v, 2 in v, 5 not in v)
    try:
        v[3]
    except IndexError as e:
        print("index error:", str(e))
    w = Vec3(1, 20, 3)
    u = Vec3(3, 2, 1)
    print("eq", v == w, v == u, v != u, v != w)
    print("hash", hash(v), hash(w), hash(v) == hash(w), hash(u))
    s = 0
    for i in range(len(v)):
        s += v[i]
    print("sum by index", s)
    bs = BitSet(0)
    for i in range(0, 20, 3):
        bs[i] = True
    bs[9] = False
    print("bitset", len(bs), 3 in bs, 9 in bs, bs[6], bs[7], repr(bs))
    print(bs)
    total = 0
    for i in bs:
        total += i
    print("iter total", total)
    for k in Countdown(4):
        print("countdown", k)
    it = iter(Countdown(3))
    print("next", next(it), next(it), next(it))
    try:
        next(it)
    except StopIteration:
        print("exhausted")
    n = Name("Ada", "Lovelace")
    print(n)
    print("str:", str(n), "len of str", len(str(n)))
    print("garbage", make_garbage(1000))
    r = Resource(5)
    print("resource", r.ident, r.open)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
