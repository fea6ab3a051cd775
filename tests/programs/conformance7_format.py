# Nested replacement fields in format specs: str.format with {w} / {0} /
# automatic numbering inside a spec, and f-strings whose spec holds fields;
# the ValueErrors a bad width built at run time gives.
import sys


def show(x, w, p, s):
    print("{:{w}}|".format(x, w=w))
    print("{:>{w}.{p}f}|".format(x, w=w, p=p))
    print("{0:{1}}|{0:<{1}}|".format(s, w))
    print("{:{}}|{}".format(s, w, "after"))
    print("{:{}.{}}|".format(x, w, p))
    print("{x:{fill}^{w}}|".format(x=s, fill="*", w=w + 4))
    print("{:{}{}}|".format(x, w, "e"))
    print("{!r:>{}}|".format(s, w + 2))
    print(f"{x:{w}}|")
    print(f"{x:>{w}}|{s:<{w}}|{s:^{w + 2}}|")
    print(f"{x:{w}.{p}f}|{x:+{w}.{p}e}|")
    print(f"{s!r:>{w * 2}}|")
    print("{:{}}".format(42, w), "{:0{}d}".format(-42, w), "{:{}x}".format(255, w))


def bad(spec_w):
    try:
        print("{:{}}|".format(1.5, spec_w))
    except ValueError as e:
        print("ValueError", e)
    try:
        print(f"{'abc':{spec_w}d}|")
    except ValueError as e:
        print("ValueError", e)


def entry_point(argv):
    n = len(argv)
    show(3.14159, n + 7, n + 1, "ab")
    show(-2.5, n, 0, "hello world")
    show(1e20, n + 3, n + 4, "")
    bad("q")
    bad("<")
    bad("5")
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
