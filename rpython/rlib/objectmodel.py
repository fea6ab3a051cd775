"""rpython.rlib.objectmodel: helpers that mean something to the translator.

Untranslated (on CPython) they are ordinary functions; the translator
recognises them by identity and gives them their translated meaning.
"""

__all__ = ["we_are_translated", "specialize", "always_inline", "dont_inline",
           "not_rpython", "enforceargs"]


def we_are_translated():
    """False when running on CPython; the translator folds it to True."""
    return False


# The flow builder folds calls to functions carrying this mark to True.
we_are_translated._rpy_we_are_translated_ = True


def _set_specialize(tag):
    def decorator(func):
        func._annspecialcase_ = tag
        return func
    return decorator


class _Specialize(object):
    """@specialize.memo(), .arg(*n), .argtype(*n), .call_location(), .ll()"""

    def memo(self):
        return _set_specialize("specialize:memo")

    def arg(self, *args):
        return _set_specialize("specialize:arg" + _fmt(args))

    def argtype(self, *args):
        return _set_specialize("specialize:argtype" + _fmt(args))

    def arglistitemtype(self, *args):
        return _set_specialize("specialize:arglistitemtype" + _fmt(args))

    def call_location(self):
        return _set_specialize("specialize:call_location")

    def ll(self):
        return _set_specialize("specialize:ll")

    def ll_and_arg(self, *args):
        return _set_specialize("specialize:ll_and_arg" + _fmt(args))


def _fmt(args):
    return "(" + ",".join(repr(a) for a in args) + ")"


specialize = _Specialize()


def always_inline(func):
    func._always_inline_ = True
    return func


def dont_inline(func):
    func._dont_inline_ = True
    return func


def not_rpython(func):
    """Marks a helper that must only run at import time, never be translated."""
    func._not_rpython_ = True
    return func


def enforceargs(*types, **kwds):
    """Declare argument types (checked by the annotator; a no-op untranslated)."""
    def decorator(func):
        func._annenforceargs_ = (types, kwds)
        return func
    return decorator
