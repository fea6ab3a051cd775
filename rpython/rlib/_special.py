"""The `_rpy_special_` marks by which the translator recognises the rlib
helpers it gives a meaning of its own (each module lists its names in
RPY_SPECIAL_NAMES)."""


def marker(names):
    """A decorator factory: _mark(name) tags a function or class with
    `_rpy_special_ = name`, for a name listed in `names`."""
    def _mark(name):
        assert name in names, name

        def decorator(obj):
            obj._rpy_special_ = name
            return obj
        return decorator
    return _mark
