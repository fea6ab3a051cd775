"""rpython.rlib.debug: debug prints, sections and assertions.

debug_print(*args) writes its arguments, separated by spaces, as one line
of the debug log, like PyPy's.  Which lines are written is chosen, as in a
translated PyPy, by the environment variable PYPYLOG:

    PYPYLOG=CATS:FILE    CATS is a comma-separated list of category
                         prefixes (empty or "*" selects every category);
                         FILE is a path, or "-" for stderr
    PYPYLOG=FILE         (no colon) profiling only: section start/stop
                         lines, no debug_print output

debug_start(category) / debug_stop(category) open and close a section; the
log gets a line `[TIMESTAMP] {category` / `[TIMESTAMP] category}` for each
selected section, and debug_print writes only inside a selected section
(or outside every section, when CATS selects everything).

Untranslated (on CPython) the same rules apply, read from PYPYLOG when the
first debug function is called; without PYPYLOG every function here writes
nothing, so a program's stdout and stderr are those of the translated
binary run without PYPYLOG.  Tests can capture the log with
`debug_capture()`.

ll_assert(cond, msg) raises AssertionError untranslated (a fatal error in
a binary translated with assertions); fatalerror(msg) raises FatalError
untranslated (prints msg and aborts in the binary).
"""

import os
import sys
import time

__all__ = ["debug_print", "debug_start", "debug_stop", "have_debug_prints",
           "have_debug_prints_for", "debug_offset", "debug_flush",
           "debug_capture", "DebugLog", "ll_assert", "ll_assert_not_none",
           "check_nonneg", "check_regular_int", "make_sure_not_resized",
           "make_sure_not_modified", "check_annotation", "check_list_of_chars",
           "mark_dict_non_null", "fatalerror", "fatalerror_notb", "FatalError",
           "debug_print_once", "RPY_SPECIAL_NAMES"]

RPY_SPECIAL_NAMES = (
    "debug_print",
    "debug_start",
    "debug_stop",
    "have_debug_prints",
    "have_debug_prints_for",
    "debug_offset",
    "debug_flush",
    "ll_assert",
    "ll_assert_not_none",
    "check_nonneg",
    "check_regular_int",
    "make_sure_not_resized",
    "make_sure_not_modified",
    "check_annotation",
    "check_list_of_chars",
    "mark_dict_non_null",
    "fatalerror",
    "fatalerror_notb",
)


from rpython.rlib._special import marker  # noqa: E402

_mark = marker(RPY_SPECIAL_NAMES)


# ____________________________________________________________
# the log

class DebugLog(list):
    """A captured log: a list of ("debug_print", text) entries and of
    (category, [entries]) for each section."""

    def __init__(self):
        list.__init__(self)
        self._stack = [self]

    def debug_print(self, text):
        self._stack[-1].append(("debug_print", text))

    def debug_start(self, category):
        inner = []
        self._stack[-1].append((category, inner))
        self._stack.append(inner)

    def debug_stop(self, category):
        assert len(self._stack) > 1, "debug_stop(%r) without debug_start" % (category,)
        self._stack.pop()


class _Config(object):
    def __init__(self, env):
        self.enabled = False      # any output at all
        self.prints = False       # debug_print output (CATS:FILE form)
        self.everything = False   # every category selected
        self.prefixes = ()
        self.filename = None
        self.stream = None
        if not env:
            return
        self.enabled = True
        if ":" in env:
            cats, self.filename = env.split(":", 1)
            self.prints = True
            cats = cats.strip()
            if cats in ("", "*"):
                self.everything = True
            else:
                self.prefixes = tuple(c for c in cats.split(",") if c)
        else:
            self.filename = env

    def selects(self, category):
        if self.everything:
            return True
        for p in self.prefixes:
            if category.startswith(p):
                return True
        return False

    def write(self, line):
        if self.stream is None:
            if self.filename in (None, "", "-"):
                self.stream = sys.stderr
            else:
                self.stream = open(self.filename, "a")
        self.stream.write(line + "\n")

    def flush(self):
        if self.stream is not None:
            self.stream.flush()


_config = None
_log = None            # a DebugLog while debug_capture() is active
_sections = []         # (category, selected) of the open sections


def _get_config():
    global _config
    if _config is None:
        _config = _Config(os.environ.get("PYPYLOG"))
    return _config


def _timestamp():
    return "[%x]" % (time.perf_counter_ns() & 0xFFFFFFFFFFFF)


def _printing_now():
    cfg = _get_config()
    if not cfg.prints:
        return False
    if _sections:
        return _sections[-1][1]
    return cfg.everything


class debug_capture(object):
    """Context manager capturing the debug log in a DebugLog (every category,
    regardless of PYPYLOG):

        with debug_capture() as log:
            run()
        assert log == [("mycat", [("debug_print", "x 1")])]
    """

    def __enter__(self):
        global _log
        self._saved = (_log, list(_sections))
        _log = DebugLog()
        del _sections[:]
        return _log

    def __exit__(self, *exc):
        global _log
        _log, saved_sections = self._saved
        _sections[:] = saved_sections
        return False


