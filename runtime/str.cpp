#include <errno.h>
#include <locale.h>
#include <stdlib.h>

#include <charconv>
#include <cmath>
#include <string>

#include "runtime/rpy.h"
#include "runtime/str_internal.h"
#include "runtime/strutil.h"
#include "runtime/unicode_db.h"

using rpy_rt::ascii_string;
using rpy_rt::new_string;

namespace {

// Counts bytes that are not UTF-8 continuation bytes (10xxxxxx); written as
// a branch-free sum so the compiler vectorises it.
Signed count_codepoints(const char* p, Signed n) {
  Signed c = 0;
  for (Signed i = 0; i < n; i++) c += (static_cast<signed char>(p[i]) >= -64);
  return c;
}

// Decodes one code point. Malformed input is not expected (strings are made
// from valid UTF-8), but a stray byte decodes as itself rather than running
// past the end.
uint32_t next_codepoint(const unsigned char*& p, const unsigned char* end, size_t* len) {
  unsigned c = p[0];
  size_t need = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
  if (need > (size_t)(end - p)) need = 1;
  uint32_t cp;
  switch (need) {
    case 2: cp = ((c & 0x1f) << 6) | (p[1] & 0x3f); break;
    case 3: cp = ((c & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f); break;
    case 4:
      cp = ((c & 0x07) << 18) | ((p[1] & 0x3f) << 12) | ((p[2] & 0x3f) << 6) | (p[3] & 0x3f);
      break;
    default: cp = c;
  }
  *len = need;
  p += need;
  return cp;
}

bool has_non_ascii(const char* p, size_t n) {
  unsigned char acc = 0;
  for (size_t i = 0; i < n; i++) acc |= static_cast<unsigned char>(p[i]);
  return acc & 0x80;
}

// int() and float() first map non-ASCII whitespace to ' ' and non-ASCII
// decimal digits to ASCII ones; anything else non-ASCII cannot be part of a
// number, so the text is cut there behind a '?' that fails every parse.
std::string fold_number_text(const char* p, size_t n) {
  std::string out;
  out.reserve(n);
  auto* q = reinterpret_cast<const unsigned char*>(p);
  auto* end = q + n;
  while (q < end) {
    size_t len;
    uint32_t cp = next_codepoint(q, end, &len);
    if (cp < 0x80) {
      out.push_back((char)cp);
    } else if (rpy_unicode::is_space(cp)) {
      out.push_back(' ');
    } else {
      int d = rpy_unicode::decimal_value(cp);
      if (d < 0) {
        out.push_back('?');
        break;
      }
      out.push_back((char)('0' + d));
    }
  }
  return out;
}

// Py_ISSPACE: the only whitespace the ASCII-level parsers skip.
inline bool is_ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

void append_hex(std::string& out, char kind, uint32_t v, int ndigits) {
  static const char hex[] = "0123456789abcdef";
  out.push_back('\\');
  out.push_back(kind);
  for (int i = ndigits - 1; i >= 0; i--) out.push_back(hex[(v >> (4 * i)) & 0xf]);
}

// CPython formats these messages with %.200R: the repr is cut after 200
// code points (possibly mid-escape, as CPython does).
void truncate_codepoints(std::string& s, size_t max) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); i++) {
    if ((static_cast<unsigned char>(s[i]) & 0xc0) != 0x80) {
      if (count == max) {
        s.resize(i);
        return;
      }
      count++;
    }
  }
}

__attribute__((noinline, cold)) void raise_bad_int(rpy_string* s, Signed base = 10) {
  std::string msg = "invalid literal for int() with base " + std::to_string(base) + ": ";
  std::string r;
  rpy_rt::append_repr(r, s->data, (size_t)s->nbytes);
  truncate_codepoints(r, 200);
  msg += r;
  rpy_raise_cstr(&rpy_vt_ValueError, msg.c_str());
}

__attribute__((noinline, cold)) void raise_bad_float(rpy_string* s) {
  std::string msg = "could not convert string to float: ";
  rpy_rt::append_repr(msg, s->data, (size_t)s->nbytes);
  rpy_raise_cstr(&rpy_vt_ValueError, msg.c_str());
}

// CPython's default sys.get_int_max_str_digits().
constexpr Signed kMaxStrDigits = 4300;

