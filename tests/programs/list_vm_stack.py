# A VM's operand stack and frames as lists of instances: slices taken and
# deleted, [None] * n frames, insert/pop at the front, sorting names, grids,
# and index() of a missing instance whose class has __repr__.
import sys
class W(object):
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "W%d" % self.v
def entry_point(argv):
    n = len(argv) + 2
    stack = [W(i) for i in range(10)]
    args = stack[-n:]
    del stack[-n:]
    print(args, stack, len(stack))
    stack[len(stack) - 2:] = []
    print(stack)
    frame = [None] * n
    frame[1] = W(42)
    print(frame, frame.count(None), W(1) in stack, stack[0] in stack, stack.index(stack[3]))
    stack.insert(0, W(-1))
    first = stack.pop(0)
    print(first, stack.pop(), stack[::-2], list(reversed(stack))[:2])
    names = ["pop", "add", "Load", "jump", "ADD"]
    names.sort()
    print(names, sorted(names, key=lambda s: s.lower()), sorted(names, key=len, reverse=True))
    grid = [[0] * 3 for _ in range(3)]
    grid[1][2] = 5
    print(grid, grid == [[0, 0, 0], [0, 0, 5], [0, 0, 0]], max(grid, key=sum), [row[::-1] for row in grid][1])
    try:
        stack.index(W(99))
    except ValueError as e:
        print("ValueError", e)
    return 0
def target(driver, args):
    return entry_point, None
if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
