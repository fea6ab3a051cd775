# bytes methods and constructors (and the same methods on bytearray, which
# return bytearrays where CPython does).


def entry_point(argv):
    b = b"  Hello, World  "
    print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" Hd"))
    print(bytearray(b"xxhixx").strip(b"x"), b"xyx".strip(bytearray(b"x")))
    print(b"a,b,,c".split(b","), b"a,b,,c".split(b",", 1), b" a  b c ".split(), b"a b c".split(None, 1))
    print(b"a,b,,c".rsplit(b","), b"a,b,,c".rsplit(b",", 1), b" a  b c ".rsplit(), b"a b c ".rsplit(None, 1))
    print(bytearray(b"1 2").split(), b"".split(), b"".split(b","))
    try:
        b"abc".split(b"")
    except ValueError as e:
        print("ValueError:", e)
    print(b"aaa".replace(b"a", b"bb"), b"abc".replace(b"", b"-"), b"abab".replace(b"ab", b"x", 1))
    print(b"abc".replace(b"", b"-", 2), bytearray(b"hello").replace(b"l", b"L"), b"x".replace(b"y", b"z"))
    print(b"MiXed 123".upper(), b"MiXed 123".lower(), bytearray(b"aZ\xe9").upper())
    print(b"123".isdigit(), b"12a".isdigit(), b"".isdigit(), b"abC".isalpha(), b"ab1".isalnum(), b" \t".isspace())
    print(b"abc".islower(), b"aBc".islower(), b"ABC1".isupper(), b"123".isupper())
    print(b", ".join([b"a", b"b", b"c"]), b"".join([]), bytearray(b"-").join([b"x", b"y"]))
    print(b"+".join([bytearray(b"p"), bytearray(b"q")]))
    h = b"hello world"
    print(h.find(b"o"), h.rfind(b"o"), h.find(b"o", 5), h.find(b"z"), h.count(b"o"), h.count(b"l", 3, 9))
    print(h.index(b"world"), h.rindex(b"l"), bytearray(h).find(b"w"), bytearray(h).count(bytearray(b"l")))
    try:
        h.index(b"xyz")
    except ValueError as e:
        print("ValueError:", e)
    try:
        bytearray(h).rindex(b"q")
    except ValueError as e:
        print("ValueError:", e)
    print(h.startswith(b"hell"), h.startswith(b"world", 6), h.endswith(b"world"), h.endswith(b"hello", 0, 5))
    print(h.startswith(b""), h.endswith(b"", 20), h.startswith(b"x", -1), bytearray(h).endswith(b"ld"))
    print(bytes(3), bytes(), bytes([0, 1, 127, 128, 255]), bytes(bytearray([7])), bytes(b"same"))
    print(bytes("h\xe9llo", "utf-8"), bytes("abc", encoding="ascii"), bytearray("\xff", "latin-1"))
    try:
        bytes(-2)
    except ValueError as e:
        print("ValueError:", e)
    try:
        bytes([1, -1])
    except ValueError as e:
        print("ValueError:", e)
    n = 0
    for c in b"abc":
        n = n * 256 + c
    print(n, 98 in b"abc", b"bc" in b"abc", bytearray(b"c") in b"abc", 100 in b"abc")
    ints = [c for c in b"xyz"]
    print(ints, list(b"ok"))
    print(b"abc" < b"abd", b"abc" == bytearray(b"abc"), b"b" > bytearray(b"abc"))
    print(b"ab" + bytearray(b"cd") + b"ef", (b"ab" * 3)[1:5], b"-" * 0)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
