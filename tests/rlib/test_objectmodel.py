"""rpython.rlib.objectmodel, untranslated."""
import unittest

from rpython.rlib import objectmodel
from rpython.rlib.objectmodel import (
    specialize, we_are_translated, always_inline, dont_inline, not_rpython,
    enforceargs, compute_hash, compute_identity_hash, compute_unique_id,
    current_object_addr_as_int, instantiate, r_dict, r_ordereddict,
    import_from_mixin, keepalive_until_here, Symbolic, CDefinedIntSymbolic,
    newlist_hint, resizelist_hint, fetch_translated_config, func_with_new_name,
    we_are_translated_to_c, not_const)


class TestMarks(unittest.TestCase):
    def test_we_are_translated(self):
        self.assertFalse(we_are_translated())
        self.assertIs(we_are_translated._rpy_we_are_translated_, True)
        self.assertFalse(we_are_translated_to_c())

    def test_special_names_exact(self):
        found = {}
        for name in dir(objectmodel):
            obj = getattr(objectmodel, name)
            mark = getattr(obj, "__dict__", {}).get("_rpy_special_")
            if mark is not None:
                found[mark] = obj
        self.assertEqual(sorted(found), sorted(objectmodel.RPY_SPECIAL_NAMES))
        self.assertEqual(len(set(objectmodel.RPY_SPECIAL_NAMES)),
                         len(objectmodel.RPY_SPECIAL_NAMES))
        for name, obj in found.items():
            self.assertEqual(obj.__name__, name)

    def test_specialize_tags(self):
        @specialize.argtype(0, 2)
        def f(x, y, z):
            return x
        self.assertEqual(f._annspecialcase_, "specialize:argtype(0,2)")

        @specialize.arg(1)
        def g(x, y):
            return y
        self.assertEqual(g._annspecialcase_, "specialize:arg(1)")
        self.assertEqual(g(1, 2), 2)

        @specialize.memo()
        def h(x):
            return x * 2
        self.assertEqual(h._annspecialcase_, "specialize:memo")
        self.assertEqual(h(21), 42)

        @specialize.call_location()
        def k():
            pass
        self.assertEqual(k._annspecialcase_, "specialize:call_location")
        self.assertEqual(specialize.ll()(lambda: 0)._annspecialcase_,
                         "specialize:ll")
        self.assertEqual(specialize.ll_and_arg(1)(lambda: 0)._annspecialcase_,
                         "specialize:ll_and_arg(1)")
        self.assertEqual(specialize.arg_or_var(0)(lambda: 0)._annspecialcase_,
                         "specialize:arg_or_var(0)")
        self.assertEqual(specialize("argtype(0)")(lambda: 0)._annspecialcase_,
                         "specialize:argtype(0)")

    def test_decorators_return_function(self):
        def f(x):
            return x + 1
        self.assertIs(always_inline(f), f)
        self.assertTrue(f._always_inline_)
        self.assertIs(dont_inline(f), f)
        self.assertTrue(f._dont_inline_)
        self.assertIs(not_rpython(f), f)
        self.assertTrue(f._not_rpython_)
        g = enforceargs(int, y=str)(lambda x, y: x)
        self.assertEqual(g._annenforceargs_, ((int,), {"y": str}))
        self.assertEqual(g(3, "a"), 3)
        g2 = enforceargs(int, typecheck=False)(lambda x: x)
        self.assertEqual(g2._annenforceargs_, ((int,), {}))

    def test_misc(self):
        self.assertIsNone(fetch_translated_config())
        self.assertEqual(newlist_hint(10), [])
        l = [1]
        self.assertIsNone(resizelist_hint(l, 100))
        self.assertEqual(l, [1])
        self.assertIsNone(keepalive_until_here(l, 3))
        self.assertEqual(not_const(5), 5)

    def test_symbolic(self):
        s = CDefinedIntSymbolic("FOO", default=7)
        self.assertIsInstance(s, Symbolic)
        self.assertEqual(int(s), 7)
        self.assertEqual(s.expr, "FOO")
        with self.assertRaises(TypeError):
            bool(s)

    def test_func_with_new_name(self):
        def f(x, y=2, *, z=3):
            return x + y + z
        f.marker = 1
        g = func_with_new_name(f, "g")
        self.assertIsNot(g, f)
        self.assertEqual(g.__name__, "g")
        self.assertEqual(g(1), 6)
        self.assertEqual(g(1, z=0), 3)
        self.assertEqual(g.marker, 1)


