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
