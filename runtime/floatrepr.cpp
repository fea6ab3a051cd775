// repr(float) / str(float) as CPython 3 prints them; float.hex() and float.fromhex().
#include <locale.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/rpy.h"
#include "runtime/rpy_syslib.h"
#include "runtime/str_internal.h"

extern "C" rpy_string* rpy_float2str(double x) {
  if (RPY_UNLIKELY(!std::isfinite(x))) {
    if (std::isnan(x)) return rpy_rt::ascii_string("nan", 3);  // sign never shown
    return x > 0 ? rpy_rt::ascii_string("inf", 3) : rpy_rt::ascii_string("-inf", 4);
  }
  // Shortest round-tripping digits, from to_chars' scientific form
  // "[-]d[.ddd]e(+|-)XX": that gives the digits and the exponent directly,
  // and we then lay them out following Python's repr rule.
  char sci[40];
  auto r = std::to_chars(sci, sci + sizeof sci, x, std::chars_format::scientific);
  const char* p = sci;
  const char* end = r.ptr;
  char digits[24];
  int nd = 0;
  bool neg = *p == '-';
  if (neg) p++;
  for (; *p != 'e'; p++)
    if (*p != '.') digits[nd++] = *p;
  p++;  // 'e'
  bool eneg = *p++ == '-';
  int e = 0;
  for (; p < end; p++) e = e * 10 + (*p - '0');
  if (eneg) e = -e;

  char out[48];
  char* o = out;
  if (neg) *o++ = '-';
  if (e < -4 || e >= 16) {
    *o++ = digits[0];
    if (nd > 1) {
      *o++ = '.';
      memcpy(o, digits + 1, (size_t)nd - 1);
      o += nd - 1;
    }
    *o++ = 'e';
    *o++ = e < 0 ? '-' : '+';
    int ae = e < 0 ? -e : e;
    if (ae >= 100) *o++ = (char)('0' + ae / 100);
    *o++ = (char)('0' + ae / 10 % 10);
    *o++ = (char)('0' + ae % 10);
  } else if (e >= 0) {
    int intlen = e + 1;
    if (nd <= intlen) {
      memcpy(o, digits, (size_t)nd);
      o += nd;
      for (int i = nd; i < intlen; i++) *o++ = '0';
      *o++ = '.';
      *o++ = '0';
    } else {
      memcpy(o, digits, (size_t)intlen);
      o += intlen;
      *o++ = '.';
      memcpy(o, digits + intlen, (size_t)(nd - intlen));
      o += nd - intlen;
    }
  } else {
    *o++ = '0';
    *o++ = '.';
    for (int i = 0; i < -e - 1; i++) *o++ = '0';
    memcpy(o, digits, (size_t)nd);
    o += nd;
  }
  return rpy_rt::ascii_string(out, (size_t)(o - out));
}

// float.hex(): CPython's layout, "[-]0x1.<13 hex digits>p<signed exponent>",
// with a subnormal written as 0x0.<digits>p-1022.
extern "C" rpy_string* rpy_float_hex(double x) {
  if (std::isnan(x)) return rpy_rt::ascii_string("nan", 3);
  if (std::isinf(x)) return x > 0 ? rpy_rt::ascii_string("inf", 3) : rpy_rt::ascii_string("-inf", 4);
  if (x == 0.0) return std::signbit(x) ? rpy_rt::ascii_string("-0x0.0p+0", 9) : rpy_rt::ascii_string("0x0.0p+0", 8);
  static const char hexdigits[] = "0123456789abcdef";
  int e;
  double m = std::frexp(std::fabs(x), &e);
  // The leading digit is 1, or 0 below the smallest normal exponent.
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  char buf[48];
  int n = 0;
  if (x < 0) buf[n++] = '-';
  buf[n++] = '0';
  buf[n++] = 'x';
  int d = (int)m;
  buf[n++] = hexdigits[d];
  m -= d;
  buf[n++] = '.';
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; ++i) {
    m *= 16.0;
    d = (int)m;
    buf[n++] = hexdigits[d];
    m -= d;
  }
  n += std::snprintf(buf + n, sizeof buf - n, "p%+d", e);
  return rpy_rt::ascii_string(buf, (size_t)n);
}

namespace {

bool fromhex_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_hex(char c) { return std::isxdigit((unsigned char)c) != 0; }
// Case-insensitive match of `word` at p.
bool match_word(const char* p, const char* end, const char* word) {
  size_t n = std::strlen(word);
  if ((size_t)(end - p) < n) return false;
  for (size_t i = 0; i < n; ++i)
    if (std::tolower((unsigned char)p[i]) != word[i]) return false;
  return true;
}

}  // namespace

// float.fromhex(s): the syntax is checked here (CPython's: whitespace, sign,
// inf/infinity/nan, optional 0x, hex digits with at most one point and at
// least one digit, optional p exponent); the value is strtod's in the C
// locale, correctly rounded (halfway to even), infinite when too large.
extern "C" double rpy_float_fromhex(rpy_string* s) {
  const char* p = s->data;
  const char* end = s->data + s->nbytes;
  auto invalid = [] {
    rpy_raise_cstr(&rpy_vt_ValueError, "invalid hexadecimal floating-point string");
    return -1.0;
  };
  while (p < end && fromhex_space(*p)) ++p;
  while (end > p && fromhex_space(end[-1])) --end;
  bool neg = false;
  if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
  if (match_word(p, end, "infinity") && end - p == 8) return neg ? -HUGE_VAL : HUGE_VAL;
  if (match_word(p, end, "inf") && end - p == 3) return neg ? -HUGE_VAL : HUGE_VAL;
  if (match_word(p, end, "nan") && end - p == 3) return neg ? -std::nan("") : std::nan("");
  if (end - p >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) p += 2;
  std::string norm = neg ? "-0x" : "0x";
  size_t digits = 0;
  while (p < end && is_hex(*p)) norm += *p++, ++digits;
  if (p < end && *p == '.') {
    norm += *p++;
    while (p < end && is_hex(*p)) norm += *p++, ++digits;
  }
  if (digits == 0) return invalid();
  if (p < end && (*p == 'p' || *p == 'P')) {
    norm += 'p';
    ++p;
    if (p < end && (*p == '+' || *p == '-')) norm += *p++;
    size_t exp_digits = 0;
    while (p < end && *p >= '0' && *p <= '9') norm += *p++, ++exp_digits;
    if (exp_digits == 0) return invalid();
  }
  if (p != end) return invalid();
  static locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  double r = strtod_l(norm.c_str(), nullptr, c_locale);
  if (std::isinf(r)) {
    rpy_raise_cstr(&rpy_vt_OverflowError, "hexadecimal value too large to represent as a float");
    return -1.0;
  }
  return r;
}
