# Classes and instances (issue 3, item 1): single inheritance, __init__,
# attributes (one read only through the base), class attributes, methods,
# overriding and virtual dispatch, super().__init__ and Base.__init__(self, ...),
# isinstance with classes and tuples of classes, is / is not, None as an
# instance value, _mixin_ classes, __slots__, _immutable_fields_.
import sys


class Shape(object):
    kind = "shape"
    sides = 0

    def __init__(self, name):
        self.name = name
        self.scale = 1

    def area(self):
        return 0

    def describe(self):
        # virtual calls: area() and kind resolve on the run-time class
        return self.name + " (" + self.kind + ") area=" + str(self.area())

    def grow(self, k):
        self.scale = self.scale * k
        return self


class Rect(Shape):
    kind = "rect"
    sides = 4

    def __init__(self, name, w, h):
        Shape.__init__(self, name)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h * self.scale * self.scale


class Square(Rect):
    kind = "square"

    def __init__(self, name, side):
        super().__init__(name, side, side)

    def diagonal2(self):
        return 2 * self.w * self.w


class Tri(Shape):
    kind = "triangle"
    sides = 3

    def __init__(self, name, b, h):
        super().__init__(name)
        self.b = b
        self.h = h

    def area(self):
        return self.b * self.h * self.scale * self.scale // 2

    def describe(self):
        return "tri! " + Shape.describe(self)


class DescribeMixin(object):
    _mixin_ = True

    def tag(self):
        return "<" + self.label() + ":" + str(self.sides) + ">"


class Hexagon(DescribeMixin, Shape):
    kind = "hexagon"
    sides = 6

    def __init__(self, name, r):
        Shape.__init__(self, name)
        self.r = r

    def area(self):
        return 3 * self.r * self.r * self.scale * self.scale

    def label(self):
        return "hex " + self.name


class Octagon(DescribeMixin, Shape):
    kind = "octagon"
    sides = 8

    def label(self):
        return "oct " + self.name


class Point(object):
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


class Frozen(object):
    _immutable_fields_ = ["value", "next"]

    def __init__(self, value, next):
        self.value = value
        self.next = next

    def total(self):
        t = 0
        node = self
        while node is not None:
            t += node.value
            node = node.next
        return t


class Node(object):
    def __init__(self, value):
        self.value = value
        self.next = None      # None, later a Node


def make_shape(i):
    k = i % 5
    if k == 0:
        return Rect("r" + str(i), i, i + 1)
    if k == 1:
        return Square("s" + str(i), i)
    if k == 2:
        return Tri("t" + str(i), i, 4)
    if k == 3:
        return Hexagon("h" + str(i), i)
    return Octagon("o" + str(i))


def classify(s):
    if isinstance(s, Square):
        return "square"
    if isinstance(s, Rect):
        return "rect-not-square"
    if isinstance(s, (Tri, Hexagon)):
        return "tri-or-hex"
    if isinstance(s, Shape):
        return "other shape"
    return "??"


def find(head, value):
    node = head
    while node is not None:
        if node.value == value:
            return node
        node = node.next
    return None


def entry_point(argv):
    n = 10
    total = 0
    first = None
    for i in range(n):
        s = make_shape(i)
        if first is None:
            first = s
        print(i, s.describe(), s.sides, classify(s), isinstance(s, Rect))
        total += s.area()
        if isinstance(s, Hexagon):
            print("  ", s.tag(), s.r)
        elif isinstance(s, Octagon):
            print("  ", s.tag())
        elif isinstance(s, Square):
            print("   diag2", s.diagonal2(), s.w == s.h)
    print("total area", total)
    g = Square("big", 3).grow(2).grow(3)
    print(g.describe(), g.scale, Shape.kind, Rect.kind, Square.sides)
    print("first", first.name, first is not None, first is first)
    a = Rect("a", 1, 2)
    b = Rect("a", 1, 2)
    c = a
    print("is", a is b, a is c, a is not b, c is not a)
    # a base attribute read on every subclass
    for i in range(5):
        sh = make_shape(i)
        sh.scale = i + 1
        print("scale", sh.name, sh.scale, sh.area())
    # __slots__
    p = Point(1, 2)
    for i in range(3):
        p = p.moved(i, -i)
    print("point", p.x, p.y)
    # _immutable_fields_ chain with None at the end
    chain = Frozen(1, Frozen(2, Frozen(3, None)))
    print("frozen total", chain.total(), chain.next.value, chain.next.next.next is None)
    # linked list of instances, None as a value
    head = Node(0)
    tail = head
    for i in range(1, 8):
        nd = Node(i * i)
        tail.next = nd
        tail = nd
    hit = find(head, 25)
    miss = find(head, 26)
    print("find", hit is not None, hit.value, miss is None)
    if miss is None:
        print("miss is None")
    s2 = None
    if len(argv) > 5:
        s2 = Rect("never", 0, 0)
    print("s2 none", s2 is None)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
