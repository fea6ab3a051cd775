# Module-level sets start in the binary with the table their CPython object
# has (size, key slots, dummies, pop finger): they print, iterate, pop and
# grow as in CPython.
import sys

PRIMES = {2, 3, 5, 7, 11, 13, 101, 64, 37}
BUILT = set()
for _i in range(30):
    BUILT.add(_i * 37 % 101)
BUILT.discard(37)
SMALL = {40, 8, 0}
POPPED = set(range(0, 64, 4))
POPPED.pop()
POPPED.pop()
POPPED.discard(40)
PAIRS = {(1, 2), (3, 4), (5, 6), (-1, 7), (0, 0)}


def entry_point(argv):
    print(PRIMES)
    print(BUILT)
    print(SMALL, PAIRS)
    for p in PRIMES:
        print(p, end=" ")
    print()
    print(PRIMES | {4}, SMALL & PRIMES, 13 in PRIMES)
    print(POPPED, POPPED.pop(), 40 in POPPED, 44 in POPPED)
    POPPED.add(41)
    POPPED.add(1)
    print(POPPED, BUILT - PRIMES)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
