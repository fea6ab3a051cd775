# A __bool__/__len__ that raises inside a try is caught there; isinstance
# narrowing survives the block boundary the raising truth test makes.
import sys

class V(object):
    def __init__(self, x):
        self.x = x
    def __len__(self):
        if self.x == 3:
            raise IndexError("len")
        return self.x

class B(object):
    def __bool__(self):
        raise ValueError("no truth")

class Animal(object):
    pass

class Dog(Animal):
    def bark(self):
        return "woof"

def pick(n):
    if n > 1:
        return Dog()
    return Animal()

def entry_point(argv):
    try:
        if V(3):
            print("true")
    except IndexError as e:
        print("caught len-bool", str(e))
    try:
        if not B():
            print("false")
    except ValueError as e:
        print("caught bool", str(e))
    try:
        a = pick(len(argv) + 1)
        if isinstance(a, Dog):
            print(a.bark())
    except ValueError:
        print("never")
    if V(2):
        print("V(2) is true")
    return 0

def target(driver, args):
    return entry_point, None

if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
