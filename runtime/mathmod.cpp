// The math module, as CPython 3.11's Modules/mathmodule.c behaves: a result
// that is NaN for a non-NaN argument is a domain error (ValueError), an
// infinite result for a finite argument is a range error (OverflowError)
// for the functions that can overflow and a domain error for the others.
#include <cerrno>
#include <cmath>

#include "runtime/rpy.h"

namespace {

double domain_error() {
  rpy_raise_cstr(&rpy_vt_ValueError, "math domain error");
  return -1.0;
}
double range_error() {
  rpy_raise_cstr(&rpy_vt_OverflowError, "math range error");
  return -1.0;
}

// CPython's math_1: r = f(x) with its special-value rules.
double math_1(double x, double (*f)(double), bool can_overflow) {
  errno = 0;
  double r = f(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  if (std::isfinite(r) && errno == ERANGE && std::fabs(r) >= 1.5) return range_error();
  return r;
}

// m_log: log of a positive number; 0 and negatives are domain errors.
double m_log(double x, double (*f)(double)) {
  if (std::isfinite(x)) {
    if (x > 0.0) return f(x);
    return domain_error();
  }
  if (std::isnan(x)) return x;
  if (x > 0.0) return x;  // log(inf) = inf
  return domain_error();  // log(-inf)
}

double d_log(double x) { return std::log(x); }
double d_log10(double x) { return std::log10(x); }
double d_log2(double x) { return std::log2(x); }

}  // namespace

extern "C" {

double rpy_math_sqrt(double x) { return math_1(x, [](double v) { return std::sqrt(v); }, false); }
double rpy_math_exp(double x) { return math_1(x, [](double v) { return std::exp(v); }, true); }
double rpy_math_expm1(double x) { return math_1(x, [](double v) { return std::expm1(v); }, true); }
double rpy_math_sin(double x) { return math_1(x, [](double v) { return std::sin(v); }, false); }
double rpy_math_cos(double x) { return math_1(x, [](double v) { return std::cos(v); }, false); }
double rpy_math_tan(double x) { return math_1(x, [](double v) { return std::tan(v); }, false); }
double rpy_math_asin(double x) { return math_1(x, [](double v) { return std::asin(v); }, false); }
double rpy_math_acos(double x) { return math_1(x, [](double v) { return std::acos(v); }, false); }
double rpy_math_atan(double x) { return math_1(x, [](double v) { return std::atan(v); }, false); }
double rpy_math_sinh(double x) { return math_1(x, [](double v) { return std::sinh(v); }, true); }
double rpy_math_cosh(double x) { return math_1(x, [](double v) { return std::cosh(v); }, true); }
double rpy_math_tanh(double x) { return math_1(x, [](double v) { return std::tanh(v); }, false); }
double rpy_math_asinh(double x) { return math_1(x, [](double v) { return std::asinh(v); }, false); }
double rpy_math_acosh(double x) { return math_1(x, [](double v) { return std::acosh(v); }, false); }
double rpy_math_atanh(double x) { return math_1(x, [](double v) { return std::atanh(v); }, false); }
double rpy_math_log1p(double x) {
  // CPython's m_log1p: log1p(-1) is a domain error, not -inf.
  if (x == -1.0) return domain_error();
  return math_1(x, [](double v) { return std::log1p(v); }, false);
}
double rpy_math_fabs(double x) { return std::fabs(x); }
double rpy_math_degrees(double x) { return x * (180.0 / M_PI); }
double rpy_math_radians(double x) { return x * (M_PI / 180.0); }

double rpy_math_log(double x) { return m_log(x, d_log); }
double rpy_math_log10(double x) { return m_log(x, d_log10); }
double rpy_math_log2(double x) { return m_log(x, d_log2); }
double rpy_math_log_base(double x, double base) {
  double num = m_log(x, d_log);
  if (rpy_exc_type) return -1.0;
  double den = m_log(base, d_log);
  if (rpy_exc_type) return -1.0;
  if (den == 0.0) {
    rpy_raise_cstr(&rpy_vt_ZeroDivisionError, "float division by zero");
    return -1.0;
  }
  return num / den;
}

double rpy_math_pow(double x, double y) {
  double r;
  int err = 0;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) {
      r = y == 0.0 ? 1.0 : x;
    } else if (std::isnan(y)) {
      r = x == 1.0 ? 1.0 : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.0) r = odd_y ? x : std::fabs(x);
      else if (y == 0.0) r = 1.0;
      else r = odd_y ? std::copysign(0.0, x) : 0.0;
    } else {  // y is infinite
      if (std::fabs(x) == 1.0) r = 1.0;
      else if (y > 0.0 && std::fabs(x) > 1.0) r = y;
      else if (y < 0.0 && std::fabs(x) < 1.0) r = -y;
      else r = 0.0;
    }
  } else {
    r = std::pow(x, y);
    if (!std::isfinite(r)) {
      if (std::isnan(r)) err = EDOM;
      else err = x == 0.0 ? EDOM : ERANGE;  // 0 ** negative, or an overflow
    }
  }
  if (err == EDOM) return domain_error();
  if (err == ERANGE && std::fabs(r) >= 1.5) return range_error();
  return r;
}

