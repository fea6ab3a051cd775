"""rpython.rlib.debug, untranslated."""
import io
import os
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stderr

from rpython.rlib import debug
from rpython.rlib.debug import (
    debug_print, debug_start, debug_stop, have_debug_prints, debug_capture,
    ll_assert, check_nonneg, make_sure_not_resized, check_annotation,
    fatalerror, fatalerror_notb, FatalError, debug_flush, debug_offset,
    check_regular_int, ll_assert_not_none, check_list_of_chars)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SCRIPT = """
from rpython.rlib.debug import *
debug_print("top", 1)
debug_start("jit-tracing")
debug_print("in", "jit", 2)
debug_start("gc-minor")
debug_print("in gc")
debug_stop("gc-minor")
debug_stop("jit-tracing")
debug_start("gc-major")
print("have", have_debug_prints())
debug_print("in gc major")
debug_stop("gc-major")
print("stdout done")
"""


def run_script(pypylog):
    env = dict(os.environ)
    env.pop("PYPYLOG", None)
    if pypylog is not None:
        env["PYPYLOG"] = pypylog
    env["PYTHONPATH"] = REPO
    p = subprocess.run([sys.executable, "-c", SCRIPT], env=env,
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    return p.stdout, p.stderr


def strip_ts(text):
    out = []
    for line in text.splitlines():
        if line.startswith("[") and "] " in line:
            line = "[T] " + line.split("] ", 1)[1]
        out.append(line)
    return out


class TestDebugPrint(unittest.TestCase):
    def test_silent_without_pypylog(self):
        out, err = run_script(None)
        self.assertEqual(out, "have False\nstdout done\n")
        self.assertEqual(err, "")

    def test_category_selection(self):
        out, err = run_script("jit:-")
        self.assertEqual(out, "have False\nstdout done\n")
        self.assertEqual(strip_ts(err), ["[T] {jit-tracing", "in jit 2",
                                         "[T] jit-tracing}"])

    def test_everything(self):
        out, err = run_script(":-")
        self.assertEqual(out, "have True\nstdout done\n")
        self.assertEqual(strip_ts(err), [
            "top 1", "[T] {jit-tracing", "in jit 2", "[T] {gc-minor",
            "in gc", "[T] gc-minor}", "[T] jit-tracing}", "[T] {gc-major",
            "in gc major", "[T] gc-major}"])

    def test_several_prefixes(self):
        out, err = run_script("gc-minor,jit-tr:-")
        self.assertEqual(strip_ts(err), [
            "[T] {jit-tracing", "in jit 2", "[T] {gc-minor", "in gc",
            "[T] gc-minor}", "[T] jit-tracing}"])

    def test_profiling_only_to_file(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "log")
            out, err = run_script(path)
            self.assertEqual(err, "")
            with open(path) as f:
                self.assertEqual(strip_ts(f.read()), [
                    "[T] {jit-tracing", "[T] {gc-minor", "[T] gc-minor}",
                    "[T] jit-tracing}", "[T] {gc-major", "[T] gc-major}"])

    def test_capture(self):
        with debug_capture() as log:
            debug_print("a", 1, 2.5, None)
            debug_start("cat")
            self.assertTrue(have_debug_prints())
            debug_print("inner")
            debug_stop("cat")
        self.assertEqual(log, [("debug_print", "a 1 2.5 None"),
                               ("cat", [("debug_print", "inner")])])

    def test_nothing_in_process_without_pypylog(self):
        if os.environ.get("PYPYLOG"):
            self.skipTest("PYPYLOG is set")
        buf = io.StringIO()
        with redirect_stderr(buf):
            debug_print("x")
            debug_start("c")
            debug_stop("c")
            debug_flush()
        self.assertEqual(buf.getvalue(), "")
        self.assertFalse(have_debug_prints())
        self.assertEqual(debug_offset(), -1)

    def test_mismatched_stop(self):
        with debug_capture():
            debug_start("a")
            with self.assertRaises(AssertionError):
                debug_stop("b")
            debug_stop("a")


class TestAssertions(unittest.TestCase):
    def test_ll_assert(self):
        ll_assert(True, "fine")
        with self.assertRaises(AssertionError) as cm:
            ll_assert(False, "boom")
        self.assertIn("boom", str(cm.exception))
        self.assertEqual(ll_assert_not_none(3), 3)
        with self.assertRaises(AssertionError):
            ll_assert_not_none(None)

    def test_check_nonneg(self):
        self.assertEqual(check_nonneg(0), 0)
        self.assertEqual(check_nonneg(5), 5)
        with self.assertRaises(AssertionError):
            check_nonneg(-1)

    def test_check_regular_int(self):
        self.assertEqual(check_regular_int(3), 3)
        with self.assertRaises(AssertionError):
            check_regular_int(True)

    def test_identity_helpers(self):
        l = [1, 2]
        self.assertIs(make_sure_not_resized(l), l)
        self.assertIs(check_annotation(l, lambda s, bk: s), l)
        self.assertEqual(check_list_of_chars(["a", "b"]), ["a", "b"])
        with self.assertRaises(AssertionError):
            check_list_of_chars(["ab"])

    def test_fatalerror(self):
        with self.assertRaises(FatalError) as cm:
            fatalerror("bad state")
        self.assertEqual(str(cm.exception), "bad state")
        with self.assertRaises(FatalError):
            fatalerror_notb("x")

    def test_marks(self):
        found = set()
        for name in dir(debug):
            mark = getattr(getattr(debug, name), "__dict__", {}).get("_rpy_special_")
            if mark is not None:
                found.add(mark)
        self.assertEqual(found, set(debug.RPY_SPECIAL_NAMES))


if __name__ == "__main__":
    unittest.main()