class TestHash(unittest.TestCase):
    def test_ints(self):
        self.assertEqual(compute_hash(0), 0)
        self.assertEqual(compute_hash(42), 42)
        self.assertEqual(compute_hash(-1), -1)
        self.assertEqual(compute_hash(True), 1)
        self.assertEqual(compute_hash(False), 0)
        self.assertEqual(compute_hash(None), 0)
        self.assertEqual(compute_hash(2 ** 64 + 5), 5)

    def test_str_fixed_values(self):
        # these values are part of the contract with the translated runtime
        self.assertEqual(compute_hash(""), 0)
        # (tests/unit/test_rt_str.cpp checks the same values translated)
        self.assertEqual(compute_hash("a"), -2597814575613651509)
        self.assertEqual(compute_hash("abc"), 1698730324192885976)
        self.assertEqual(compute_hash("hello world"), 3233409639348152086)
        self.assertEqual(compute_hash("abcdefgh"), 6140184944705988111)
        self.assertEqual(compute_hash("abcdefghijklmnop"), -3956855841656747921)
        self.assertEqual(compute_hash("abcdefghijklmnopq"), -5994845636940050681)
        self.assertEqual(compute_hash("\u00e9"), compute_hash(b"\xc3\xa9"))

    def test_str_equal_strings(self):
        a = "".join(["ab", "cd"])
        self.assertEqual(compute_hash(a), compute_hash("abcd"))
        self.assertNotEqual(compute_hash("abcd"), compute_hash("abce"))
        self.assertIsInstance(compute_hash("x" * 1000), int)
        self.assertTrue(-2 ** 63 <= compute_hash("x" * 1000) < 2 ** 63)

    def test_tuple(self):
        self.assertEqual(compute_hash(()), 0x345678 + 97531)
        self.assertEqual(compute_hash((1, 2)), compute_hash((1, 2)))
        self.assertNotEqual(compute_hash((1, 2)), compute_hash((2, 1)))
        self.assertEqual(compute_hash((1, "a", (2.5, None))),
                         compute_hash((1, "a", (2.5, None))))
        self.assertEqual(compute_hash((1, 2)), 3713088491972990706)

    def test_float(self):
        self.assertEqual(compute_hash(3.0), 3)
        self.assertEqual(compute_hash(-7.0), -7)
        self.assertEqual(compute_hash(float("inf")), 314159)
        self.assertEqual(compute_hash(float("-inf")), -271828)
        self.assertEqual(compute_hash(float("nan")), 0)
        self.assertEqual(compute_hash(0.5), compute_hash(0.5))
        self.assertNotEqual(compute_hash(0.5), compute_hash(0.25))

    def test_instances(self):
        class A(object):
            pass

        class B(object):
            def __hash__(self):
                return 1234

        a = A()
        self.assertEqual(compute_hash(a), compute_identity_hash(a))
        self.assertEqual(compute_hash(B()), 1234)
        self.assertEqual(compute_identity_hash(a), compute_identity_hash(a))
        b = B()
        self.assertNotEqual(compute_unique_id(a), compute_unique_id(b))
        self.assertEqual(compute_unique_id(a), compute_unique_id(a))
        self.assertEqual(current_object_addr_as_int(a), current_object_addr_as_int(a))
        with self.assertRaises(AssertionError):
            compute_identity_hash(None)


class TestInstantiate(unittest.TestCase):
    def test_no_init(self):
        calls = []

        class A(object):
            x = 5

            def __init__(self):
                calls.append(1)

        a = instantiate(A)
        self.assertIsInstance(a, A)
        self.assertEqual(calls, [])
        self.assertEqual(a.x, 5)
        a.y = 3
        self.assertEqual(a.y, 3)

    def test_exception_class(self):
        class E(ValueError):
            def __init__(self, msg):
                raise AssertionError("not called")

        e = instantiate(E)
        self.assertIsInstance(e, ValueError)

    def test_nonmovable(self):
        class A(object):
            pass
        self.assertIsInstance(instantiate(A, nonmovable=True), A)


