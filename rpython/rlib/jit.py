"""rpython.rlib.jit: hints for the tracing JIT.

Untranslated, and in a binary translated without --opt=jit, every hint is
a no-op that returns its argument: `promote(x)` is x, `we_are_jitted()` is
False, decorated functions are returned unchanged (with a mark attribute).
JitDriver.jit_merge_point / can_enter_jit check, as in RPython, that their
keyword arguments are exactly the driver's greens and reds.

Marks for the translator: `_rpy_special_ = NAME` on each name listed in
RPY_SPECIAL_NAMES; decorators also set PyPy's attributes
(_elidable_function_, _jit_look_inside_, _jit_unroll_safe_,
_jit_loop_invariant_, oopspec).
"""

import inspect

from rpython.rlib.objectmodel import (CDefinedIntSymbolic, keepalive_until_here,
                                      specialize)
from rpython.rlib.unroll import unrolling_iterable

RPY_SPECIAL_NAMES = (
    "JitDriver",
    "jit_merge_point",
    "can_enter_jit",
    "loop_header",
    "hint",
    "promote",
    "promote_string",
    "promote_unicode",
    "we_are_jitted",
    "isconstant",
    "isvirtual",
    "assert_green",
    "jit_debug",
    "current_trace_length",
    "set_param",
    "set_param_to_default",
    "set_user_param",
    "conditional_call",
    "conditional_call_elidable",
    "record_exact_class",
    "record_exact_value",
    "record_known_result",
    "virtual_ref",
    "virtual_ref_finish",
    "enter_portal_frame",
    "leave_portal_frame",
)

__all__ = ["elidable", "purefunction", "elidable_promote",
           "purefunction_promote", "hint", "promote", "promote_string",
           "promote_unicode", "dont_look_inside", "look_inside", "unroll_safe",
           "loop_invariant", "look_inside_iff", "oopspec", "not_in_trace",
           "isconstant", "isvirtual", "loop_unrolling_heuristic",
           "we_are_jitted", "current_trace_length", "jit_debug",
           "assert_green", "AssertGreenFailed", "JitHintError", "JitDriver",
           "PARAMETERS", "PARAMETER_DOCS", "set_param", "set_param_to_default",
           "set_user_param", "JitHookInterface", "conditional_call",
           "conditional_call_elidable", "record_exact_class",
           "record_exact_value", "record_known_result", "Counters",
           "virtual_ref", "virtual_ref_finish", "non_virtual_ref",
           "InvalidVirtualRef", "vref_None", "enter_portal_frame",
           "leave_portal_frame", "RPY_SPECIAL_NAMES"]


from rpython.rlib._special import marker  # noqa: E402

_mark = marker(RPY_SPECIAL_NAMES)


# ____________________________________________________________
# function decorators

def elidable(func):
    """The function's result depends only on its arguments (same numbers or
    same pointers give the same result) and its side effects, if any, are
    idempotent (e.g. a cache): the JIT may constant-fold or remove calls."""
    func._elidable_function_ = True
    return func


def purefunction(func):
    """Deprecated name of elidable."""
    return elidable(func)


def dont_look_inside(func):
    """The JIT does not trace into func; calls stay calls."""
    func._jit_look_inside_ = False
    return func


def look_inside(func):
    """The JIT traces into func even if the policy would not."""
    func._jit_look_inside_ = True
    return func


def unroll_safe(func):
    """The JIT may unroll func's loops without fear of code explosion."""
    func._jit_unroll_safe_ = True
    return func


def loop_invariant(func):
    """A function without arguments whose result is the same for the whole
    loop: called once per loop iteration at most."""
    dont_look_inside(func)
    func._jit_loop_invariant_ = True
    return func


def oopspec(spec):
    """Attach an oopspec string (the JIT's description of the function)."""
    def decorator(func):
        func.oopspec = spec
        return func
    return decorator


def not_in_trace(func):
    """For a function returning None: called when interpreting, tracing and
    blackholing, but removed from the compiled loops."""
    func.oopspec = "jit.not_in_trace()"
    return func


