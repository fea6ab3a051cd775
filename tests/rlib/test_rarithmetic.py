"""rpython.rlib.rarithmetic, untranslated: results of the 64-bit binary."""
import sys
import unittest

from rpython.rlib import rarithmetic
from rpython.rlib.rarithmetic import (
    LONG_BIT, LONG_MASK, LONGLONG_MASK, maxint, intmask, longlongmask, widen,
    is_valid_int, ovfcheck, ovfcheck_float_to_int, base_int, r_int, r_uint,
    r_longlong, r_ulonglong, r_longlonglong, r_ulonglonglong, highest_bit,
    most_neg_value_of_same_type, most_pos_value_of_same_type, build_int,
    signedtype)

M64 = 2 ** 64


class TestConstants(unittest.TestCase):
    def test_values(self):
        self.assertEqual(LONG_BIT, 64)
        self.assertEqual(LONG_MASK, M64 - 1)
        self.assertEqual(LONGLONG_MASK, M64 - 1)
        self.assertEqual(maxint, 2 ** 63 - 1)
        self.assertEqual(rarithmetic.LONG_BIT_SHIFT, 6)

    def test_types_are_shared(self):
        self.assertIs(r_longlong, r_int)
        self.assertIs(r_ulonglong, r_uint)
        self.assertIs(build_int("whatever", False, 64), r_uint)
        with self.assertRaises(TypeError):
            build_int(None, True, 7)
        with self.assertRaises(TypeError):
            base_int(3)

    def test_marks(self):
        found = set()
        for name in dir(rarithmetic):
            obj = getattr(rarithmetic, name)
            mark = getattr(obj, "__dict__", {}).get("_rpy_special_")
            if mark is not None:
                found.add(mark)
                self.assertEqual(mark, obj.__name__)
        self.assertEqual(found, set(rarithmetic.RPY_SPECIAL_NAMES))


class TestIntmask(unittest.TestCase):
    def test_intmask(self):
        self.assertEqual(intmask(0), 0)
        self.assertEqual(intmask(maxint), maxint)
        self.assertEqual(intmask(maxint + 1), -maxint - 1)
        self.assertEqual(intmask(M64 - 1), -1)
        self.assertEqual(intmask(M64 + 7), 7)
        self.assertEqual(intmask(-M64 - 1), -1)
        self.assertEqual(intmask(r_uint(-5)), -5)
        self.assertIs(type(intmask(r_uint(3))), int)
        self.assertEqual(intmask(True), 1)
        with self.assertRaises(AssertionError):
            intmask(1.5)

    def test_longlongmask(self):
        self.assertEqual(longlongmask(M64 - 2), -2)
        self.assertIs(type(longlongmask(3)), r_longlong)

    def test_is_valid_int(self):
        self.assertTrue(is_valid_int(0))
        self.assertTrue(is_valid_int(maxint))
        self.assertTrue(is_valid_int(-maxint - 1))
        self.assertFalse(is_valid_int(maxint + 1))
        self.assertFalse(is_valid_int(-maxint - 2))
        self.assertTrue(is_valid_int(True))
        self.assertFalse(is_valid_int(1.0))
        self.assertFalse(is_valid_int("1"))

    def test_widen(self):
        self.assertIs(type(widen(True)), int)
        self.assertIs(type(widen(r_int(3))), int)
        self.assertIs(type(widen(r_uint(3))), r_uint)
        self.assertIs(type(widen(5)), int)
        self.assertEqual(widen(r_int(-3)), -3)

    def test_highest_bit(self):
        self.assertEqual(highest_bit(1), 0)
        self.assertEqual(highest_bit(1024), 10)
        self.assertEqual(highest_bit(2 ** 63), 63)
        with self.assertRaises(AssertionError):
            highest_bit(3)

    def test_signedtype(self):
        self.assertTrue(signedtype(int))
        self.assertTrue(signedtype(r_int))
        self.assertFalse(signedtype(r_uint))