// Returns false for an invalid literal; true with *out set, or with an
// exception already raised for a valid literal that cannot be converted.
bool parse_int(const char* p, size_t n, Signed* out) {
  size_t i = 0;
  while (i < n && is_ascii_space(p[i])) i++;
  bool neg = false;
  if (i < n && (p[i] == '+' || p[i] == '-')) neg = p[i++] == '-';
  if (i < n && p[i] == '_') return false;
  Signed digits = 0;
  char prev = 0;
  Unsigned acc = 0;
  bool wrapped = false;
  for (; i < n && (is_digit(p[i]) || p[i] == '_'); prev = p[i++]) {
    if (p[i] == '_') {
      if (prev == '_') return false;
      continue;
    }
    digits++;
    wrapped |= __builtin_mul_overflow(acc, (Unsigned)10, &acc);
    wrapped |= __builtin_add_overflow(acc, (Unsigned)(p[i] - '0'), &acc);
  }
  if (prev == '_') return false;
  if (RPY_UNLIKELY(digits > kMaxStrDigits)) {
    // CPython checks the limit before looking at what follows the digits.
    std::string msg = "Exceeds the limit (4300 digits) for integer string conversion: value has " +
                      std::to_string(digits) +
                      " digits; use sys.set_int_max_str_digits() to increase the limit";
    rpy_raise_cstr(&rpy_vt_ValueError, msg.c_str());
    *out = -1;
    return true;
  }
  if (digits == 0) return false;
  while (i < n && is_ascii_space(p[i])) i++;
  if (i != n) return false;
  const Unsigned limit = neg ? (Unsigned)1 << 63 : ((Unsigned)1 << 63) - 1;
  if (wrapped || acc > limit) {
    // CPython would return a long here; a machine-word int cannot hold it.
    rpy_raise_cstr(&rpy_vt_OverflowError, "int too large to convert");
    *out = -1;
    return true;
  }
  *out = neg ? (Signed)(0 - acc) : (Signed)acc;
  return true;
}

bool ascii_ieq(const char* p, size_t n, const char* word) {
  size_t k = strlen(word);
  if (n != k) return false;
  for (size_t i = 0; i < n; i++)
    if ((p[i] | 0x20) != word[i]) return false;
  return true;
}

locale_t c_locale() {
  static locale_t loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  return loc;
}

// Parses the whole of [p, p+n) (already folded to ASCII) as float() does.
bool parse_float(const char* p, size_t n, double* out) {
  std::string nounders;
  if (memchr(p, '_', n)) {
    // An underscore is only valid between two digits, wherever it is.
    nounders.reserve(n);
    for (size_t i = 0; i < n; i++) {
      if (p[i] == '_') {
        if (i == 0 || i + 1 == n || !is_digit(p[i - 1]) || !is_digit(p[i + 1])) return false;
      } else {
        nounders.push_back(p[i]);
      }
    }
    p = nounders.data();
    n = nounders.size();
  }
  while (n > 0 && is_ascii_space(*p)) p++, n--;
  while (n > 0 && is_ascii_space(p[n - 1])) n--;
  size_t i = 0;
  bool neg = false;
  if (i < n && (p[i] == '+' || p[i] == '-')) neg = p[i++] == '-';
  const char* word = p + i;
  size_t wlen = n - i;
  if (wlen && !is_digit(*word) && *word != '.') {
    double v;
    if (ascii_ieq(word, wlen, "inf") || ascii_ieq(word, wlen, "infinity"))
      v = HUGE_VAL;
    else if (ascii_ieq(word, wlen, "nan"))
      v = NAN;
    else
      return false;
    *out = neg ? -v : v;
    return true;
  }
  // Validate the decimal grammar ourselves: strtod alone would also take
  // hex floats, "nan(...)" and a partial parse of "1e".
  size_t mant = 0;
  while (i < n && is_digit(p[i])) i++, mant++;
  if (i < n && p[i] == '.') {
    i++;
    while (i < n && is_digit(p[i])) i++, mant++;
  }
  if (mant == 0) return false;
  if (i < n && (p[i] == 'e' || p[i] == 'E')) {
    i++;
    if (i < n && (p[i] == '+' || p[i] == '-')) i++;
    size_t ed = 0;
    while (i < n && is_digit(p[i])) i++, ed++;
    if (ed == 0) return false;
  }
  if (i != n) return false;
  char small[128];
  std::string big;
  char* z;
  if (n < sizeof small) {
    memcpy(small, p, n);
    small[n] = 0;
    z = small;
  } else {
    big.assign(p, n);
    z = big.data();
  }
  // Out-of-range values come back as +-inf or 0.0 (errno ERANGE), which is
  // exactly what float() returns for them.
  *out = strtod_l(z, nullptr, c_locale());
  return true;
}

}  // namespace

