"""Puts the build directory (where the _rpytoolchain extension is) on sys.path."""
import os
import sys

_REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_BUILD = os.environ.get("RPY_BUILD_DIR", os.path.join(_REPO, "build"))
if _BUILD not in sys.path:
    sys.path.insert(0, _BUILD)
