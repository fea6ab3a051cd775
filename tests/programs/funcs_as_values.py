# Functions, bound methods and classes as values (issue 3, item 3): tuples
# of functions with compatible signatures called in a loop (through function
# pointers), a function chosen at run time, a bound method stored in a
# variable and called later, a class chosen at run time and instantiated,
# with defaults and keywords through all of these.
# (Lists and dicts of functions come with the containers issue.)
import sys


def add(a, b=1):
    return a + b


def sub(a, b=1):
    return a - b


def mul(a, b=1):
    return a * b


def power(a, b=1):
    r = 1
    for i in range(b):
        r *= a
    return r


OPS = (add, sub, mul, power)
NAMED = (("add", add), ("sub", sub), ("mul", mul), ("pow", power))


def apply_twice(f, x, b=2):
    return f(f(x, b), b)


def compose_all(x):
    # every function of the tuple, called through one variable
    for f in OPS:
        x = f(x, 2)
    return x


def pick(i):
    if i % 4 == 0:
        return add
    elif i % 4 == 1:
        return sub
    elif i % 4 == 2:
        return mul
    return power


class Account(object):
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount, fee=0):
        self.balance += amount - fee
        return self.balance

    def withdraw(self, amount, fee=1):
        self.balance -= amount + fee
        return self.balance


class Animal(object):
    sound = "..."

    def __init__(self, name, legs=4):
        self.name = name
        self.legs = legs

    def speak(self, times=1):
        s = ""
        for i in range(times):
            s = s + self.sound
        return self.name + ": " + s


class Dog(Animal):
    sound = "woof"


class Bird(Animal):
    sound = "tweet"

    def __init__(self, name, legs=2):
        Animal.__init__(self, name, legs)


class Snake(Animal):
    sound = "hiss"

    def __init__(self, name, legs=0):
        Animal.__init__(self, name, legs)

    def speak(self, times=1):
        return self.name + " (silent snake)"


KINDS = (Dog, Bird, Snake)


def make_animal(i, name):
    cls = Dog
    if i == 1:
        cls = Bird
    elif i == 2:
        cls = Snake
    return cls(name)


def entry_point(argv):
    for f in OPS:
        print(f(7), f(7, 3), f(b=2, a=5), apply_twice(f, 3))
    for pair in NAMED:
        name, f = pair
        print(name, f(10, 4))
    print("composed", compose_all(1), compose_all(3))
    for i in range(8):
        f = pick(i)
        print("picked", i, f(i + 1), f(i + 1, b=3))
    acc = Account("ann", 100)
    dep = acc.deposit          # a bound method, called later
    wd = acc.withdraw
    for i in range(3):
        dep(10)
        dep(20, fee=2)
        wd(5)
    print("balance", acc.owner, acc.balance, wd(1, fee=0))
    # A bound method chosen at run time (same method, another receiver).
    # Bound methods of different names in one variable are not supported yet.
    op = acc.deposit
    if len(argv) > 5:
        op = Account("spare", 0).deposit
    print("chosen method", op(50), op(amount=1, fee=1))
    other = Account("ben", 0)
    meth = other.deposit
    meth(7)
    print("ben", other.balance, acc.balance)
    for i in range(3):
        a = make_animal(i, "pet" + str(i))
        print(a.speak(), a.speak(times=2), a.legs)
    for cls in KINDS:
        a = cls("k")
        print(a.speak(2), a.legs, isinstance(a, Animal))
    cls = Dog if len(argv) > 1 else Bird
    b = cls("chosen", legs=3)
    print(b.speak(), b.legs)
    speak = b.speak
    print(speak(3))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
