# Building, splitting and searching strings.
# bench-args: 200000
import sys


def entry_point(argv):
    n = int(argv[1]) if len(argv) > 1 else 200000
    parts = []
    for i in range(n):
        parts.append("w" + str(i % 977))
    text = " ".join(parts)
    words = text.split(" ")
    found = 0
    for r in range(20):
        found += text.find("w976", r * 1000)
    count = 0
    for w in words:
        if w.startswith("w9"):
            count += 1
    upper = text.upper()
    print(len(text), len(words), found, count, len(upper))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
