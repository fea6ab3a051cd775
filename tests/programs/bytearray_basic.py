# bytearray as a mutable type: construction, indexing, mutation, slices,
# concatenation with bytes (result types as CPython's), comparisons, repr.


def show(label, x):
    print(label, x, len(x))


def construct():
    show("empty", bytearray())
    show("zeros", bytearray(3))
    show("from bytes", bytearray(b"hello"))
    show("from list", bytearray([104, 105, 0, 255]))
    ba = bytearray(b"abc")
    show("from bytearray", bytearray(ba))
    show("from str", bytearray("h\xe9", "utf-8"))
    try:
        bytearray([1, 256])
    except ValueError as e:
        print("ValueError:", e)
    try:
        bytearray(-1)
    except ValueError as e:
        print("ValueError:", e)
    print(bytes(bytearray(b"xyz")), bytes(4), bytes([65, 66, 67]))
    try:
        bytes([300])
    except ValueError as e:
        print("ValueError:", e)


def indexing():
    ba = bytearray(b"hello")
    print(ba[0], ba[-1], ba[4])
    try:
        print(ba[5])
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(ba[-6])
    except IndexError as e:
        print("IndexError:", e)
    ba[0] = 72
    ba[-1] = ord("O")
    print(ba)
    try:
        ba[1] = 256
    except ValueError as e:
        print("ValueError:", e)
    try:
        ba[9] = 1
    except IndexError as e:
        print("IndexError:", e)
    print(ba[1:3], ba[::-1], ba[::2], ba[-2:], ba[:100], ba[3:1])
    del ba[0]
    print(ba)
    del ba[-1]
    print(ba)
    try:
        del ba[10]
    except IndexError as e:
        print("IndexError:", e)


def slices():
    ba = bytearray(b"0123456789")
    ba[2:4] = b"ab"
    print(ba)
    ba[2:4] = b"ABCDE"
    print(ba)
    ba[0:0] = bytearray(b"<<")
    print(ba)
    ba[len(ba):] = [33, 33]
    print(ba)
    del ba[0:2]
    print(ba)
    del ba[::2]
    print(ba)
    ba[::2] = b"xxxx"
    print(ba)
    try:
        ba[::2] = b"yy"
    except ValueError as e:
        print("ValueError:", e)
    ba[:] = b""
    print(ba, len(ba), bool(ba))
    ba2 = bytearray(b"abcdef")
    del ba2[::-2]
    print(ba2)
    del ba2[:]
    print(ba2)


def methods():
    ba = bytearray()
    for i in range(10):
        ba.append(97 + i)
    print(ba)
    ba.extend(b"XY")
    ba.extend(bytearray(b"Z"))
    ba.extend([49, 50])
    print(ba)
    ba.extend(ba)
    print(ba, len(ba))
    print(ba.pop(), ba.pop(0), ba.pop(-2))
    print(ba)
    ba.insert(0, 65)
    ba.insert(-1, 66)
    ba.insert(100, 67)
    ba.insert(-100, 68)
    print(ba)
    ba.remove(ord("X"))
    print(ba)
    try:
        ba.remove(0)
    except ValueError as e:
        print("ValueError:", e)
    try:
        ba.append(-1)
    except ValueError as e:
        print("ValueError:", e)
    try:
        ba.extend([1, 2, 999])
    except ValueError as e:
        print("ValueError:", e, len(ba))
    c = ba.copy()
    ba.reverse()
    print(ba)
    print(c)
    ba.clear()
    print(ba, c == ba, len(c))
    e = bytearray()
    try:
        e.pop()
    except IndexError as ex:
        print("IndexError:", ex)
    e.append(1)
    try:
        e.pop(3)
    except IndexError as ex:
        print("IndexError:", ex)


def ops():
    a = bytearray(b"ab")
    b = b"cd"
    r1 = a + b
    r2 = b + a
    r3 = a + a
    print(r1, r2, r3)
    print(isinstance(r1, bytearray), isinstance(r2, bytes))
    alias = a
    a += b"!"
    print(alias, a is alias)
    a *= 2
    print(alias)
    print(a * 2, 3 * bytearray(b"x"), a * 0, a * -1)
    b2 = b
    b2 += bytearray(b"?")
    print(b, b2)
    print(97 in a, 122 in a, b"b!" in a, bytearray(b"zz") in a, b"" in a)
    try:
        print(300 in a)
    except ValueError as e:
        print("ValueError:", e)
    x = bytearray(b"abc")
    print(x == b"abc", b"abc" == x, x != b"abd", x < b"abd", x <= bytearray(b"ab"), x > b"ab", x >= b"abc")
    print(x == bytearray(b"abc"), x < bytearray(b"b"))
    for c in bytearray(b"hi!"):
        print(c)
    total = 0
    for c in b"\x01\x02\x03":
        total += c
    print(total)
    grow = bytearray(b"ab")
    n = 0
    for c in grow:  # sees the bytes appended while iterating
        if n < 3:
            grow.append(c + 1)
        n += 1
    print(grow, n)


def reprs():
    print(bytearray(b"it's"), repr(bytearray(b'"q"')), str(bytearray(b"\x00\n\xff\\")))
    print([bytearray(b"a"), bytearray()], (b"x", bytearray(b"y")))
    print(bytearray(b"\x01\xab").hex(), b"\xde\xad".hex(), b"".hex())
    print(bytes.fromhex("de ad be ef"), bytearray.fromhex("0a0B"), bytes.fromhex(""))
    try:
        bytes.fromhex("0g")
    except ValueError as e:
        print("ValueError:", e)
    try:
        bytes.fromhex("abc")
    except ValueError as e:
        print("ValueError:", e)
    try:
        bytearray.fromhex("\xe9 00")
    except ValueError as e:
        print("ValueError:", e)
    print(bytearray(b"caf\xc3\xa9").decode("utf-8"), bytearray(b"\xe9").decode("latin-1"))
    try:
        bytearray(b"\xff").decode("ascii")
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
    print(bytearray(b"a\xffb").decode("utf-8", "replace"))


def entry_point(argv):
    construct()
    indexing()
    slices()
    methods()
    ops()
    reprs()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
