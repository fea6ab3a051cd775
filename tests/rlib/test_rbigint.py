"""rpython.rlib.rbigint, untranslated: Python int's results (the translated
runtime is checked against the same programs in tests/programs/rbigint_*)."""
import random
import unittest

from rpython.rlib.rbigint import rbigint


def values():
    rng = random.Random(1)
    vs = [0, 1, -1, 2, -2, 7, -7, 2 ** 63 - 1, -2 ** 63, 2 ** 64, -2 ** 64, 10 ** 30, -10 ** 30]
    for _ in range(40):
        v = rng.getrandbits(rng.choice([8, 60, 64, 65, 130, 300]))
        vs.append(v if rng.random() < 0.5 else -v)
    return vs


class TestRbigint(unittest.TestCase):
    def test_binops(self):
        vs = values()
        for x in vs:
            a = rbigint.fromlong(x)
            self.assertEqual(a.tolong(), x)
            self.assertEqual(a.str(), str(x))
            self.assertEqual(a.hash(), hash(x))
            self.assertEqual(a.bit_length(), x.bit_length())
            self.assertEqual(a.sign, (x > 0) - (x < 0))
            self.assertEqual(a.hex(), hex(x))
            for y in vs:
                b = rbigint.fromlong(y)
                self.assertEqual(a.add(b).tolong(), x + y)
                self.assertEqual(a.sub(b).tolong(), x - y)
                self.assertEqual(a.mul(b).tolong(), x * y)
                self.assertEqual(a.and_(b).tolong(), x & y)
                self.assertEqual(a.or_(b).tolong(), x | y)
                self.assertEqual(a.xor(b).tolong(), x ^ y)
                self.assertEqual(a.lt(b), x < y)
                self.assertEqual(a.eq(b), x == y)
                if y:
                    self.assertEqual(a.floordiv(b).tolong(), x // y)
                    self.assertEqual(a.mod(b).tolong(), x % y)

    def test_errors(self):
        z = rbigint.fromint(0)
        with self.assertRaisesRegex(ZeroDivisionError, "^integer modulo by zero$"):
            rbigint.fromint(1).mod(z)
        with self.assertRaisesRegex(ValueError, "invalid literal for int"):
            rbigint.fromstr("12x")
        with self.assertRaises(ValueError):
            rbigint.fromstr("\u0661")  # the runtime reads ASCII digits only
        with self.assertRaises(OverflowError):
            rbigint.fromlong(2 ** 63).toint()

    def test_long_strings(self):
        # no CPython 4300-digit limit: the translated runtime has none
        s = "7" * 5000
        self.assertEqual(rbigint.fromstr(s).str(), s)


if __name__ == "__main__":
    unittest.main()
