# The rest of the bytes/bytearray methods (splitlines, partition, padding,
# zfill, tuple prefixes, removeprefix, expandtabs, case mapping, isascii,
# istitle, translate/maketrans, byte (int) arguments to find & co, keyword
# arguments), with CPython's results and messages; bytearray results where
# CPython gives them. The data partly comes from argv so nothing folds.


def splitlines_tests(n):
    b = b"one\ntwo\r\nthree\rfour" + b"\n" * n
    print(b.splitlines(), b.splitlines(True), b.splitlines(keepends=True))
    print(b"".splitlines(), b"\n".splitlines(), b"\r\n\r".splitlines(1), b"no eol".splitlines())
    print(b"a\x0bb\x0cc\x1cd".splitlines(), b"\n\nx".splitlines(keepends=False))
    ba = bytearray(b"x\ny\r\n")
    print(ba.splitlines(), ba.splitlines(True))


def partition_tests(n):
    b = b"key=value=more"
    print(b.partition(b"="), b.rpartition(b"="), b.partition(b"=="), b.rpartition(b"#"))
    print(b"".partition(b"x"), b"abc".partition(bytes(bytearray(b"b"))), b"abc".rpartition(b"abc"))
    print(bytearray(b"a:b").partition(b":"), bytearray(b"a:b").rpartition(b"x"))
    for sep in [b"", b"=" * n]:
        try:
            print(b.partition(sep))
        except ValueError as e:
            print("ValueError:", e)
        try:
            print(b.rpartition(sep))
        except ValueError as e:
            print("ValueError:", e)


def pad_tests(n):
    b = b"abc"
    for w in [-1, 0, 3, 4, 5, 6, 7, 3 + n]:
        print(w, b.center(w), b.ljust(w), b.rjust(w), b.center(w, b"*"), b.ljust(w, b"-"), b.rjust(w, bytearray(b".")))
    print(b"ab".center(5, b"x"), b"ab".center(6, b"x"), b"a".center(4, b"x"), b"".center(3, b"!"))
    print(bytearray(b"x").center(5), bytearray(b"x").ljust(3, b"_"), bytearray(b"x").rjust(1))
    for fill in [b"", b"ab", b"xy" * n]:
        try:
            print(b.center(9, fill))
        except TypeError as e:
            print("TypeError:", e)
        try:
            print(b.ljust(9, fill))
        except TypeError as e:
            print("TypeError:", e)
        try:
            print(b.rjust(9, fill))
        except TypeError as e:
            print("TypeError:", e)
    try:
        print(b.rjust(9, bytearray(b"ab")))
    except TypeError as e:
        print("TypeError:", e)


def zfill_tests(n):
    for b in [b"42", b"-42", b"+42", b"", b"-", b"+", b"abc", b"--1", b"3.14"]:
        print(b.zfill(-1), b.zfill(0), b.zfill(1), b.zfill(5), b.zfill(4 + n))
    print(bytearray(b"-7").zfill(4), bytearray(b"7").zfill(0))


def affix_tests(n):
    b = b"hello world"
    print(b.startswith((b"x", b"he")), b.startswith((b"x", b"y")), b.startswith(()), b.endswith((b"ld", b"x")))
    print(b.startswith((b"wor", bytearray(b"zz")), 6), b.endswith((b"hello",), 0, 5), b.endswith((b"o", b"l"), 0, -n))
    print(bytearray(b).startswith((b"hell", b"q")), bytearray(b).endswith((bytearray(b"world"),)))
    print(b.removeprefix(b"hello "), b.removeprefix(b"world"), b.removeprefix(b""), b.removesuffix(b" world"))
    print(b.removesuffix(b"hello"), b.removesuffix(b""), b"aa".removeprefix(b"aaa"), b"".removesuffix(b"x"))
    print(bytearray(b"prefix-x").removeprefix(b"prefix-"), bytearray(b"x.py").removesuffix(bytearray(b".py")))


def tabs_tests(n):
    b = b"a\tbc\tdef\tg\n\tx\r\ty"
    print(b.expandtabs(), b.expandtabs(4), b.expandtabs(1), b.expandtabs(0), b.expandtabs(-n))
    print(b.expandtabs(tabsize=3), b"\t".expandtabs(), b"".expandtabs(), bytearray(b"1\t2").expandtabs(2))


def case_tests(n):
    for b in [b"hello WORLD", b"", b"123abc", b"aBc dEF", b"they're bill's", b"\xe9t\xe9 x", b"AbC1dE"]:
        print(b.capitalize(), b.title(), b.swapcase(), b.isascii(), b.istitle())
    print(b"Hello World".istitle(), b"Hello world".istitle(), b"HELLO".istitle(), b"A".istitle(), b"1A".istitle())
    print(b"A1b".istitle(), b"".istitle(), b"123".istitle(), b"\x80".isascii(), b"\x7f".isascii())
    ba = bytearray(b"mIxEd cAsE")
    print(ba.capitalize(), ba.title(), ba.swapcase(), ba.isascii(), ba.istitle(), bytearray(b"Ok").istitle())


