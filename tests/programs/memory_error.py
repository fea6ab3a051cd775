# A runtime allocation the heap cannot hold ("ab" * 2**61) raises MemoryError,
# which the program can catch; uncaught, it ends the program like any
# exception (exit status 1, "MemoryError" on stderr) rather than crashing.
# args: 2305843009213693952
import sys
def entry_point(argv):
    n = int(argv[1])
    try:
        s = "ab" * n
        print(len(s))
    except MemoryError:
        print("MemoryError caught")
    t = "x" * 10
    big = "y" * n
    print(len(big) + len(t))
    return 0
def target(driver, args):
    return entry_point, None
if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
