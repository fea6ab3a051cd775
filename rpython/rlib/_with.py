"""The `with` statement as the translator sees it (flowspace/flowbuilder.cpp).

desugar(node) rewrites an ast.With into the statements PEP 343 specifies,
which the flow builder already knows (try/except/finally, method calls):

    mgr = EXPR
    VAR = mgr.__enter__()          # or just the call, without `as`
    ok = True
    try:
        try:
            BODY
        except BaseException as e:
            ok = False
            if not mgr.__exit__(type(e), e, None):
                raise
    finally:
        if ok:
            mgr.__exit__(None, None, None)

Several items nest, the first outermost. The new statements carry the
position of the `with`; the user's expressions and body keep theirs.
"""
import ast
import itertools


def _type_of(x):
    return type(x)


_type_of._rpy_special_ = "type_of"


class _Undefined(object):
    """What a variable the body did not get to assign holds after an
    __exit__ that suppressed the exception (CPython: unbound)."""

    def _freeze_(self):  # a constant for the annotator, not a prebuilt instance
        return True

    def __repr__(self):
        return "<unassigned: the with body was cut short by an exception its __exit__ suppressed>"


UNDEFINED = _Undefined()


def _undefined(names):
    pass


_undefined._rpy_special_ = "with_undefined"

_TEMPLATE = """
MGR = EXPR
TARGET = MGR.__enter__()
OK = True
try:
    try:
        pass
    except BaseException as EXC:
        OK = False
        if not MGR.__exit__(TYPE_OF(EXC), EXC, None):
            raise
        UNDEF(NAMES)
finally:
    if OK:
        MGR.__exit__(None, None, None)
"""

_counter = itertools.count()


class _Fill(ast.NodeTransformer):
    def __init__(self, names, expr, type_of, assigned):
        self.assigned = assigned
        self.names = names
        self.expr = expr
        self.type_of = type_of

    def visit_Name(self, node):
        if node.id == "EXPR":
            return self.expr
        if node.id == "TYPE_OF":
            return ast.copy_location(ast.Constant(value=self.type_of), node)
        if node.id == "UNDEF":
            return ast.copy_location(ast.Constant(value=_undefined), node)
        if node.id == "NAMES":
            return ast.copy_location(ast.Constant(value=self.assigned), node)
        if node.id in self.names:
            node.id = self.names[node.id]
        return node

    def visit_ExceptHandler(self, node):
        self.generic_visit(node)
        if node.name in self.names:
            node.name = self.names[node.name]
        return node


def _assigned(stmts):
    """The local names the statements assign (not inside nested scopes)."""
    found = []

    def visit(n):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.append(n.name)
            return
        if isinstance(n, ast.Lambda):
            return
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
            found.append(n.id)
        if isinstance(n, ast.ExceptHandler) and n.name:
            found.append(n.name)
        for c in ast.iter_child_nodes(n):
            visit(c)

    for s in stmts:
        visit(s)
    return tuple(sorted(set(found)))


def _one(item, body, where):
    tree = ast.parse(_TEMPLATE)
    for n in ast.walk(tree):  # before the user's nodes go in
        if "lineno" in n._attributes:
            n.lineno = where.lineno
            n.col_offset = where.col_offset
            n.end_lineno = where.lineno
            n.end_col_offset = where.col_offset + 4
    k = next(_counter)
    names = {"MGR": "_rpy_with_mgr%d" % k, "OK": "_rpy_with_ok%d" % k, "EXC": "_rpy_with_exc%d" % k}
    stmts = _Fill(names, item.context_expr, _type_of, _assigned(body)).visit(tree).body
    enter = stmts[1]
    if item.optional_vars is None:
        stmts[1] = ast.copy_location(ast.Expr(value=enter.value), enter)
    else:
        enter.targets = [item.optional_vars]
    inner_try = stmts[3].body[0]
    inner_try.body = body
    return stmts


def desugar(node):
    body = list(node.body)
    for item in reversed(node.items):
        body = _one(item, body, node)
    return body
