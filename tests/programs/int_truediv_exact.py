# int / int is the exact quotient rounded once, as CPython, also when an operand
# exceeds 2**53 (converting each operand to float first would round twice).
import sys
def entry_point(argv):
    vals = [1, 3, 7, 10, 2**53, 2**53 + 1, 2**53 + 3, 2**60 + 12345, 2**62 - 1, 9007199254740993, -9007199254740993, 2**63 - 1, -2**63 + 1, 12345678901234567, 3**39, 987654321987654321, -1, 2, 5]
    n = 0
    for a in vals:
        for b in vals:
            print(a, b, a / b, repr(-a / b))
            n += 1
    for i in range(1, 2000):
        a = ((i * 2654435761) * 1000003 + i * 40503) & 0x7fffffffffffffff
        b = (i * 2246822519) & 0xfffffffffff
        if b == 0:
            b = 1
        print(a / b, a / (b | 1) , (a >> (i % 60)) / 3)
    print(0 / 5, -0 / 7, 0 / -(2**62))
    return 0
def target(driver, args):
    return entry_point, None
if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
