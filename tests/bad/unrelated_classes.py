# Two classes without a common base (other than object) in one variable.
import sys


class Cat(object):
    def __init__(self):
        self.lives = 9


class Car(object):
    def __init__(self):
        self.wheels = 4


def entry_point(argv):
    if len(argv) > 1:
        thing = Cat()
    else:
        thing = Car()  # E: Car
    print(thing is None)
    return 0


def target(driver, args):
    return entry_point, None
