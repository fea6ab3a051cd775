"""rpython.rlib.jit, untranslated: hints are no-ops, JitDriver checks."""
import unittest

from rpython.rlib import jit
from rpython.rlib.jit import (
    JitDriver, JitHintError, promote, promote_string, elidable, purefunction,
    elidable_promote, unroll_safe, dont_look_inside, look_inside,
    look_inside_iff, loop_invariant, we_are_jitted, hint, set_param,
    set_param_to_default, set_user_param, isconstant, isvirtual, assert_green,
    JitHookInterface, oopspec, not_in_trace, conditional_call,
    conditional_call_elidable, record_exact_class, jit_debug, Counters,
    current_trace_length, virtual_ref, virtual_ref_finish, InvalidVirtualRef,
    vref_None, PARAMETERS)


class TestHints(unittest.TestCase):
    def test_value_hints(self):
        o = object()
        self.assertIs(promote(o), o)
        self.assertEqual(promote(5), 5)
        self.assertEqual(promote_string("abc"), "abc")
        self.assertEqual(hint(7, promote=True), 7)
        self.assertFalse(we_are_jitted())
        self.assertFalse(isconstant(1))
        self.assertFalse(isvirtual(o))
        self.assertIsNone(assert_green(3))
        self.assertEqual(current_trace_length(), -1)
        self.assertIsNone(jit_debug("x", 1, 2))

    def test_decorators_keep_function(self):
        def f(x):
            return x + 1
        for deco, attr, value in ((elidable, "_elidable_function_", True),
                                  (unroll_safe, "_jit_unroll_safe_", True),
                                  (dont_look_inside, "_jit_look_inside_", False),
                                  (look_inside, "_jit_look_inside_", True)):
            g = deco(f)
            self.assertIs(g, f)
            self.assertEqual(getattr(f, attr), value)
            self.assertEqual(f(1), 2)
        self.assertIs(purefunction(f), f)

    def test_loop_invariant(self):
        @loop_invariant
        def f():
            return 3
        self.assertEqual(f(), 3)
        self.assertTrue(f._jit_loop_invariant_)
        self.assertFalse(f._jit_look_inside_)

    def test_oopspec_and_not_in_trace(self):
        @oopspec("foo(x)")
        def f(x):
            return x
        self.assertEqual(f.oopspec, "foo(x)")

        @not_in_trace
        def g(x):
            pass
        self.assertEqual(g.oopspec, "jit.not_in_trace()")

    def test_elidable_promote(self):
        @elidable_promote()
        def f(x, y):
            return x * y
        self.assertEqual(f(6, 7), 42)
        self.assertEqual(f.__name__, "f_promote")

        @elidable_promote("1")
        def g(x, y):
            return x - y
        self.assertEqual(g(10, 3), 7)

    def test_look_inside_iff(self):
        @look_inside_iff(lambda n: n < 3)
        def f(n):
            r = 0
            for i in range(n):
                r += i
            return r
        self.assertEqual(f(5), 10)
        with self.assertRaises(AssertionError):
            look_inside_iff(lambda a, b: True)(lambda n: n)

    def test_conditional_call(self):
        log = []
        conditional_call(False, log.append, 1)
        conditional_call(True, log.append, 2)
        self.assertEqual(log, [2])
        self.assertEqual(conditional_call_elidable(0, lambda: 5), 5)
        self.assertEqual(conditional_call_elidable(3, lambda: 5), 3)

    def test_record_exact_class(self):
        class A(object):
            pass

        class B(A):
            pass

        record_exact_class(B(), B)
        with self.assertRaises(AssertionError):
            record_exact_class(B(), A)

    def test_vrefs(self):
        x = object()
        v = virtual_ref(x)
        self.assertTrue(v.virtual)
        self.assertIs(v(), x)
        virtual_ref_finish(v, x)
        v2 = virtual_ref(x)
        virtual_ref_finish(v2, x)
        with self.assertRaises(InvalidVirtualRef):
            v2()
        self.assertIsNone(vref_None())

    def test_counters_and_hooks(self):
        self.assertEqual(Counters.TRACING, 0)
        self.assertEqual(Counters.counter_names[Counters.OPS], "OPS")
        h = JitHookInterface()
        self.assertFalse(h.are_hooks_enabled())
        self.assertIsNone(h.after_compile(None))

    def test_marks(self):
        found = set()
        for name in dir(jit):
            obj = getattr(jit, name)
            if getattr(obj, "__module__", None) != jit.__name__:
                continue        # imported from another module
            mark = getattr(obj, "__dict__", {}).get("_rpy_special_")
            if mark is not None:
                found.add(mark)
        found |= {JitDriver.jit_merge_point._rpy_special_,
                  JitDriver.can_enter_jit._rpy_special_,
                  JitDriver.loop_header._rpy_special_}
        self.assertEqual(found, set(jit.RPY_SPECIAL_NAMES))
        self.assertEqual(we_are_jitted._rpy_special_, "we_are_jitted")


