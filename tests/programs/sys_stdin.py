"""sys.stdin in a translated program: readline(), read(n), iteration over
lines, readlines(), read() (universal newlines, UTF-8), then end of input.
The input is tests/programs/sys_stdin.stdin (run_programs.py feeds it)."""
import sys


def main(argv):
    first = sys.stdin.readline()
    print(repr(first))
    print(repr(sys.stdin.read(7)))
    print(repr(sys.stdin.readline()))
    count = 0
    total = 0
    for line in sys.stdin:
        count += 1
        print(count, repr(line))
        if line.startswith("7"):
            for w in line.split():
                total += int(w)
            break
    rest = sys.stdin.readlines()
    print(rest)
    print(total, sys.stdin.readable(), sys.stdin.name)
    print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
    data = sys.stdin
    print(len(data.read()))
    return 0


def target(driver, args):
    return main, None


if __name__ == "__main__":
    sys.exit(main(sys.argv))
