import time
def entry_point(argv):
    l = []
    for i in range(300000):
        l.append(str(i))
    time.sleep(1.0)
    print(len(l))
    return 0
def target(driver, args):
    return entry_point, None
