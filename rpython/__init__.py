"""The RPython-3 library API (same module names as PyPy's RPython where one exists).

Untranslated, every module here is plain Python 3, so RPython programs run on
CPython with the same output as their translated binaries."""
