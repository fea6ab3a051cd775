# str.format with fields nested in the format spec: widths, precisions,
# fill and alignment given as arguments (automatic numbering counts the
# outer field first), by index and by keyword, and format_map.
import sys


def table(rows, width):
    out = []
    for name, value in rows:
        out.append("{:<{}}|{:>{w}.{p}f}|".format(name, width, value, w=width - 2, p=2))
        out.append("{0:{fill}^{1}}|{2:{3}}".format(name, width + 4, value, ".3e", fill="*"))
    return "\n".join(out)


def entry_point(argv):
    rows = [("alpha", 3.14159), ("be", -2.5), ("gamma_long", 1234.5)]
    for w in [6, 10, 14]:
        print(table(rows, w))
    n = len(argv) + 41
    print("[{:{}}]".format(n, 8), "[{:>{}}]".format("x", n // 7), "[{:0{}d}]".format(-n, 6))
    print("[{0:{1}{2}}]".format(n, "+", 5), "[{v:#{base}}]".format(v=n, base="x"))
    print("{name:>{width}}!".format_map({"name": "map", "width": "7"}))
    print(f"[{n:>{n // 6}}]")
    try:
        print("{:{}}".format("s", "!"))
    except ValueError as e:
        print("ValueError:", e)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