def _positional_args(func):
    sig = inspect.signature(func)
    names = []
    for p in sig.parameters.values():
        if p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            raise AssertionError("%s: only positional arguments are supported"
                                 % func.__name__)
        if p.default is not p.empty:
            raise AssertionError("%s: default values are not supported"
                                 % func.__name__)
        names.append(p.name)
    return names


def elidable_promote(promote_args="all"):
    """elidable, and promote the arguments (all, or those whose indexes are
    given as a string such as "0,2") before calling."""
    def decorator(func):
        elidable(func)
        names = _positional_args(func)
        if promote_args == "all":
            which = tuple(range(len(names)))
        else:
            which = tuple(int(i) for i in promote_args.split(","))

        def wrapper(*args):
            args = tuple(promote(a) if i in which else a
                         for i, a in enumerate(args))
            return func(*args)
        wrapper.__name__ = func.__name__ + "_promote"
        wrapper.__qualname__ = wrapper.__name__
        wrapper.__doc__ = func.__doc__
        wrapper._elidable_promote_ = (func, which)
        return wrapper
    return decorator


def purefunction_promote(promote_args="all"):
    """Deprecated name of elidable_promote."""
    return elidable_promote(promote_args)


def look_inside_iff(predicate):
    """Look inside (and unroll loops of) func if and only if
    predicate(*args) is true when tracing; untranslated, just call func."""
    def decorator(func):
        unroll_safe(func)
        func._annspecialcase_ = "specialize:call_location"
        predicate._annspecialcase_ = "specialize:call_location"
        assert len(_positional_args(func)) == len(_positional_args(predicate)), \
            "%s and its predicate need the same number of arguments" % func.__name__

        def wrapper(*args):
            # untranslated there is no tracing: always the plain call
            return func(*args)
        wrapper.__name__ = func.__name__ + "_look_inside_iff"
        wrapper.__qualname__ = wrapper.__name__
        wrapper.__doc__ = func.__doc__
        wrapper._look_inside_iff_ = (func, predicate)
        wrapper._annspecialcase_ = "specialize:call_location"
        return wrapper
    return decorator


# ____________________________________________________________
# value hints

@_mark("hint")
def hint(x, **kwds):
    """A hint for the JIT about x (promote=True, promote_string=True,
    access_directly=True, fresh_virtualizable=True, force_virtualizable=True).
    Returns x."""
    return x


@_mark("promote")
@specialize.argtype(0)
def promote(x):
    """Turn x into a constant in the trace (guarding on its value)."""
    return hint(x, promote=True)


@_mark("promote_string")
def promote_string(x):
    """Like promote, but compares the string by value."""
    return hint(x, promote_string=True)


@_mark("promote_unicode")
def promote_unicode(x):
    """Like promote_string (str is Unicode text in RPython-3)."""
    return hint(x, promote_unicode=True)


@_mark("isconstant")
@specialize.call_location()
def isconstant(value):
    """While tracing, whether value is known to be a constant.  False
    when not tracing."""
    return False


isconstant.oopspec = "jit.isconstant(value)"


@_mark("isvirtual")
@specialize.call_location()
def isvirtual(value):
    """While tracing, whether value is a virtual (not yet allocated) object.
    False when not tracing."""
    return False


isvirtual.oopspec = "jit.isvirtual(value)"


@specialize.call_location()
def loop_unrolling_heuristic(lst, size, cutoff=2):
    """Whether a loop over lst (of the given size) is worth unrolling."""
    return isvirtual(lst) or (isconstant(size) and size <= cutoff)


@_mark("we_are_jitted")
def we_are_jitted():
    """True in code the JIT traces or blackholes; False untranslated and
    in the interpreter."""
    return False


_we_are_jitted = CDefinedIntSymbolic("0 /* we are not jitted here */",
                                     default=0)


@_mark("current_trace_length")
def current_trace_length():
    """While tracing, the length of the trace so far; -1 otherwise."""
    return -1


current_trace_length.oopspec = "jit.current_trace_length()"

_MIN = -2 ** 63


@_mark("jit_debug")
def jit_debug(string, arg1=_MIN, arg2=_MIN, arg3=_MIN, arg4=_MIN):
    """Put a JIT_DEBUG operation in the trace (for debugging the JIT)."""
    keepalive_until_here(string)


