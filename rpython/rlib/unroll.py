"""rpython.rlib.unroll: loops the translator unrolls.

    ops = unrolling_iterable(["add", "sub"])
    for name in ops:                       # unrolled in the flow graph:
        if opcode == name:                 # one copy of the body per item,
            getattr(self, "op_" + name)()  # with `name` a constant

Untranslated, an unrolling_iterable is an ordinary immutable sequence.
The translator recognises the class by its mark `_rpy_special_ =
"unrolling_iterable"` and unrolls `for x in <prebuilt unrolling_iterable>`.
"""

__all__ = ["unrolling_iterable", "SpecTag", "RPY_SPECIAL_NAMES"]

RPY_SPECIAL_NAMES = ("unrolling_iterable",)


class SpecTag(object):
    """Base of prebuilt objects the translator treats as frozen constants."""

    def __repr__(self):
        return "%s(0x%x)" % (self.__class__.__name__, id(self))

    def _freeze_(self):
        return True


class unrolling_iterable(SpecTag):
    """An immutable sequence of constants whose for-loops are unrolled."""

    _rpy_special_ = "unrolling_iterable"
    _immutable_ = True

    def __init__(self, iterable=()):
        self._items = tuple(iterable)

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __getitem__(self, index):
        return self._items[index]

    def __contains__(self, x):
        return x in self._items

    def __add__(self, other):
        return unrolling_iterable(self._items + tuple(other))

    def __radd__(self, other):
        return unrolling_iterable(tuple(other) + self._items)

    def __bool__(self):
        return bool(self._items)

    def get_unroller(self):
        """An iterator over the items (PyPy compatibility)."""
        return iter(self._items)

    def __repr__(self):
        return "unrolling_iterable(%r)" % (self._items,)
