// Python arithmetic that is too big to inline in rpy.h.
#include <algorithm>
#include <cmath>

#include "runtime/rpy.h"

extern "C" {

Signed rpy_int_pow(Signed base, Signed exp) {
  if (RPY_UNLIKELY(exp < 0)) {
    // CPython returns a float here; a function typed int cannot, so this is
    // RPython's behaviour.
    rpy_raise_cstr(&rpy_vt_ValueError, "negative exponent in integer power");
    return -1;
  }
  // Unsigned arithmetic: overflow wraps like RPython's int (no UB).
  Unsigned result = 1, b = (Unsigned)base;
  Unsigned e = (Unsigned)exp;
  while (e) {
    if (e & 1) result *= b;
    e >>= 1;
    if (e) b *= b;
  }
  return (Signed)result;
}

// An operand beyond 2**53: the quotient of the magnitudes scaled by 2**s
// so that it has at least 55 bits, with the remainder folded into its
// lowest bit (a sticky bit, below the rounding position), converts to
// double with the one correct rounding; scaling back by 2**-s is exact.
double rpy_int_truediv_big(Signed a, Signed b) {
  bool negative = (a < 0) != (b < 0);
  Unsigned ua = a < 0 ? 0 - (Unsigned)a : (Unsigned)a;
  Unsigned ub = b < 0 ? 0 - (Unsigned)b : (Unsigned)b;
  if (ua == 0) return negative ? -0.0 : 0.0;
  int bits_a = 64 - __builtin_clzll(ua), bits_b = 64 - __builtin_clzll(ub);
  int s = std::max(0, 56 + bits_b - bits_a);  // 2**55 <= quotient; fits 120 bits
  unsigned __int128 num = (unsigned __int128)ua << s;
  unsigned __int128 q = num / ub;
  if (num % ub != 0) q |= 1;
  double r = std::ldexp((double)q, -s);
  return negative ? -r : r;
}

// a // b and a % b follow CPython's float_divmod: the remainder comes from
// fmod (exact) and takes the divisor's sign; the quotient is derived from it
// and rounded to the nearest integer to undo the error of the division.
double rpy_float_floordiv(double a, double b) {
  double mod = std::fmod(a, b);
  double div = (a - mod) / b;
  if (mod != 0.0) {  // true for NaN too
    if ((b < 0) != (mod < 0)) div -= 1.0;
  }
  if (div != 0.0) {
    double fl = std::floor(div);
    if (div - fl > 0.5) fl += 1.0;
    return fl;
  }
  // A zero quotient gets the sign of the true quotient.
  return std::copysign(0.0, a / b);
}

double rpy_float_mod(double a, double b) {
  double mod = std::fmod(a, b);
  if (mod != 0.0) {  // true for NaN too
    if ((b < 0) != (mod < 0)) mod += b;
    return mod;
  }
  return std::copysign(0.0, b);
}

static inline bool is_odd_integer(double w) { return std::fmod(std::fabs(w), 2.0) == 1.0; }

double rpy_float_pow(double v, double w) {
  if (w == 0.0) return 1.0;
  if (std::isnan(v)) return v;
  if (std::isnan(w)) return v == 1.0 ? 1.0 : w;
  if (std::isinf(w)) {
    double av = std::fabs(v);
    if (av == 1.0) return 1.0;
    return ((w > 0) == (av > 1.0)) ? std::fabs(w) : 0.0;
  }
  if (std::isinf(v)) {
    bool odd = is_odd_integer(w);
    if (w > 0) return odd ? v : std::fabs(v);
    return odd ? std::copysign(0.0, v) : 0.0;
  }
  if (v == 0.0) {
    if (w < 0) {
      rpy_raise_cstr(&rpy_vt_ZeroDivisionError, "0.0 cannot be raised to a negative power");
      return -1.0;
    }
    return is_odd_integer(w) ? v : 0.0;
  }
  bool negate = false;
  if (v < 0.0) {
    if (w != std::floor(w)) {
      // CPython returns a complex number; RPython floats cannot.
      rpy_raise_cstr(&rpy_vt_ValueError, "negative number cannot be raised to a fractional power");
      return -1.0;
    }
    v = -v;
    negate = is_odd_integer(w);
  }
  if (v == 1.0) return negate ? -1.0 : 1.0;
  // Both operands are finite here, so an infinite result is an overflow
  // (underflow to zero is silently accepted, as in CPython).
  double r = std::pow(v, w);
  if (RPY_UNLIKELY(std::isinf(r))) {
    rpy_raise_cstr(&rpy_vt_OverflowError, "(34, 'Numerical result out of range')");
    return -1.0;
  }
  return negate ? -r : r;
}

Signed rpy_float2int(double x) {
  // 2**63 is exact as a double and no double lies in (-2**63 - 1, -2**63),
  // so these bounds are exactly the values whose truncation fits.
  if (RPY_LIKELY(x >= -9223372036854775808.0 && x < 9223372036854775808.0)) return (Signed)x;
  if (std::isnan(x)) {
    rpy_raise_cstr(&rpy_vt_ValueError, "cannot convert float NaN to integer");
  } else if (std::isinf(x)) {
    rpy_raise_cstr(&rpy_vt_OverflowError, "cannot convert float infinity to integer");
  } else {
    // CPython would return a long.
    rpy_raise_cstr(&rpy_vt_OverflowError, "int too large to convert");
  }
  return -1;
}

}  // extern "C"

// compute_hash(float), as rpython.rlib.objectmodel._hash_float.
Signed rpy_float_hash(double f) {
  if (std::isnan(f)) return 0;
  if (std::isinf(f)) return f > 0 ? 314159 : -271828;
  if (f == std::floor(f) && -9.2e18 < f && f < 9.2e18) return (Signed)f;
  int expo;
  double v = std::frexp(f, &expo);
  v *= 2147483648.0;
  Signed hipart = (Signed)v;
  v = (v - (double)hipart) * 2147483648.0;
  return (Signed)((Unsigned)hipart + (Unsigned)(Signed)v + ((Unsigned)(Signed)expo << 15));
}

Signed rpy_identity_hash(const void* p) {
  // The GC knows whether the object can still move (and keeps its hash then).
  return p ? (Signed)rpy_gc_identityhash(const_cast<void*>(p)) : 0;
}
