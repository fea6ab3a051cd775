# Scope management with context managers and generators: a `with` block
# that pushes and pops interpreter scopes (also when an error escapes),
# generator methods walking a scope chain, and a generator pipeline over
# the program's tokens.
import sys


class UndefinedName(Exception):
    def __init__(self, name):
        self.name = name


class ScopeStack(object):
    def __init__(self):
        self.scopes = [{}]
        self.log = []

    def push(self, label):
        return PushedScope(self, label)

    def lookup(self, name):
        for scope in self.innermost_first():
            if name in scope:
                return scope[name]
        raise UndefinedName(name)

    def innermost_first(self):
        i = len(self.scopes) - 1
        while i >= 0:
            yield self.scopes[i]
            i -= 1

    def depth(self):
        return len(self.scopes)


class PushedScope(object):
    def __init__(self, stack, label):
        self.stack = stack
        self.label = label

    def __enter__(self):
        self.stack.scopes.append({})
        self.stack.log.append("enter " + self.label)
        return self.stack.scopes[-1]

    def __exit__(self, exc_type, exc_value, tb):
        self.stack.scopes.pop()
        if exc_type is not None:
            self.stack.log.append("exit %s with error" % self.label)
        else:
            self.stack.log.append("exit " + self.label)
        return False


def tokens(text):
    for word in text.split():
        if word.isdigit():
            yield "num:" + word
        else:
            yield "id:" + word


def only_ids(gen):
    for t in gen:
        if t.startswith("id:"):
            yield t[3:]


def run(stack):
    stack.scopes[0]["x"] = 1
    with stack.push("fn") as scope:
        scope["y"] = 2
        with stack.push("block") as inner:
            inner["x"] = 10
            print("inner", stack.lookup("x"), stack.lookup("y"), stack.depth())
        print("after block", stack.lookup("x"), stack.depth())
        try:
            with stack.push("bad"):
                stack.lookup("zz")
        except UndefinedName as e:
            print("undefined", e.name, stack.depth())
    print("top", stack.depth(), [len(s) for s in stack.innermost_first()])


def entry_point(argv):
    stack = ScopeStack()
    run(stack)
    print("\n".join(stack.log))
    ids = list(only_ids(tokens("let a = 1 + b * 22 in a")))
    print(ids, len(ids), ",".join(only_ids(tokens("x 1 y 2 z"))))
    total = 0
    for t in tokens("5 apples 7 pears 11"):
        if t.startswith("num:"):
            total += int(t[4:])
    print(total)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