def translate_tests(n):
    t = bytes.maketrans(b"abc", b"xyz")
    print(len(t), t[97], t[0], t[255], bytearray.maketrans(b"a", b"b")[97])
    print(b"aabbcc-d".translate(t), b"aabbcc-d".translate(t, b"-c"), b"hello".translate(None, b"l"))
    print(b"hello".translate(None), b"".translate(t), b"xy".translate(t, delete=b"y"))
    print(bytearray(b"abc").translate(t), bytearray(b"abc").translate(None, bytearray(b"b")))
    print(b"abc".translate(bytearray(t)), bytes.maketrans(bytearray(b"x"), b"X"), bytes.maketrans(b"", b"")[:5])
    for bad in [b"", b"x" * (255 + n), b"y" * 257]:
        try:
            print(b"abc".translate(bad))
        except ValueError as e:
            print("ValueError:", e)
    try:
        print(bytes.maketrans(b"ab", b"c" * n))
    except ValueError as e:
        print("ValueError:", e)


def int_arg_tests(n):
    b = b"hello world"
    print(b.find(111), b.rfind(111), b.find(111, 5), b.find(122), b.count(108), b.count(108, 3, 9))
    print(b.index(119), b.rindex(108), b.rfind(104, 1), b.find(0), bytearray(b).find(100), bytearray(b).count(111))
    for v in [-1, 256, 300 * n, 122]:
        try:
            print(b.find(v))
        except ValueError as e:
            print("ValueError:", e)
        try:
            print(b.index(v))
        except ValueError as e:
            print("ValueError:", e)
        try:
            print(bytearray(b).rindex(v))
        except ValueError as e:
            print("ValueError:", e)
        try:
            print(b.count(v))
        except ValueError as e:
            print("ValueError:", e)


def kw_tests(n):
    b = b" a  b c "
    print(b.split(None, 1), b.rsplit(None, 1), b"a b\t".split(None, 1), b"\ta b".rsplit(None, 1))
    print(b.split(sep=None), b.split(maxsplit=1), b.split(None, maxsplit=1), b.rsplit(maxsplit=n))
    print(b"a,b,c".split(sep=b","), b"a,b,c".rsplit(sep=b",", maxsplit=1), b"a,b,c".split(b",", maxsplit=0))
    print(bytearray(b"x y").split(maxsplit=0), bytearray(b"1.2.3").rsplit(sep=b".", maxsplit=1))


def view_tests(n):
    # read-only operations on a bytearray (in place) and on the bytearray
    # after it grows, shrinks and changes
    ba = bytearray(b"abcabc")
    for k in range(n + 2):
        ba += b"xyz"
        ba.extend(ba)
        print(len(ba), ba.find(b"cx"), ba.rfind(bytearray(b"ab")), ba.count(b"z"), b"zab" in ba, 120 in ba)
        print(ba == bytearray(ba), ba < b"abd", b"abb" < ba, ba[2:7], ba[::7], ba[-3:], ba[:2] + b"!" + ba[2:4])
        del ba[2:]
        print(ba, ba == b"ab", ba != bytearray(b"ab"), ba * 2, 2 * ba, ba.copy(), b"q" + ba, ba + ba)
    ba += bytearray(ba)
    ba += bytearray(b"-")
    print(ba, ba.find(98, 1), ba.rfind(97, 0, -1), ba.startswith((b"x", bytearray(b"aba"))), ba.endswith(b"b-", 0, 5))
    u = bytearray("h\xe9llo w\xf6rld".encode("utf-8"))
    print(u.decode(), u.decode("utf-8"), u.decode("latin-1"), u.decode("ascii", "replace"), u.hex(), u[:n].decode())
    try:
        print(u.decode("ascii"))
    except UnicodeDecodeError as err:
        print("UnicodeDecodeError:", err)
    e = bytearray()
    print(e.find(b""), e.count(b""), b"" in e, e == b"", e < b"\x00", e[1:], e * 3, e + e)
    try:
        print(256 in ba)
    except ValueError as err:
        print("ValueError:", err)
    try:
        print(ba[::0])
    except ValueError as err:
        print("ValueError:", err)


def hex_tests(n):
    b = b"\x01\x02\x03\x04\x05"
    print(b.hex(":"), b.hex(":", 2), b.hex(":", -2), b.hex(b"-", 3), b.hex(" ", 0), b.hex(":", 9 + n))
    print(b.hex(sep=".", bytes_per_sep=-4), b.hex("_", bytes_per_sep=n), b"".hex(":"), bytearray(b"ab").hex("."))
    for sep in ["", "ab", "\xe9", "/" * n]:
        try:
            print(b.hex(sep))
        except ValueError as e:
            print("ValueError:", e)
    try:
        print(b.hex(b"\xff"))
    except ValueError as e:
        print("ValueError:", e)


def entry_point(argv):
    n = len(argv)
    hex_tests(n)
    splitlines_tests(n)
    partition_tests(n)
    pad_tests(n)
    zfill_tests(n)
    affix_tests(n)
    tabs_tests(n)
    case_tests(n)
    translate_tests(n)
    int_arg_tests(n)
    kw_tests(n)
    view_tests(n)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