# ____________________________________________________________
# debug prints

@_mark("debug_print")
def debug_print(*args):
    """Write the arguments (str() of each, space-separated) as one line of
    the debug log, if the current section is selected by PYPYLOG."""
    text = " ".join([str(a) for a in args])
    if _log is not None:
        _log.debug_print(text)
        return
    if _printing_now():
        _get_config().write(text)


@_mark("debug_start")
def debug_start(category, timestamp=False):
    """Open a debug section called category (e.g. "jit-tracing")."""
    if _log is not None:
        _log.debug_start(category)
        _sections.append((category, True))
        return
    cfg = _get_config()
    _sections.append((category, cfg.prints and cfg.selects(category)))
    if _section_logged(cfg, category):
        cfg.write("%s {%s" % (_timestamp(), category))


def _section_logged(cfg, category):
    # profiling mode (PYPYLOG=FILE) logs every section's start and stop;
    # PYPYLOG=CATS:FILE only the selected ones
    return cfg.enabled and (not cfg.prints or cfg.selects(category))


@_mark("debug_stop")
def debug_stop(category, timestamp=False):
    """Close the section opened by debug_start(category)."""
    if not _sections or _sections[-1][0] != category:
        raise AssertionError("debug_stop(%r) does not match the open "
                             "section %r" % (category,
                                             _sections[-1][0] if _sections else None))
    _sections.pop()
    if _log is not None:
        _log.debug_stop(category)
        return
    cfg = _get_config()
    if _section_logged(cfg, category):
        cfg.write("%s %s}" % (_timestamp(), category))


@_mark("have_debug_prints")
def have_debug_prints():
    """True if debug_print would write something now (use it to avoid
    computing expensive debug output)."""
    if _log is not None:
        return True
    return _printing_now()


@_mark("have_debug_prints_for")
def have_debug_prints_for(category_prefix):
    """True if a section whose category starts with category_prefix would
    have its debug prints written."""
    if _log is not None:
        return True
    cfg = _get_config()
    return cfg.prints and (cfg.everything or any(
        p.startswith(category_prefix) or category_prefix.startswith(p)
        for p in cfg.prefixes))


@_mark("debug_offset")
def debug_offset():
    """The current offset in the log file, or -1."""
    return -1


@_mark("debug_flush")
def debug_flush():
    """Flush the log file."""
    if _config is not None:
        _config.flush()


_printed_once = set()


def debug_print_once(key, *args):
    """debug_print(*args) the first time it is called with this key."""
    if key not in _printed_once:
        _printed_once.add(key)
        debug_print(*args)


# ____________________________________________________________
# assertions and annotation checks

@_mark("ll_assert")
def ll_assert(x, msg):
    """A low-level assertion: AssertionError(msg) untranslated; in the
    binary, a fatal error when assertions are enabled."""
    assert x, msg


@_mark("ll_assert_not_none")
def ll_assert_not_none(x):
    """ll_assert(x is not None); returns x."""
    assert x is not None, "ll_assert_not_none(%r)" % (x,)
    return x


@_mark("check_nonneg")
def check_nonneg(x):
    """Assert x >= 0 (also tells the annotator x is non-negative);
    returns x."""
    assert x >= 0, "check_nonneg(%r) failed" % (x,)
    return x


@_mark("check_regular_int")
def check_regular_int(x):
    """Assert x is a plain machine int (not a bool or sized int)."""
    assert type(x) is int, "check_regular_int: %r is not an int" % (x,)
    return x


@_mark("make_sure_not_resized")
def make_sure_not_resized(arg):
    """The annotator makes arg a fixed-size list (error if it is resized
    anywhere); returns arg."""
    return arg


@_mark("make_sure_not_modified")
def make_sure_not_modified(arg):
    """The annotator makes arg an immutable list; returns arg."""
    return arg


@_mark("check_annotation")
def check_annotation(arg, checker):
    """Call checker(annotation, bookkeeper) at annotation time; returns
    arg (checker is not called untranslated)."""
    return arg


@_mark("check_list_of_chars")
def check_list_of_chars(l):
    """Assert l is a list of 1-character strings; returns l."""
    for c in l:
        assert isinstance(c, str) and len(c) == 1, \
            "check_list_of_chars: %r" % (c,)
    return l


@_mark("mark_dict_non_null")
def mark_dict_non_null(d):
    """Tell the annotator d's keys and values are never None/0."""
    assert isinstance(d, dict)
    return d


class FatalError(Exception):
    """Raised untranslated by fatalerror(); the binary aborts instead."""


@_mark("fatalerror")
def fatalerror(msg):
    """Print msg (and a traceback of the RPython frames) and abort.
    Untranslated: raises FatalError(msg)."""
    raise FatalError(msg)


@_mark("fatalerror_notb")
def fatalerror_notb(msg):
    """fatalerror() without the traceback."""
    raise FatalError(msg)