jit_debug.oopspec = "jit.debug(string, arg1, arg2, arg3, arg4)"


class AssertGreenFailed(Exception):
    pass


@_mark("assert_green")
@specialize.argtype(0)
def assert_green(value):
    """Check, when tracing, that value is a green (a trace constant)."""
    keepalive_until_here(value)


assert_green.oopspec = "jit.assert_green(value)"


@_mark("conditional_call")
def conditional_call(condition, function, *args):
    """if condition: function(*args) -- in one operation for the JIT
    (function must return None)."""
    if condition:
        function(*args)


@_mark("conditional_call_elidable")
def conditional_call_elidable(value, function, *args):
    """value if it is not None/0, else function(*args) (an elidable
    function); the JIT can remove the call when value is known."""
    if not value:
        value = function(*args)
    return value


@_mark("record_exact_class")
def record_exact_class(value, cls):
    """Tell the JIT that value's class is exactly cls (checked untranslated)."""
    assert type(value) is cls, "record_exact_class: %r is not exactly %r" % (
        type(value), cls)


@_mark("record_exact_value")
def record_exact_value(value, const_value):
    """Tell the JIT that value equals const_value (checked untranslated)."""
    assert value is const_value or value == const_value
    return const_value


@_mark("record_known_result")
def record_known_result(result, func, *args):
    """Tell the JIT that the elidable func(*args) returns result."""
    pass


@_mark("enter_portal_frame")
def enter_portal_frame(unique_id):
    """Mark the entry of a (non-JIT) portal frame for profilers."""
    pass


@_mark("leave_portal_frame")
def leave_portal_frame():
    pass


# ____________________________________________________________
# virtual references

class InvalidVirtualRef(Exception):
    """A non-forced virtual ref was called after virtual_ref_finish."""


class DirectVRef(object):
    def __init__(self, x):
        self._x = x
        self._state = "non-forced"

    def __call__(self):
        if self._state == "non-forced":
            self._state = "forced"
        elif self._state == "invalid":
            raise InvalidVirtualRef
        return self._x

    @property
    def virtual(self):
        return self._state == "non-forced"

    def _finish(self):
        if self._state == "non-forced":
            self._state = "invalid"


@_mark("virtual_ref")
def virtual_ref(x):
    """A reference to x that lets x stay virtual in JIT code until called."""
    assert x is not None, "virtual_ref(None) is not allowed"
    return DirectVRef(x)


@_mark("virtual_ref_finish")
def virtual_ref_finish(vref, x):
    """End of the region started by virtual_ref(x)."""
    assert vref._x is x, "Invalid call to virtual_ref_finish"
    vref._finish()


def non_virtual_ref(x):
    """A vref that just returns x when called."""
    return DirectVRef(x)


vref_None = non_virtual_ref(None)


# ____________________________________________________________
# JitDriver and parameters

class JitHintError(Exception):
    """Inconsistency in the JIT hints."""


ENABLE_ALL_OPTS = "intbounds:rewrite:virtualize:string:earlyforce:pure:heap:unroll"

PARAMETER_DOCS = {
    "threshold": "number of times a loop has to run for it to become hot",
    "function_threshold": "number of times a function must run for it to become traced from start",
    "trace_eagerness": "number of times a guard has to fail before we start compiling a bridge",
    "decay": "amount to regularly decay counters by (0=none, 1000=max)",
    "trace_limit": "number of recorded operations before we abort tracing with ABORT_TOO_LONG",
    "inlining": "inline python functions or not (1/0)",
    "loop_longevity": "a parameter controlling how long loops will be kept before being freed, an estimate",
    "retrace_limit": "how many times we can try retracing before giving up",
    "max_retrace_guards": "number of extra guards a retrace can cause",
    "max_unroll_loops": "number of extra unrollings a loop can cause",
    "enable_opts": "optimizations to enable, or all = " + ENABLE_ALL_OPTS,
    "max_unroll_recursion": "how many levels deep to unroll a recursive function",
}