namespace rpy_rt {

std::string number_text(rpy_string* s) {
  if (RPY_LIKELY(!has_non_ascii(s->data, (size_t)s->nbytes))) return std::string(s->data, (size_t)s->nbytes);
  return fold_number_text(s->data, (size_t)s->nbytes);
}

// int() strips C's isspace() set (0x1c..0x1f, which str.isspace() accepts, are digits' errors).
bool is_int_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// int(s, base)'s grammar: whitespace, a sign, a prefix matching the base
// (which base 0 reads from it), digits with single underscores between
// them (and after the prefix), whitespace. Returns the digits without
// underscores and sets base and negative; false when s is not a literal.
bool parse_int_literal(const char* p, const char* end, Signed& base, bool& negative, std::string& digits) {
  while (p < end && is_int_space(*p)) p++;
  while (end > p && is_int_space(end[-1])) end--;
  negative = false;
  if (p < end && (*p == '+' || *p == '-')) negative = *p++ == '-';
  bool prefixed = false;
  if (end - p >= 2 && p[0] == '0') {
    char x = (char)(p[1] | 0x20);
    Signed pb = x == 'x' ? 16 : x == 'o' ? 8 : x == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      base = pb;
      p += 2;
      prefixed = true;
    }
  }
  bool base0_decimal = base == 0;
  if (base == 0) base = 10;
  bool need_digit = true;              // at the start and after an underscore
  bool underscore_ok = prefixed;       // "0x_1" is valid, "_1" and "0x__1" are not
  for (; p < end; p++) {
    if (*p == '_') {
      if (need_digit && !underscore_ok) return false;
      need_digit = true;
      underscore_ok = false;
      continue;
    }
    if (digit_value(*p) >= base) return false;
    digits.push_back(*p);
    need_digit = false;
    underscore_ok = false;
  }
  if (digits.empty() || need_digit) return false;
  // Base 0 reads decimal literals as Python source does: no leading zeros
  // unless the value is zero.
  if (base0_decimal && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos) return false;
  return true;
}

void append_repr(std::string& out, const char* p, size_t n) {
  bool has_sq = memchr(p, '\'', n) != nullptr;
  bool has_dq = memchr(p, '"', n) != nullptr;
  char quote = (has_sq && !has_dq) ? '"' : '\'';
  out.push_back(quote);
  auto* q = reinterpret_cast<const unsigned char*>(p);
  auto* end = q + n;
  while (q < end) {
    const unsigned char* start = q;
    size_t len;
    uint32_t cp = next_codepoint(q, end, &len);
    if (cp < 0x7f) {
      char c = (char)cp;
      if (c == quote || c == '\\') {
        out.push_back('\\');
        out.push_back(c);
      } else if (c == '\t') {
        out += "\\t";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (cp < 0x20) {
        append_hex(out, 'x', cp, 2);
      } else {
        out.push_back(c);
      }
    } else if (cp != 0x7f && rpy_unicode::is_printable(cp)) {
      out.append(reinterpret_cast<const char*>(start), len);
    } else if (cp < 0x100) {
      append_hex(out, 'x', cp, 2);
    } else if (cp < 0x10000) {
      append_hex(out, 'u', cp, 4);
    } else {
      append_hex(out, 'U', cp, 8);
    }
  }
  out.push_back(quote);
}

}  // namespace rpy_rt

