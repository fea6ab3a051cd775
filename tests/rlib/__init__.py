"""Unit tests of the rpython library (run untranslated on CPython)."""
