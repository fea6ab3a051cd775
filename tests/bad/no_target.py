# no target here  # E: target
import sys


def entry_point(argv):
    print("I have an entry point but nobody returns it")
    return 0
