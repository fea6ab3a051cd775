#include "runtime/unicode_db.h"

namespace rpy_unicode {

bool is_printable(uint32_t cp) {
  if (cp < 0x7f) return cp >= 0x20;  // the overwhelmingly common case
  int lo = 0, hi = kNonPrintableCount;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (cp > kNonPrintable[mid].last)
      lo = mid + 1;
    else
      hi = mid;
  }
  return !(lo < kNonPrintableCount && cp >= kNonPrintable[lo].first);
}

bool is_space(uint32_t cp) {
  switch (cp) {
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d:
    case 0x1c: case 0x1d: case 0x1e: case 0x1f: case 0x20:
    case 0x85: case 0xa0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200a;
  }
}

int decimal_value(uint32_t cp) {
  // Last run whose zero is <= cp; the generator checked runs are 10 long.
  int lo = 0, hi = kDigitZerosCount;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (kDigitZeros[mid] <= cp)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == 0) return -1;
  uint32_t d = cp - kDigitZeros[lo - 1];
  return d < 10 ? (int)d : -1;
}

}  // namespace rpy_unicode

namespace rpy_unicode {

namespace {

bool in_ranges(const CodeRange* r, int n, uint32_t cp) {
  int lo = 0, hi = n;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (cp > r[mid].last)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n && cp >= r[lo].first;
}

const CaseMapping* find_map(const CaseMapping* m, int n, uint32_t cp) {
  int lo = 0, hi = n;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (m[mid].cp < cp)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n && m[lo].cp == cp ? &m[lo] : nullptr;
}

int map_full(const CaseMapping* m, int n, uint32_t cp, uint32_t out[3]) {
  const CaseMapping* e = find_map(m, n, cp);
  if (!e) {
    out[0] = cp;
    return 1;
  }
  out[0] = e->to[0];
  out[1] = e->to[1];
  out[2] = e->to[2];
  return out[2] ? 3 : out[1] ? 2 : 1;
}

// A mapping stored as its differences from a base mapping.
int map_over(const CaseMapping* m, int n, const CaseMapping* base, int nbase, uint32_t cp, uint32_t out[3]) {
  return find_map(m, n, cp) ? map_full(m, n, cp, out) : map_full(base, nbase, cp, out);
}

}  // namespace

bool is_cased(uint32_t cp) { return in_ranges(kCased, kCasedCount, cp); }
bool is_case_ignorable(uint32_t cp) { return in_ranges(kCaseIgnorable, kCaseIgnorableCount, cp); }
bool is_lower(uint32_t cp) { return in_ranges(kLowercase, kLowercaseCount, cp); }
bool is_upper(uint32_t cp) { return in_ranges(kUppercase, kUppercaseCount, cp); }
bool is_title(uint32_t cp) { return in_ranges(kTitlecase, kTitlecaseCount, cp); }
bool is_alpha(uint32_t cp) { return in_ranges(kAlpha, kAlphaCount, cp); }
bool is_digit(uint32_t cp) { return in_ranges(kDigit, kDigitCount, cp); }
bool is_numeric(uint32_t cp) { return in_ranges(kNumeric, kNumericCount, cp); }
bool is_xid_start(uint32_t cp) { return in_ranges(kXidStart, kXidStartCount, cp); }
bool is_xid_continue(uint32_t cp) { return in_ranges(kXidContinue, kXidContinueCount, cp); }
int to_lower_full(uint32_t cp, uint32_t out[3]) { return map_full(kLowerMap, kLowerMapCount, cp, out); }
int to_upper_full(uint32_t cp, uint32_t out[3]) { return map_full(kUpperMap, kUpperMapCount, cp, out); }
int to_title_full(uint32_t cp, uint32_t out[3]) {
  return map_over(kTitleMap, kTitleMapCount, kUpperMap, kUpperMapCount, cp, out);
}
int to_fold_full(uint32_t cp, uint32_t out[3]) {
  return map_over(kFoldMap, kFoldMapCount, kLowerMap, kLowerMapCount, cp, out);
}

}  // namespace rpy_unicode
