# The two list representations: `table` is never resized, so it is the
# GC array itself (getarraysize, getarrayitem on it directly); `acc` grows,
# so it is a header {length, items}: append is the capacity test, the call
# to rpy_list_resize_ge on the slow path only, then the store; pop() is the
# int_pop_check guard and the loads; iteration over `table` is the guard
# int_iter_check and getarrayitem.


def pick(table, i):
    return table[i] + len(table)


def entry_point(argv):
    table = [3, 1, 4]
    table[0] = 2
    acc = []
    for x in table:
        acc.append(x)
    n = pick(table, len(argv) - 1)
    return n + acc.pop()


def target(driver, args):
    return entry_point, None
