# time's clocks (only facts that hold on every run are printed), sleep,
# sys.maxsize, sys.stdout/stderr.write, print(file=...), and sys.exit's status.
# args: 7
# stderr: exact
import sys
import time


def clocks():
    t1 = time.time()
    p1 = time.perf_counter()
    m1 = time.monotonic()
    c1 = time.process_time()
    n1 = time.monotonic_ns()
    time.sleep(0.01)
    time.sleep(0)
    t2 = time.time()
    p2 = time.perf_counter()
    m2 = time.monotonic()
    n2 = time.monotonic_ns()
    print("time after 2020:", t1 > 1577836800.0, "ns too:", time.time_ns() > 1577836800 * 1000000000)
    print("perf_counter advanced by the sleep:", p2 - p1 >= 0.01)
    print("monotonic advanced:", m2 - m1 >= 0.01, n2 - n1 >= 10000000)
    print("process_time is small and non-negative:", 0.0 <= c1 < 1000.0, time.process_time() >= c1)
    print("perf_counter_ns:", time.perf_counter_ns() > 0, time.process_time_ns() >= 0)
    try:
        time.sleep(-1)
    except ValueError as e:
        print("ValueError", e)
    try:
        time.sleep(-0.5)
    except ValueError as e:
        print("ValueError", e)


def finish(code):
    try:
        sys.exit(code)
    finally:
        print("finally runs on the way out")


def entry_point(argv):
    clocks()
    print(sys.maxsize, -sys.maxsize - 1)
    n = sys.stdout.write("written by sys.stdout.write\n")
    print("write returned", n)
    sys.stderr.write("to stderr\n")
    print("to stderr", 42, sep="-", end="!\n", file=sys.stderr)
    print("to stdout", file=sys.stdout)
    print("explicitly", end="\n", file=None)
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        sys.exit(3)
    except SystemExit:
        print("SystemExit can be caught")
    try:
        sys.exit()
    except Exception:
        print("not reached: SystemExit is not an Exception")
    except SystemExit:
        print("caught again")
    finish(int(argv[1]) * 6)
    print("not reached")
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