double rpy_math_atan2(double y, double x) { return std::atan2(y, x); }

double rpy_math_hypot(double x, double y) {
  // Any infinity wins over a NaN, as in CPython.
  if (std::isinf(x) || std::isinf(y)) return HUGE_VAL;
  return std::hypot(x, y);
}

double rpy_math_fmod(double x, double y) {
  if (std::isinf(y) && std::isfinite(x)) return x;
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  return r;
}

double rpy_math_copysign(double x, double y) { return std::copysign(x, y); }

double rpy_math_ldexp(double x, Signed e) {
  if (x == 0.0 || !std::isfinite(x)) return x;
  if (e > INT32_MAX) return range_error();
  if (e < INT32_MIN) return std::copysign(0.0, x);
  double r = std::ldexp(x, (int)e);
  if (std::isinf(r)) return range_error();
  return r;
}

bool rpy_math_isnan(double x) { return std::isnan(x); }
bool rpy_math_isinf(double x) { return std::isinf(x); }
bool rpy_math_isfinite(double x) { return std::isfinite(x); }

Signed rpy_math_floor(double x) { return rpy_float2int(std::floor(x)); }
Signed rpy_math_ceil(double x) { return rpy_float2int(std::ceil(x)); }

double rpy_math_modf_frac(double x) {
  if (std::isinf(x)) return std::copysign(0.0, x);
  double ip;
  return std::modf(x, &ip);
}
double rpy_math_modf_int(double x) {
  if (std::isinf(x)) return x;
  double ip;
  std::modf(x, &ip);
  return ip;
}

double rpy_math_frexp_mant(double x) {
  if (std::isnan(x) || std::isinf(x) || x == 0.0) return x;
  int e;
  return std::frexp(x, &e);
}
Signed rpy_math_frexp_exp(double x) {
  if (std::isnan(x) || std::isinf(x) || x == 0.0) return 0;
  int e;
  std::frexp(x, &e);
  return e;
}

Signed rpy_math_gcd(Signed a, Signed b) {
  // On magnitudes as unsigned words: gcd(-2**63, 0) wraps to -2**63, the
  // documented machine-word difference.
  Unsigned x = a < 0 ? 0 - (Unsigned)a : (Unsigned)a;
  Unsigned y = b < 0 ? 0 - (Unsigned)b : (Unsigned)b;
  while (y) {
    Unsigned t = x % y;
    x = y;
    y = t;
  }
  return (Signed)x;
}

Signed rpy_math_factorial(Signed n) {
  if (n < 0) {
    rpy_raise_cstr(&rpy_vt_ValueError, "factorial() not defined for negative values");
    return -1;
  }
  if (n > 20) {
    rpy_raise_cstr(&rpy_vt_OverflowError, "factorial() result does not fit in a machine word");
    return -1;
  }
  Signed r = 1;
  for (Signed i = 2; i <= n; ++i) r *= i;
  return r;
}

}  // extern "C"
