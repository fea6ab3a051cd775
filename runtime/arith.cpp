// Python arithmetic that is too big to inline in rpy.h.
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include "runtime/rpy.h"

extern "C" {

Signed rpy_int_pow(Signed base, Signed exp) {
  if (RPY_UNLIKELY(exp < 0)) {
    // CPython raises for a zero base (its float result would be infinite).
    if (base == 0) {
      rpy_raise_cstr(&rpy_vt_ZeroDivisionError, "0.0 cannot be raised to a negative power");
      return -1;
    }
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

// pow(base, exp, mod) of ints, as CPython: the result has mod's sign, a
// negative exponent takes the inverse of base modulo mod.
Signed rpy_int_powmod(Signed base, Signed exp, Signed mod) {
  if (RPY_UNLIKELY(mod == 0)) {
    rpy_raise_cstr(&rpy_vt_ValueError, "pow() 3rd argument cannot be 0");
    return -1;
  }
  using u128 = unsigned __int128;
  Unsigned m = mod < 0 ? 0 - (Unsigned)mod : (Unsigned)mod;
  Unsigned b = base < 0 ? (Unsigned)(m - (0 - (Unsigned)base) % m) % m : (Unsigned)base % m;
  Unsigned e = exp < 0 ? 0 - (Unsigned)exp : (Unsigned)exp;
  if (exp < 0) {
    // The inverse of b modulo m by the extended Euclid algorithm, on
    // signed 128-bit coefficients (they stay below m in magnitude).
    __int128 r0 = m, r1 = b, t0 = 0, t1 = 1;
    while (r1 != 0) {
      __int128 q = r0 / r1, r2 = r0 - q * r1, t2 = t0 - q * t1;
      r0 = r1, r1 = r2, t0 = t1, t1 = t2;
    }
    if (r0 != 1 && m != 1) {
      rpy_raise_cstr(&rpy_vt_ValueError, "base is not invertible for the given modulus");
      return -1;
    }
    b = (Unsigned)(t0 < 0 ? t0 + (__int128)m : t0) % m;
  }
  Unsigned result = 1 % m;
  while (e) {
    if (e & 1) result = (Unsigned)((u128)result * b % m);
    e >>= 1;
    if (e) b = (Unsigned)((u128)b * b % m);
  }
  if (mod < 0 && result != 0) return (Signed)(result - m);  // in (mod, 0]
  return (Signed)result;
}

// round(x): to the nearest integer, halfway cases to even, as CPython's
// float.__round__ (which then makes an int of it: the same errors as int(x)).
Signed rpy_float_round(double x) {
  double r = std::round(x);
  if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
  return rpy_float2int(r);
}

// round(x, ndigits) for a float: the exact value of x rounded to a multiple
// of 10**-ndigits, halfway cases to even, read back correctly rounded (what
// CPython's double_round gets from dtoa).
double rpy_float_round_ndigits(double x, Signed ndigits) {
  // CPython's bounds: past them every double is its own rounding, or 0.
  if (ndigits > 323) return x;
  if (ndigits < -308) return 0.0 * x;
  if (x == 0.0 || !std::isfinite(x)) return x;
  std::string text;
  if (ndigits >= 0) {
    // to_chars with a precision rounds the exact value, halfway to even.
    char buf[400];
    auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, (int)ndigits);
    text.assign(buf, r.ptr);
  } else {
    // The exact decimal expansion (a double has at most 1074 fractional
    // digits), rounded by hand at the -ndigits'th digit left of the point.
    static thread_local char buf[1500];
    auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::fixed, 1074);
    std::string digits(buf, r.ptr);
    size_t point = digits.find('.');
    std::string frac = digits.substr(point + 1);
    digits.resize(point);
    Signed keep = (Signed)digits.size() + ndigits;  // digits kept before the rounding position
    if (keep < 0) return std::copysign(0.0, x);    // below half of 10**-ndigits
    std::string kept = digits.substr(0, (size_t)keep);
    std::string rest = digits.substr((size_t)keep) + frac;
    bool up = rest[0] > '5';
    if (rest[0] == '5') {
      bool above_half = rest.find_first_not_of('0', 1) != std::string::npos;
      up = above_half || (!kept.empty() && (kept.back() - '0') % 2 == 1);
    }
    if (up) {
      Signed i = (Signed)kept.size() - 1;
      while (i >= 0 && kept[i] == '9') kept[i--] = '0';
      if (i >= 0) kept[i]++;
      else kept.insert(kept.begin(), '1');
    }
    if (kept.empty()) kept = "0";
    text = (x < 0 ? "-" : "") + kept + "e" + std::to_string(-ndigits);
  }
  errno = 0;
  double rounded = std::strtod(text.c_str(), nullptr);
  if (errno == ERANGE && std::fabs(rounded) >= 1.0) {
    rpy_raise_cstr(&rpy_vt_OverflowError, "rounded value too large to represent");
    return -1.0;
  }
  return std::copysign(rounded, x);  // a result of 0 keeps x's sign, as in CPython
}

// round(n, ndigits) for an int: n itself for ndigits >= 0, else the nearest
// multiple of 10**-ndigits, halfway cases to even (CPython's int.__round__).
Signed rpy_int_round_ndigits(Signed n, Signed ndigits) {
  if (ndigits >= 0) return n;
  // 10**19 exceeds every machine int: beyond it the multiple is 0, or
  // +-10**19 (which does not fit) for |n| above half of it.
  unsigned __int128 pow10 = 1;
  for (Signed k = 0; k < -ndigits && pow10 <= (unsigned __int128)1e20; k++) pow10 *= 10;
  unsigned __int128 mag = n < 0 ? (unsigned __int128)(0 - (Unsigned)n) : (unsigned __int128)n;
  unsigned __int128 q = mag / pow10, r = mag % pow10;
  if (2 * r > pow10 || (2 * r == pow10 && (q & 1))) q++;
  unsigned __int128 result = q * pow10;
  if (result > (n < 0 ? (unsigned __int128)1 << 63 : ((unsigned __int128)1 << 63) - 1)) {
    // CPython would return a long.
    rpy_raise_cstr(&rpy_vt_OverflowError, "int too large to convert");
    return -1;
  }
  return n < 0 ? (Signed)(0 - (Unsigned)result) : (Signed)result;
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

// hash() of an int and of a float as CPython computes it (the builtin
// hash(); dict keys use compute_hash above): the value modulo the Mersenne
// prime 2**61 - 1 with the sign of the value, -1 being -2.
namespace {
constexpr int kPyHashBits = 61;
constexpr Unsigned kPyHashModulus = ((Unsigned)1 << kPyHashBits) - 1;
}  // namespace

Signed rpy_int_pyhash(Signed x) {
  Unsigned mag = x < 0 ? 0 - (Unsigned)x : (Unsigned)x;
  Signed h = (Signed)(mag % kPyHashModulus);
  if (x < 0) h = -h;
  return h == -1 ? -2 : h;
}

Signed rpy_float_pyhash(double v) {
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  if (std::isnan(v)) return 0;  // CPython: the object's identity hash
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  // The mantissa 28 bits at a time, each step multiplying by 2**28 modulo
  // the prime (a rotation within 61 bits).
  Unsigned x = 0;
  while (m != 0.0) {
    x = ((x << 28) & kPyHashModulus) | x >> (kPyHashBits - 28);
    m *= 268435456.0;
    e -= 28;
    Unsigned y = (Unsigned)m;
    m -= (double)y;
    x += y;
    if (x >= kPyHashModulus) x -= kPyHashModulus;
  }
  // The exponent, reduced modulo 61, as one more rotation.
  e = e >= 0 ? e % kPyHashBits : kPyHashBits - 1 - ((-1 - e) % kPyHashBits);
  x = ((x << e) & kPyHashModulus) | x >> (kPyHashBits - e);
  x = x * (Unsigned)(Signed)sign;
  if (x == (Unsigned)-1) x = (Unsigned)-2;
  return (Signed)x;
}

// hash() of a tuple, CPython 3.8+'s xxHash-based mixing of the items'
// hashes: one step per item from 2870177450012600261, then the finish.
Signed rpy_tuple_pyhash_finish(Signed acc_in, Signed len) {
  Unsigned acc = (Unsigned)acc_in;
  acc += (Unsigned)len ^ (2870177450012600261ULL ^ 3527539UL);
  if (acc == (Unsigned)-1) return 1546275796;
  return (Signed)acc;
}

Signed rpy_tuple_pyhash_step(Signed acc_in, Signed lane) {
  Unsigned acc = (Unsigned)acc_in;
  acc += (Unsigned)lane * 14029467366897019727ULL;
  acc = (acc << 31) | (acc >> 33);
  return (Signed)(acc * 11400714785074694791ULL);
}

Signed rpy_identity_hash(const void* p) {
  // The GC knows whether the object can still move (and keeps its hash then).
  return p ? (Signed)rpy_gc_identityhash(const_cast<void*>(p)) : 0;
}