class TestOvfcheck(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(ovfcheck(maxint), maxint)
        self.assertEqual(ovfcheck(-maxint - 1), -maxint - 1)
        self.assertEqual(ovfcheck(3 * 4), 12)

    def test_overflow(self):
        with self.assertRaises(OverflowError):
            ovfcheck(maxint + 1)
        with self.assertRaises(OverflowError):
            ovfcheck(-maxint - 2)
        with self.assertRaises(OverflowError):
            ovfcheck(maxint * 2)
        with self.assertRaises(OverflowError):
            ovfcheck((-maxint - 1) * -1)
        with self.assertRaises(OverflowError):
            ovfcheck(2 ** 100)

    def test_not_for_sized(self):
        with self.assertRaises(AssertionError):
            ovfcheck(r_uint(1))
        with self.assertRaises(AssertionError):
            ovfcheck(r_longlong(1))

    def test_float_to_int(self):
        self.assertEqual(ovfcheck_float_to_int(3.9), 3)
        self.assertEqual(ovfcheck_float_to_int(-3.9), -3)
        self.assertEqual(ovfcheck_float_to_int(-9223372036854775808.0), -maxint - 1)
        self.assertEqual(ovfcheck_float_to_int(9223372036854774784.0), 9223372036854774784)
        for bad in (9223372036854775808.0, -9223372036854777856.0,
                    float("inf"), float("-inf"), float("nan"), 1e300):
            with self.assertRaises(OverflowError):
                ovfcheck_float_to_int(bad)


class TestRUint(unittest.TestCase):
    def test_construct(self):
        self.assertEqual(r_uint(-1), M64 - 1)
        self.assertEqual(r_uint(M64 + 3), 3)
        self.assertEqual(r_uint(3.7), 3)
        self.assertEqual(r_uint(), 0)
        self.assertIsInstance(r_uint(1), int)

    def test_str_repr(self):
        self.assertEqual(str(r_uint(-1)), "18446744073709551615")
        self.assertEqual(repr(r_uint(-1)), "18446744073709551615")
        self.assertEqual(str((r_uint(1), 2)), "(1, 2)")
        self.assertEqual("%d" % r_uint(-2), "18446744073709551614")
        self.assertEqual(format(r_uint(255), "x"), "ff")

    def test_arith_types(self):
        for v in (r_uint(3) + 1, 1 + r_uint(3), r_uint(3) - 1, 5 - r_uint(3),
                  r_uint(3) * 2, 2 * r_uint(3), r_uint(3) // 2, 7 // r_uint(3),
                  r_uint(3) % 2, 7 % r_uint(3), r_uint(3) & 1, 1 | r_uint(3),
                  r_uint(3) ^ True, r_uint(3) << 2, r_uint(3) >> 1, -r_uint(3),
                  ~r_uint(3), r_uint(3) + r_uint(1), r_uint(3) ** 2, 2 ** r_uint(3)):
            self.assertIs(type(v), r_uint, v)

    def test_wraparound(self):
        self.assertEqual(r_uint(0) - 1, M64 - 1)
        self.assertEqual(r_uint(M64 - 1) + 1, 0)
        self.assertEqual(r_uint(2 ** 63) * 2, 0)
        self.assertEqual(r_uint(2 ** 32) * r_uint(2 ** 32), 0)
        self.assertEqual(r_uint(3) * (M64 - 1), M64 - 3)
        self.assertEqual(-r_uint(1), M64 - 1)
        self.assertEqual(~r_uint(0), M64 - 1)
        self.assertEqual(r_uint(1) << 63, 2 ** 63)
        self.assertEqual(r_uint(1) << 64, 0)
        self.assertEqual(r_uint(3) << 63, 2 ** 63)
        self.assertEqual(r_uint(3) ** 41, pow(3, 41, M64))
        self.assertEqual(r_uint(7) - r_uint(9), M64 - 2)

    def test_unsigned_division(self):
        # the int operand is converted to unsigned first, as in the binary
        self.assertEqual(r_uint(10) // 3, 3)
        self.assertEqual(r_uint(10) % 3, 1)
        self.assertEqual(r_uint(10) // -1, 0)
        self.assertEqual(r_uint(10) % -1, 10)
        self.assertEqual(r_uint(-1) // 2, 2 ** 63 - 1)
        self.assertEqual(r_uint(-1) % 10, (M64 - 1) % 10)
        self.assertEqual(-1 // r_uint(2), 2 ** 63 - 1)
        self.assertEqual(divmod(r_uint(-1), 16), ((M64 - 1) // 16, 15))
        with self.assertRaises(ZeroDivisionError):
            r_uint(1) // 0
        with self.assertRaises(ZeroDivisionError):
            r_uint(1) % r_uint(0)

    def test_logical_shift(self):
        self.assertEqual(r_uint(-1) >> 1, 2 ** 63 - 1)
        self.assertEqual(r_uint(-1) >> 63, 1)
        self.assertEqual(r_uint(-1) >> 64, 0)
        self.assertEqual(r_uint(2 ** 63) >> 3, 2 ** 60)
        with self.assertRaises(ValueError):
            r_uint(1) >> -1

    def test_unsigned_comparisons(self):
        self.assertTrue(r_uint(-1) > 0)
        self.assertTrue(r_uint(-1) > maxint)
        self.assertFalse(r_uint(5) > -1)        # -1 is 2**64-1 unsigned
        self.assertTrue(r_uint(5) < -1)
        self.assertTrue(r_uint(-1) == -1)
        self.assertTrue(-1 == r_uint(-1))
        self.assertTrue(r_uint(3) == 3)
        self.assertTrue(r_uint(3) != 4)
        self.assertTrue(r_uint(3) <= r_uint(3))
        self.assertTrue(r_uint(3) >= 2)
        self.assertTrue(0 < r_uint(-1))
        self.assertTrue(r_uint(3) < 3.5)
        self.assertEqual(hash(r_uint(3)), hash(3))

    def test_bool(self):
        self.assertFalse(r_uint(0))
        self.assertFalse(r_uint(M64))
        self.assertTrue(r_uint(-1))

    def test_float_mix(self):
        self.assertEqual(r_uint(3) + 0.5, 3.5)
        self.assertIs(type(r_uint(3) * 1.5), float)
        self.assertEqual(r_uint(3) / 2, 1.5)
        self.assertEqual(float(r_uint(-1)), 18446744073709551615.0)
        with self.assertRaises(TypeError):
            r_uint(3) & 1.0

    def test_mixing_signedness_rejected(self):
        with self.assertRaises(AssertionError):
            r_uint(1) + r_int(1)
        with self.assertRaises(AssertionError):
            r_int(1) * r_uint(1)

    def test_int_behaviour(self):
        self.assertEqual(int(r_uint(-1)), M64 - 1)
        self.assertIs(type(int(r_uint(4))), int)
        self.assertEqual("abcdef"[r_uint(2)], "c")
        self.assertEqual(abs(r_uint(5)), 5)
        self.assertEqual(+r_uint(5), 5)


class TestRInt(unittest.TestCase):
    def test_construct(self):
        self.assertEqual(r_int(-5), -5)
        self.assertEqual(r_int(maxint), maxint)
        with self.assertRaises(OverflowError):
            r_int(maxint + 1)
        with self.assertRaises(OverflowError):
            r_int(-maxint - 2)

    def test_wrapping(self):
        self.assertEqual(r_int(maxint) + 1, -maxint - 1)
        self.assertEqual(r_int(-maxint - 1) - 1, maxint)
        self.assertEqual(r_int(maxint) * 2, -2)
        self.assertEqual(-r_int(-maxint - 1), -maxint - 1)
        self.assertEqual(abs(r_int(-maxint - 1)), -maxint - 1)
        self.assertIs(type(r_int(1) + 1), r_int)
        self.assertIs(type(1 - r_int(1)), r_int)

    def test_python_semantics(self):
        self.assertEqual(r_int(-7) // 2, -4)
        self.assertEqual(r_int(-7) % 2, 1)
        self.assertEqual(r_int(7) % -2, -1)
        self.assertEqual(r_int(-8) >> 1, -4)
        self.assertEqual(r_int(-1) >> 70, -1)
        self.assertEqual(r_int(1) << 63, -maxint - 1)
        self.assertTrue(r_int(-1) < 0)
        self.assertEqual(str(r_int(-42)), "-42")

    def test_negative_power(self):
        with self.assertRaises(ValueError):
            r_int(2) ** -1

    def test_128(self):
        self.assertEqual(r_ulonglonglong(-1), 2 ** 128 - 1)
        self.assertEqual(r_longlonglong(2 ** 100) * 2 ** 27, -2 ** 127)
        self.assertIs(type(r_longlonglong(1) + r_int(1)), r_longlonglong)

    def test_most_values(self):
        self.assertEqual(most_neg_value_of_same_type(5), -maxint - 1)
        self.assertEqual(most_pos_value_of_same_type(5), maxint)
        self.assertEqual(most_neg_value_of_same_type(r_uint(5)), 0)
        self.assertEqual(most_pos_value_of_same_type(r_uint(5)), M64 - 1)
        self.assertIs(type(most_pos_value_of_same_type(r_uint(5))), r_uint)
        self.assertEqual(most_neg_value_of_same_type(r_int(1)), -maxint - 1)


if __name__ == "__main__":
    unittest.main()