class TestRDict(unittest.TestCase):
    def make(self):
        return r_dict(lambda a, b: a.lower() == b.lower(),
                      lambda a: compute_hash(a.lower()))

    def test_basic(self):
        d = self.make()
        d["Hello"] = 1
        self.assertEqual(d["HELLO"], 1)
        self.assertIn("hello", d)
        self.assertNotIn("bye", d)
        d["hello"] = 2
        self.assertEqual(len(d), 1)
        self.assertEqual(d.keys(), ["Hello"])
        self.assertEqual(d.values(), [2])
        self.assertEqual(d.items(), [("Hello", 2)])
        del d["HeLLo"]
        self.assertEqual(len(d), 0)
        with self.assertRaises(KeyError):
            d["x"]
        with self.assertRaises(KeyError):
            del d["x"]

    def test_methods(self):
        d = self.make()
        self.assertEqual(d.get("a", 5), 5)
        self.assertEqual(d.setdefault("A", 7), 7)
        self.assertEqual(d.setdefault("a", 8), 7)
        d["B"] = 2
        d["c"] = 3
        self.assertEqual(list(d), ["A", "B", "c"])
        self.assertEqual(d.pop("b"), 2)
        self.assertEqual(d.pop("zz", None), None)
        with self.assertRaises(KeyError):
            d.pop("zz")
        self.assertEqual(d.popitem(), ("c", 3))
        e = d.copy()
        self.assertEqual(e.items(), d.items())
        self.assertIsNot(e, d)
        e.update({"q": 1})
        self.assertEqual(len(e), 2)
        self.assertEqual(len(d), 1)
        d.clear()
        self.assertFalse(d)
        self.assertIsInstance(r_ordereddict(d.key_eq, d.key_hash), r_dict)

    def test_hash_and_eq_called(self):
        log = []

        def eq(a, b):
            log.append(("eq", a, b))
            return a == b

        def h(a):
            log.append(("hash", a))
            return 0       # all collide: forces eq calls

        d = r_dict(eq, h)
        d[1] = "a"
        d[2] = "b"
        self.assertEqual(d[2], "b")
        self.assertIn(("hash", 2), log)
        self.assertTrue(any(e[0] == "eq" for e in log))


class M(object):
    _immutable_fields_ = ["m"]
    shared = 10

    def __init__(self, v):
        self.m = v

    def get(self):
        return self.m + self.shared

    def __repr__(self):
        return "M"

    @staticmethod
    def smeth(x):
        return x * 2


class M2(M):
    def get(self):
        return -1

    def other(self):
        return "other"


class TestImportFromMixin(unittest.TestCase):
    def test_copy(self):
        class A(object):
            _immutable_fields_ = ["a"]
            import_from_mixin(M)

        a = A(5)
        self.assertEqual(a.get(), 15)
        self.assertEqual(A.smeth(4), 8)
        self.assertNotIn(M, A.__mro__)
        self.assertIsNot(A.__dict__["get"], M.__dict__["get"])
        self.assertEqual(A._immutable_fields_, ["a", "m"])
        self.assertNotIn("__repr__", A.__dict__)

    def test_two_users_get_distinct_copies(self):
        class A(object):
            import_from_mixin(M)

        class B(object):
            import_from_mixin(M)

        self.assertIsNot(A.__dict__["get"], B.__dict__["get"])
        self.assertEqual(B(1).get(), 11)

    def test_bases_of_mixin(self):
        class A(object):
            import_from_mixin(M2)

        self.assertEqual(A(1).get(), -1)
        self.assertEqual(A(1).other(), "other")
        self.assertEqual(A.shared, 10)

    def test_special_methods(self):
        class A(object):
            import_from_mixin(M, special_methods=["__repr__"])

        self.assertEqual(repr(A()), "M")
        self.assertNotIn("__init__", A.__dict__)

    def test_overwrite_is_error(self):
        with self.assertRaises(Exception):
            class A(object):
                def get(self):
                    return 0
                import_from_mixin(M)

    def test_mixin_flag_is_error(self):
        class Bad(object):
            _mixin_ = True

        with self.assertRaises(Exception):
            class A(object):
                import_from_mixin(Bad)

    def test_classmethod_is_error(self):
        class Bad(object):
            @classmethod
            def f(cls):
                pass

        with self.assertRaises(AssertionError):
            class A(object):
                import_from_mixin(Bad)


if __name__ == "__main__":
    unittest.main()
