# List slicing: l[a:b], l[a:b:c] with negative and omitted bounds and steps,
# slice assignment (same, longer, shorter, extended), del of slices.


def show(l):
    print(len(l), l)


def entry_point(argv):
    l = list(range(10))
    print(l[2:5], l[:3], l[7:], l[:], l[-3:], l[:-7], l[-100:100], l[5:2], l[3:3])
    print(l[::2], l[1::3], l[::-1], l[8:2:-2], l[-1:-4:-1], l[:5:-1], l[5::-1], l[100::-3], l[2:8:100])
    try:
        print(l[::0])
    except ValueError as e:
        print("ValueError:", e)
    # checksum over many slices (CPython computes the same)
    acc = 0
    for i in range(-12, 13):
        for j in range(-12, 13):
            for st in (1, 2, 3, -1, -2, -3):
                for x in l[i:j:st]:
                    acc = (acc * 31 + x + 7) % 1000000007
    print("acc", acc)
    m = list(range(8))
    m[2:4] = [20, 30]
    show(m)
    m[1:2] = [10, 11, 12, 13]
    show(m)
    m[3:9] = []
    show(m)
    m[:0] = [-1, -2]
    show(m)
    m[len(m):] = [99]
    show(m)
    m[::2] = [0, 0, 0, 0]
    show(m)
    m[:] = m
    show(m)
    m[1:3] = [5, 6]
    show(m)
    try:
        m[::2] = [1, 2]
    except ValueError as e:
        print("ValueError:", e)
    m[::-1] = list(range(len(m)))
    show(m)
    d = list(range(12))
    del d[2:4]
    show(d)
    del d[::3]
    show(d)
    del d[::-2]
    show(d)
    del d[100:]
    del d[:-2]
    show(d)
    del d[:]
    show(d)
    w = ["a", "b", "c", "d"]
    w[1:3] = ["x"]
    print(w, w[::-1], "".join(w[1:]))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
