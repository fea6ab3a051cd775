# Virtual dispatch, super().__init__ and Base.__init__, isinstance narrowing,
# a linked list of instances with None at the end.
import sys

class Shape(object):
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0.0
    def describe(self):
        return self.name + " with area " + str(self.area())

class Square(Shape):
    def __init__(self, side):
        Shape.__init__(self, "square")
        self.side = side
    def area(self):
        return self.side * self.side

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return 3.0 * self.r * self.r

class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next

def make(i):
    if i % 2 == 0:
        return Square(float(i))
    return Circle(float(i))

def entry_point(argv):
    total = 0.0
    for i in range(5):
        s = make(i)
        print(s.describe())
        total += s.area()
        if isinstance(s, Square):
            print("square side", s.side)
    print(total)
    n = None
    for i in range(4):
        n = Node(i, n)
    t = 0
    while n is not None:
        t += n.value
        n = n.next
    print("sum", t)
    return 0

def target(driver, args):
    return entry_point, None

if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
