# enumerate (start=), zip of 2 and 3 iterables, reversed, iter()/next() with
# StopIteration and next(it, default), range objects as values.


def squares(n):
    for i in range(n):
        yield i * i


def entry_point(argv):
    l = ["a", "b", "c"]
    for i, x in enumerate(l):
        print(i, x)
    for i, x in enumerate(l, 10):
        print(i, x)
    print(list(enumerate(l, start=-1)), list(enumerate("xy")))
    nums = [1, 2, 3, 4]
    for x, y in zip(l, nums):
        print(x, y)
    print(list(zip(nums, l)), list(zip(nums, nums[1:], nums[2:])), list(zip([], nums)))
    for a, b, c in zip(l, nums, "pqrs"):
        print(a, b, c)
    print(list(reversed(nums)), list(reversed("abc")), list(reversed(range(5))), list(reversed([])))
    for x in reversed(l):
        print(x)
    it = iter(nums)
    print(next(it), next(it))
    print(next(it, -1), next(it, -1), next(it, -1), next(it, -1))
    it2 = iter(l)
    try:
        while True:
            print("got", next(it2))
    except StopIteration:
        print("StopIteration")
    g = squares(3)
    print(next(g), next(g), next(g), next(g, 99))
    e = enumerate(nums)
    print(next(e), next(e))
    z = zip(nums, l)
    print(next(z))
    r = range(2, 20, 3)
    print(r, range(5), range(1, 7), range(10, 0, -2), len(r), len(range(0)), len(range(10, 0, -3)))
    print(5 in r, 6 in r, 20 in r, 17 in r, 3 in range(10, 0, -1), 0 in range(10, 0, -1))
    print(r[0], r[-1], r[2], list(r), sum(r), max(r), min(range(3, 9)))
    try:
        print(r[100])
    except IndexError as e:
        print("IndexError:", e)
    try:
        range(1, 2, 0)
    except ValueError as e:
        print("ValueError:", e)
    total = 0
    for x in r:
        total += x
    print(total, [x * 2 for x in r], sorted(range(5), reverse=True))
    d = {"k": 1, "j": 2}
    for i, k in enumerate(d):
        print(i, k)
    for k, v in zip(d.keys(), d.values()):
        print(k, v)
    print(len(nums), any(x > 3 for x in nums), all(x > 0 for x in squares(4)))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