class TestJitDriver(unittest.TestCase):
    def test_merge_point_in_loop(self):
        driver = JitDriver(greens=["pc"], reds=["acc", "n"],
                           get_printable_location=lambda pc: "pc=%d" % pc)
        acc = 0
        n = 10
        pc = 0
        while n > 0:
            driver.jit_merge_point(pc=pc, acc=acc, n=n)
            acc += n
            n -= 1
            driver.can_enter_jit(pc=pc, acc=acc, n=n)
        self.assertEqual(acc, 55)
        self.assertEqual(driver.get_printable_location(3), "pc=3")
        self.assertTrue(driver._freeze_())

    def test_wrong_arguments(self):
        driver = JitDriver(greens=["pc"], reds=["x"])
        with self.assertRaises(JitHintError):
            driver.jit_merge_point(pc=1)
        with self.assertRaises(JitHintError):
            driver.jit_merge_point(pc=1, x=2, y=3)
        with self.assertRaises(JitHintError):
            driver.can_enter_jit(x=2)
        with self.assertRaises(TypeError):
            driver.jit_merge_point(1, 2)

    def test_check_untranslated_off(self):
        driver = JitDriver(greens=["pc"], reds=["x"], check_untranslated=False)
        driver.jit_merge_point(anything=1)

    def test_code_between_can_enter_and_merge_point(self):
        driver = JitDriver(greens=[], reds=["x"])
        driver.can_enter_jit(x=1)
        with self.assertRaises(JitHintError):
            driver.jit_merge_point(x=2)

    def test_autoreds(self):
        driver = JitDriver(greens=["pc"], reds="auto")
        driver.jit_merge_point(pc=0)
        self.assertTrue(driver.autoreds)
        with self.assertRaises(TypeError):
            driver.can_enter_jit(pc=0)
        with self.assertRaises(AssertionError):
            JitDriver(greens=[], reds="auto", confirm_enter_jit=lambda: True)

    def test_virtualizables(self):
        driver = JitDriver(greens=[], reds=["frame"], virtualizables=["frame"])
        self.assertEqual(driver.virtualizables, ["frame"])
        with self.assertRaises(AssertionError):
            JitDriver(greens=[], reds=["x"], virtualizables=["frame"])

    def test_missing_greens_or_reds(self):
        with self.assertRaises(AttributeError):
            JitDriver(greens=["a"])

    def test_subclass_declares(self):
        class MyDriver(JitDriver):
            greens = ["a"]
            reds = ["b"]
        d = MyDriver(name="mine")
        d.jit_merge_point(a=1, b=2)
        self.assertEqual(d.name, "mine")

    def test_params(self):
        driver = JitDriver(greens=[], reds=["x"])
        set_param(driver, "threshold", 10)
        set_param(None, "trace_limit", 100)
        set_param_to_default(driver, "threshold")
        with self.assertRaises(ValueError):
            set_param(driver, "no_such_param", 1)
        set_user_param(driver, "threshold=5,function_threshold=7")
        set_user_param(driver, "off")
        set_user_param(driver, "default")
        set_user_param(driver, "enable_opts=all")
        for bad in ("threshold", "nope=3", "threshold=x", "a=b=c"):
            with self.assertRaises(ValueError):
                set_user_param(driver, bad)
        self.assertIn("threshold", PARAMETERS)


if __name__ == "__main__":
    unittest.main()