extern "C" {

rpy_string* rpy_str_from_utf8(const char* bytes, Signed nbytes) {
  rpy_string* s = new_string(nbytes, count_codepoints(bytes, nbytes));
  if (RPY_UNLIKELY(!s)) return nullptr;  // MemoryError pending
  memcpy(s->data, bytes, (size_t)nbytes);
  return s;
}

rpy_string* rpy_str_concat(rpy_string* a, rpy_string* b) {
  // Strings are immutable, so an empty operand lets us share the other one.
  if (a->nbytes == 0) return b;
  if (b->nbytes == 0) return a;
  // The allocation can move a and b: read them back from the shadow stack.
  rpy_gcref<rpy_string> ra(a), rb(b);
  rpy_string* s = new_string(a->nbytes + b->nbytes, a->length + b->length);
  if (RPY_UNLIKELY(!s)) return nullptr;  // MemoryError pending
  a = ra.get();
  b = rb.get();
  memcpy(s->data, a->data, (size_t)a->nbytes);
  memcpy(s->data + a->nbytes, b->data, (size_t)b->nbytes);
  return s;
}

// a + b + c and a + b + c + d as one allocation (backendopt/strconcat.cpp
// makes these of a chain of concatenations).
rpy_string* rpy_str_concat3(rpy_string* a, rpy_string* b, rpy_string* c) {
  if (a->nbytes == 0) return rpy_str_concat(b, c);
  if (b->nbytes == 0) return rpy_str_concat(a, c);
  if (c->nbytes == 0) return rpy_str_concat(a, b);
  rpy_gcref<rpy_string> ra(a), rb(b), rc(c);
  rpy_string* s = new_string(a->nbytes + b->nbytes + c->nbytes, a->length + b->length + c->length);
  if (RPY_UNLIKELY(!s)) return nullptr;  // MemoryError pending
  char* out = s->data;
  for (rpy_string* p : {ra.get(), rb.get(), rc.get()}) {
    memcpy(out, p->data, (size_t)p->nbytes);
    out += p->nbytes;
  }
  return s;
}

rpy_string* rpy_str_concat4(rpy_string* a, rpy_string* b, rpy_string* c, rpy_string* d) {
  if (a->nbytes == 0) return rpy_str_concat3(b, c, d);
  if (b->nbytes == 0) return rpy_str_concat3(a, c, d);
  if (c->nbytes == 0) return rpy_str_concat3(a, b, d);
  if (d->nbytes == 0) return rpy_str_concat3(a, b, c);
  rpy_gcref<rpy_string> ra(a), rb(b), rc(c), rd(d);
  rpy_string* s = new_string(a->nbytes + b->nbytes + c->nbytes + d->nbytes,
                             a->length + b->length + c->length + d->length);
  if (RPY_UNLIKELY(!s)) return nullptr;  // MemoryError pending
  char* out = s->data;
  for (rpy_string* p : {ra.get(), rb.get(), rc.get(), rd.get()}) {
    memcpy(out, p->data, (size_t)p->nbytes);
    out += p->nbytes;
  }
  return s;
}

bool rpy_str_eq(rpy_string* a, rpy_string* b) {
  if (a == b) return true;
  if (a == nullptr || b == nullptr) return false;  // None vs a string
  if (a->nbytes != b->nbytes) return false;
  if (a->hash != 0 && b->hash != 0 && a->hash != b->hash) return false;
  return memcmp(a->data, b->data, (size_t)a->nbytes) == 0;
}

rpy_string* rpy_str_concat_int(rpy_string* prefix, Signed x, rpy_string* suffix) {
  char digits[24];
  size_t n = (size_t)(std::to_chars(digits, digits + sizeof digits, x).ptr - digits);
  rpy_gcref<rpy_string> rp(prefix), rs(suffix);
  rpy_string* s = new_string(prefix->nbytes + (Signed)n + suffix->nbytes,
                             prefix->length + (Signed)n + suffix->length);
  if (RPY_UNLIKELY(!s)) return nullptr;  // MemoryError pending
  char* out = s->data;
  memcpy(out, rp.get()->data, (size_t)rp.get()->nbytes);
  out += rp.get()->nbytes;
  memcpy(out, digits, n);
  memcpy(out + n, rs.get()->data, (size_t)rs.get()->nbytes);
  return s;
}

rpy_string* rpy_str_or_none(rpy_string* s) { return s ? s : rpy_str_from_utf8("None", 4); }

rpy_string* rpy_int2str(Signed x) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, x);
  return ascii_string(buf, (size_t)(r.ptr - buf));
}

rpy_string* rpy_uint2str(Unsigned x) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, x);
  return ascii_string(buf, (size_t)(r.ptr - buf));
}

rpy_string* rpy_bool2str(bool x) {
  return x ? ascii_string("True", 4) : ascii_string("False", 5);
}

rpy_string* rpy_str_repr(rpy_string* s) {
  if (!s) return rpy_str_from_utf8("None", 4);  // a str that may be None (a dict's values)
  std::string r;
  r.reserve((size_t)s->nbytes + 2);
  rpy_rt::append_repr(r, s->data, (size_t)s->nbytes);
  return rpy_str_from_utf8(r.data(), (Signed)r.size());
}

