# str.split/rsplit/splitlines and join over list[str], which is the runtime's
# own rpy_strlist layout.
import sys

def entry_point(argv):
    text = "alpha beta  gamma\tdelta"
    words = text.split()
    print(len(words), words[0], words[-1])
    print("|".join(words))
    parts = "a,b,,c".split(",")
    print(len(parts), "-".join(parts))
    print(", ".join("x=1;y=2;z=3".split(";", 1)))
    print(" ".join("one two three".rsplit(" ", 1)))
    lines = "l1\nl2\r\nl3".splitlines()
    print(len(lines), lines[1])
    out = []
    for w in words:
        out.append(w.upper())
    print(" ".join(out))
    print(len(argv[0].split("/")) > 0)
    return 0

def target(driver, args):
    return entry_point, None

if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
