"""rpython.rlib.unroll, untranslated."""
import unittest

from rpython.rlib import unroll
from rpython.rlib.unroll import unrolling_iterable, SpecTag


class TestUnrollingIterable(unittest.TestCase):
    def test_iterate(self):
        u = unrolling_iterable([1, 2, 3])
        self.assertEqual(list(u), [1, 2, 3])
        self.assertEqual(list(u), [1, 2, 3])      # can be iterated again
        self.assertEqual(len(u), 3)
        self.assertEqual(u[1], 2)
        self.assertIn(3, u)
        self.assertTrue(u)
        self.assertFalse(unrolling_iterable())

    def test_from_generator_is_frozen(self):
        u = unrolling_iterable(x * 2 for x in range(3))
        self.assertEqual(list(u), [0, 2, 4])
        self.assertEqual(list(u), [0, 2, 4])
        self.assertTrue(u._freeze_())
        self.assertIsInstance(u, SpecTag)

    def test_add(self):
        u = unrolling_iterable("ab") + ["c"]
        self.assertIsInstance(u, unrolling_iterable)
        self.assertEqual(list(u), ["a", "b", "c"])
        v = ("z",) + unrolling_iterable("a")
        self.assertEqual(list(v), ["z", "a"])

    def test_tuple_items_unpack(self):
        u = unrolling_iterable([("add", 1), ("sub", 2)])
        self.assertEqual([n + str(k) for n, k in u], ["add1", "sub2"])

    def test_get_unroller(self):
        self.assertEqual(list(unrolling_iterable([4]).get_unroller()), [4])

    def test_drives_getattr(self):
        ops = unrolling_iterable(["add", "mul"])

        class Calc(object):
            def op_add(self, a, b):
                return a + b

            def op_mul(self, a, b):
                return a * b

            def run(self, opname, a, b):
                for name in ops:
                    if name == opname:
                        return getattr(self, "op_" + name)(a, b)
                raise KeyError(opname)

        self.assertEqual(Calc().run("mul", 6, 7), 42)
        self.assertEqual(Calc().run("add", 6, 7), 13)

    def test_mark(self):
        self.assertEqual(unrolling_iterable._rpy_special_, "unrolling_iterable")
        self.assertEqual(unroll.RPY_SPECIAL_NAMES, ("unrolling_iterable",))


if __name__ == "__main__":
    unittest.main()