Signed rpy_str2int(rpy_string* s) {
  Signed v;
  bool ok;
  if (RPY_LIKELY(!has_non_ascii(s->data, (size_t)s->nbytes))) {
    ok = parse_int(s->data, (size_t)s->nbytes, &v);
  } else {
    std::string folded = fold_number_text(s->data, (size_t)s->nbytes);
    ok = parse_int(folded.data(), folded.size(), &v);
  }
  if (RPY_UNLIKELY(!ok)) {
    raise_bad_int(s);
    return -1;
  }
  return v;
}

Signed rpy_str2int_base(rpy_string* s, Signed base) {
  if (base != 0 && (base < 2 || base > 36)) {
    rpy_raise_cstr(&rpy_vt_ValueError, "int() base must be >= 2 and <= 36, or 0");
    return -1;
  }
  std::string text = rpy_rt::number_text(s);
  Signed b = base;
  bool negative;
  std::string digits;
  if (!rpy_rt::parse_int_literal(text.data(), text.data() + text.size(), b, negative, digits)) {
    raise_bad_int(s, base);
    return -1;
  }
  // CPython limits the digits of the bases that are not powers of two.
  if ((b & (b - 1)) != 0 && (Signed)digits.size() > kMaxStrDigits) {
    std::string msg = "Exceeds the limit (4300 digits) for integer string conversion: value has " +
                      std::to_string(digits.size()) +
                      " digits; use sys.set_int_max_str_digits() to increase the limit";
    rpy_raise_cstr(&rpy_vt_ValueError, msg.c_str());
    return -1;
  }
  Unsigned acc = 0;
  bool wrapped = false;
  for (char c : digits) {
    Unsigned d = (Unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    wrapped |= __builtin_mul_overflow(acc, (Unsigned)b, &acc);
    wrapped |= __builtin_add_overflow(acc, d, &acc);
  }
  const Unsigned limit = negative ? (Unsigned)1 << 63 : ((Unsigned)1 << 63) - 1;
  if (wrapped || acc > limit) {
    // CPython would return a long here; a machine-word int cannot hold it.
    rpy_raise_cstr(&rpy_vt_OverflowError, "int too large to convert");
    return -1;
  }
  return negative ? (Signed)(0 - acc) : (Signed)acc;
}

double rpy_str2float(rpy_string* s) {
  double v;
  bool ok;
  if (RPY_LIKELY(!has_non_ascii(s->data, (size_t)s->nbytes))) {
    ok = parse_float(s->data, (size_t)s->nbytes, &v);
  } else {
    std::string folded = fold_number_text(s->data, (size_t)s->nbytes);
    ok = parse_float(folded.data(), folded.size(), &v);
  }
  if (RPY_UNLIKELY(!ok)) {
    raise_bad_float(s);
    return -1.0;
  }
  return v;
}

}  // extern "C"

// compute_hash(str): rpython.rlib.objectmodel's algorithm over the UTF-8
// bytes, bit for bit, cached in the string (0 means not computed yet).
static inline Unsigned le64(Unsigned w) {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return __builtin_bswap64(w);
#else
  return w;
#endif
}

Signed rpy_str_hash(rpy_string* s) {
  if (s->hash != 0) return s->hash;
  Signed n = s->nbytes;
  if (n == 0) return 0;
  // rpython.rlib.objectmodel._hash_bytes, 8 bytes per step: a multiply per
  // word instead of one per byte (dict keys are hashed when they are made,
  // so this is on the path of every fresh key), with a final mix so the low
  // bits the dict index uses depend on every byte.
  constexpr Unsigned K = 0x9E3779B97F4A7C15ull;
  const unsigned char* b = (const unsigned char*)s->data;
  Unsigned x = (Unsigned)n * K;
  Signed i = 0;
  for (; i + 8 <= n; i += 8) {
    Unsigned w;
    memcpy(&w, b + i, 8);
    x = (x ^ le64(w)) * K;
    x ^= x >> 29;
  }
  if (i < n) {
    // The last 1..7 bytes as one little-endian word: a whole 8-byte load is
    // in bounds, every string's storage (GC-allocated, prebuilt, the static
    // one-char table) being a multiple of 8 bytes from an 8-aligned data
    // start; the bytes past the end are masked off.
    Unsigned w;
    memcpy(&w, b + i, 8);
    w = le64(w) & ((Unsigned(1) << (8 * (n - i))) - 1);
    x = (x ^ w) * K;
    x ^= x >> 29;
  }
  x ^= x >> 32;
  x *= 0xD6E8FEB86659FD93ull;
  x ^= x >> 32;
  Signed h = (Signed)x;
  if (h == -1) h = -2;
  s->hash = h;
  return h;
}
