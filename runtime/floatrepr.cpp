// repr(float) / str(float) as CPython 3 prints them.
#include <charconv>
#include <cmath>

#include "runtime/rpy.h"
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
