# Lists: literals, indexing and assignment with IndexError, append/insert/pop/reverse,
# iteration, lists of instances, prebuilt lists (also of functions) that grow.
import sys

def add(a, b):
    return a + b

def mul(a, b):
    return a * b

OPS = [add, mul]
PRIMES = [2, 3, 5, 7, 11]

class Node(object):
    def __init__(self, v):
        self.v = v

def entry_point(argv):
    l = [3, 1, 2]
    l.append(10)
    l.insert(0, -1)
    print(len(l), l[0], l[-1], l[2])
    l[1] = 99
    total = 0
    for x in l:
        total += x
    print("total", total)
    l.reverse()
    print(l.pop(), l.pop(0), len(l))
    nodes = []
    for i in range(20):
        nodes.append(Node(i * i))
    s = 0
    for n in nodes:
        s += n.v
    print("nodes", len(nodes), s)
    for f in OPS:
        print(f(6, 7))
    print(PRIMES[2], len(PRIMES))
    PRIMES.append(13)
    print(PRIMES[5], len(PRIMES))
    words = ["a", "bb", "ccc"]
    out = ""
    for w in words:
        out = out + w + "|"
    print(out)
    try:
        print(l[100])
    except IndexError as e:
        print("IndexError:", str(e))
    e = []
    try:
        e.append(1)
        e.pop()
        e.pop()
    except IndexError as err:
        print("IndexError:", str(err))
    return 0

def target(driver, args):
    return entry_point, None

if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
