import sys


def entry_point(argv):
    n = len(argv)
    a = {1, 2, 3, 4}
    b = {3, 4, 5}
    print(sorted_list(a | b), sorted_list(a & b), sorted_list(a - b), sorted_list(a ^ b))
    print(a <= b, {3, 4} <= a, {3, 4} < a, a < a, a >= {1}, a > b, a == {4, 3, 2, 1}, a != b)
    print(sorted_list(a.union(b)), sorted_list(a.intersection(b)), sorted_list(a.difference(b)))
    print(a.issubset(b), a.issuperset({1, 2}), a.isdisjoint({9, n + 10}))
    c = set()
    c |= a
    c -= {1}
    c &= {2, 3, 9}
    c ^= {3, 7}
    print(sorted_list(c))
    d1 = {"x": 1, "y": 2}
    d2 = {"y": 2, "x": 1}
    print(d1 == d2, d1 != d2, d1 == {"x": 2, "y": 2})
    words = set(["b", "a"]) if False else {"b", "a"}
    words.symmetric_difference_update({"a", "c"})
    print(sorted_list_s(words))
    return 0


def sorted_list(s):
    l = [x for x in s]
    # insertion sort: sorted() is not needed for this test
    for i in range(1, len(l)):
        j = i
        while j > 0 and l[j - 1] > l[j]:
            l[j - 1], l[j] = l[j], l[j - 1]
            j -= 1
    return l


def sorted_list_s(s):
    l = [x for x in s]
    for i in range(1, len(l)):
        j = i
        while j > 0 and l[j - 1] > l[j]:
            l[j - 1], l[j] = l[j], l[j - 1]
            j -= 1
    return l


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
