import sys


async def fetch(n):  # E: async
    return n + 1


def entry_point(argv):
    fetch(3)
    return 0


def target(driver, args):
    return entry_point, None
