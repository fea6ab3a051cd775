# List append, indexing and iteration.
# bench-args: 2000000
import sys


def entry_point(argv):
    n = int(argv[1]) if len(argv) > 1 else 2000000
    l = []
    for i in range(n):
        l.append(i ^ 5)
    total = 0
    for r in range(5):
        for i in range(n):
            total += l[i]
        for x in l:
            total -= x // 2
    while len(l) > n // 2:
        l.pop()
    print(total, len(l))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
