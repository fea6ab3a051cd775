# Handlers that only re-raise (`except E: raise`, clauses that cannot
# match): backendopt drops their exception exits (exceptions.cpp), so the
# exception must still reach the right outer handler with its message.
import sys


class AppError(Exception):
    pass


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise


def checked(x):
    try:
        if x > 3:
            raise AppError("too big: " + str(x))
        return x * 2
    except AppError:
        raise


def chain(d, k, x):
    try:
        return lookup(d, k) + checked(x)
    except ValueError:
        return -1


def entry_point(argv):
    d = {"a": 1, "b": 2}
    for k, x in [("a", 1), ("z", 1), ("b", 9), ("b", 3)]:
        try:
            print(k, x, chain(d, k, x))
        except KeyError as e:
            print("KeyError", e)
        except AppError as e:
            print("AppError", e)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