PARAMETERS = {
    "threshold": 1039,
    "function_threshold": 1619,
    "trace_eagerness": 200,
    "decay": 40,
    "trace_limit": 6000,
    "inlining": 1,
    "loop_longevity": 1000,
    "retrace_limit": 0,
    "max_retrace_guards": 15,
    "max_unroll_loops": 0,
    "enable_opts": "all",
    "max_unroll_recursion": 7,
}
unroll_parameters = unrolling_iterable(PARAMETERS.items())


@_mark("JitDriver")
class JitDriver(object):
    """Declares the interpreter's main loop to the JIT:

        driver = JitDriver(greens=["pc", "code"], reds=["frame"],
                           get_printable_location=lambda pc, code: ...)
        while ...:
            driver.jit_merge_point(pc=pc, code=code, frame=frame)

    greens: the variables that identify a position in the user program;
    reds: everything else live in the loop (or reds="auto");
    virtualizables: reds whose fields the JIT keeps in registers.
    A JitDriver is a frozen prebuilt constant.
    """

    active = True
    virtualizables = []
    name = "jitdriver"
    inline_jit_merge_point = False
    _store_last_enter_jit = None

    def __init__(self, greens=None, reds=None, virtualizables=None,
                 get_jitcell_at=None, set_jitcell_at=None,
                 get_printable_location=None, confirm_enter_jit=None,
                 can_never_inline=None, should_unroll_one_iteration=None,
                 name="jitdriver", check_untranslated=True,
                 get_unique_id=None, is_recursive=False,
                 vectorize=False):
        if greens is not None:
            self.greens = list(greens)
        self.name = name
        if reds == "auto":
            self.autoreds = True
            self.reds = []
            self.numreds = None
            if confirm_enter_jit is not None:
                raise AssertionError(
                    "reds='auto' is not compatible with confirm_enter_jit")
        else:
            if reds is not None:
                self.reds = list(reds)
            self.autoreds = False
            if hasattr(self, "reds"):
                self.numreds = len(self.reds)
        if not hasattr(self, "greens") or not hasattr(self, "reds"):
            raise AttributeError("no 'greens' or 'reds' supplied")
        if virtualizables is not None:
            self.virtualizables = list(virtualizables)
        for v in self.virtualizables:
            if v not in self.reds:
                raise AssertionError("virtualizable %r is not a red" % (v,))
        self._somelivevars = set(n for n in self.greens + self.reds
                                 if "." not in n)
        if get_jitcell_at is not None or set_jitcell_at is not None:
            raise AssertionError("get_jitcell_at/set_jitcell_at are no longer used")
        self.get_printable_location = get_printable_location
        if get_unique_id is None:
            get_unique_id = lambda *args: 0
        self.get_unique_id = get_unique_id
        self.confirm_enter_jit = confirm_enter_jit
        self.can_never_inline = can_never_inline
        self.should_unroll_one_iteration = should_unroll_one_iteration
        self.check_untranslated = check_untranslated
        self.is_recursive = is_recursive
        self.vectorize = vectorize
        self.jit_merge_point = self.jit_merge_point
        self.can_enter_jit = self.can_enter_jit
        self.loop_header = self.loop_header

    def _freeze_(self):
        return True

    def _check_arguments(self, livevars, is_merge_point):
        given = set(livevars)
        if self.autoreds:
            expected = set(n for n in self.greens if "." not in n)
        else:
            expected = self._somelivevars
        if given != expected:
            raise JitHintError(
                "%s.%s() expects the keyword arguments %s, got %s" % (
                    self.name,
                    "jit_merge_point" if is_merge_point else "can_enter_jit",
                    ", ".join(sorted(expected)), ", ".join(sorted(given))))
        if is_merge_point:
            last = self._store_last_enter_jit
            if last is not None:
                self._store_last_enter_jit = None
                if any(last[k] is not livevars[k] and last[k] != livevars[k]
                       for k in livevars):
                    raise JitHintError(
                        "Bad can_enter_jit() placement: there should *not* "
                        "be any code in between can_enter_jit() -> "
                        "jit_merge_point()")
        else:
            self._store_last_enter_jit = dict(livevars)

    def jit_merge_point(_self, **livevars):
        """The head of the interpreter loop (a no-op untranslated, after
        checking the arguments are the greens and reds)."""
        if _self.check_untranslated:
            _self._check_arguments(livevars, True)

    def can_enter_jit(_self, **livevars):
        """Where a user-level loop closes (a backward jump)."""
        if _self.autoreds:
            raise TypeError("Cannot call can_enter_jit on a driver with reds='auto'")
        if _self.check_untranslated:
            _self._check_arguments(livevars, False)

    def loop_header(self):
        pass

    def __repr__(self):
        return "<JitDriver %s greens=%r reds=%r>" % (
            self.name, self.greens, "auto" if self.autoreds else self.reds)


_mark("jit_merge_point")(JitDriver.jit_merge_point)
_mark("can_enter_jit")(JitDriver.can_enter_jit)
_mark("loop_header")(JitDriver.loop_header)


def _set_param(driver, name, value):
    if name not in PARAMETERS:
        raise ValueError("unknown JIT parameter %r" % (name,))


@_mark("set_param")
@specialize.arg(0, 1)
def set_param(driver, name, value):
    """Set a JIT parameter of driver (or of every driver if None)."""
    _set_param(driver, name, value)


@_mark("set_param_to_default")
@specialize.arg(0, 1)
def set_param_to_default(driver, name):
    """Reset a JIT parameter to its default value."""
    _set_param(driver, name, None)


@_mark("set_user_param")
@specialize.arg(0)
def set_user_param(driver, text):
    """Set JIT parameters from a string 'name=value,name=value', or 'off'
    or 'default'.  Raises ValueError on a malformed string or unknown name."""
    if text == "off":
        set_param(driver, "threshold", -1)
        set_param(driver, "function_threshold", -1)
        return
    if text == "default":
        for name1, _ in unroll_parameters:
            set_param_to_default(driver, name1)
        return
    for s in text.split(","):
        s = s.strip(" ")
        parts = s.split("=")
        if len(parts) != 2:
            raise ValueError
        name, value = parts
        if name == "enable_opts":
            set_param(driver, "enable_opts", value)
            continue
        for name1, _ in unroll_parameters:
            if name1 == name and name1 != "enable_opts":
                set_param(driver, name1, int(value))
                break
        else:
            raise ValueError


# ____________________________________________________________
# hooks and counters

class JitHookInterface(object):
    """Subclass and return an instance from jitpolicy() to be told about
    compiled loops.  Every hook is a no-op here."""

    def on_abort(self, reason, jitdriver, greenkey, greenkey_repr, logops,
                 operations):
        pass

    def on_trace_too_long(self, jitdriver, greenkey, greenkey_repr):
        pass

    def after_compile(self, debug_info):
        pass

    def after_compile_bridge(self, debug_info):
        pass

    def before_compile(self, debug_info):
        pass

    def before_compile_bridge(self, debug_info):
        pass

    def are_hooks_enabled(self):
        return False


class Counters(object):
    """Names of the JIT's statistics counters (indexes into its table)."""
    counter_names = []

    @staticmethod
    def _setup():
        names = ["TRACING", "BACKEND", "OPS", "HEAPCACHED_OPS", "RECORDED_OPS",
                 "GUARDS", "OPT_OPS", "OPT_GUARDS", "OPT_GUARDS_SHARED",
                 "OPT_FORCINGS", "OPT_VECTORIZE_TRY", "OPT_VECTORIZED",
                 "ABORT_TOO_LONG", "ABORT_BRIDGE", "ABORT_BAD_LOOP",
                 "ABORT_ESCAPE", "ABORT_FORCE_QUASIIMMUT",
                 "ABORT_SEGMENTED_TRACE", "FORCE_VIRTUALIZABLES",
                 "NVIRTUALS", "NVHOLES", "NVREUSED", "TOTAL_COMPILED_LOOPS",
                 "TOTAL_COMPILED_BRIDGES", "TOTAL_FREED_LOOPS",
                 "TOTAL_FREED_BRIDGES"]
        for i, n in enumerate(names):
            setattr(Counters, n, i)
            Counters.counter_names.append(n)
        Counters.ncounters = len(names)


Counters._setup()
