// UTF-8 helpers shared by strmethods.cpp, bytes.cpp and format.cpp. Not ABI.
#pragma once
#include <cstdint>
#include <string>

#include "runtime/gcroots.h"
#include "runtime/rpy.h"
#include "runtime/str_internal.h"

namespace rpy_rt {

inline bool is_ascii_str(const rpy_string* s) { return s->length == s->nbytes; }
inline bool is_cont(unsigned char c) { return (c & 0xc0) == 0x80; }

// Decodes the code point at p (valid UTF-8, surrogates allowed as 3-byte
// sequences) and advances p.
inline uint32_t decode_cp(const unsigned char*& p) {
  unsigned c = p[0];
  if (c < 0x80) {
    p += 1;
    return c;
  }
  if (c < 0xe0) {
    uint32_t r = ((c & 0x1f) << 6) | (p[1] & 0x3f);
    p += 2;
    return r;
  }
  if (c < 0xf0) {
    uint32_t r = ((c & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f);
    p += 3;
    return r;
  }
  uint32_t r = ((c & 0x07) << 18) | ((p[1] & 0x3f) << 12) | ((p[2] & 0x3f) << 6) | (p[3] & 0x3f);
  p += 4;
  return r;
}

// The code point ending just before p; moves p back to its first byte.
inline uint32_t decode_cp_back(const unsigned char*& p) {
  const unsigned char* q = p - 1;
  while (is_cont(*q)) q--;
  const unsigned char* r = q;
  uint32_t cp = decode_cp(r);
  p = q;
  return cp;
}

inline int utf8_len(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

inline char* encode_cp(char* o, uint32_t cp) {
  if (cp < 0x80) {
    *o++ = (char)cp;
  } else if (cp < 0x800) {
    *o++ = (char)(0xc0 | (cp >> 6));
    *o++ = (char)(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    *o++ = (char)(0xe0 | (cp >> 12));
    *o++ = (char)(0x80 | ((cp >> 6) & 0x3f));
    *o++ = (char)(0x80 | (cp & 0x3f));
  } else {
    *o++ = (char)(0xf0 | (cp >> 18));
    *o++ = (char)(0x80 | ((cp >> 12) & 0x3f));
    *o++ = (char)(0x80 | ((cp >> 6) & 0x3f));
    *o++ = (char)(0x80 | (cp & 0x3f));
  }
  return o;
}

inline void append_cp(std::string& out, uint32_t cp) {
  char buf[4];
  out.append(buf, (size_t)(encode_cp(buf, cp) - buf));
}

// Code points in [p, p+n): bytes that are not continuation bytes.
inline Signed count_cps(const char* p, Signed n) {
  Signed c = 0;
  for (Signed i = 0; i < n; i++) c += (static_cast<signed char>(p[i]) >= -64);
  return c;
}

// A str from text whose code point count is known.
inline rpy_string* str_from(const char* p, Signed nbytes, Signed length) {
  rpy_string* s = new_string(nbytes, length);
  if (RPY_UNLIKELY(!s)) return nullptr;  // MemoryError pending
  memcpy(s->data, p, (size_t)nbytes);
  return s;
}
inline rpy_string* str_from(const std::string& t) {
  return rpy_str_from_utf8(t.data(), (Signed)t.size());
}
inline rpy_string* str_from_ascii(const std::string& t) { return ascii_string(t.data(), t.size()); }

// The prebuilt "" (static data, never collected).
rpy_string* empty_str();

// PySlice_AdjustIndices for start/end pairs of find & co.
inline void adjust_indices(Signed& start, Signed& end, Signed len) {
  if (end > len)
    end = len;
  else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
}

// Slice bounds as PySlice_AdjustIndices leaves them; returns the item count.
inline Signed adjust_slice(Signed len, Signed& start, Signed& stop, Signed step) {
  if (start < 0) {
    start = start == INT64_MIN ? -1 : start + len;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= len) {
    start = step < 0 ? len - 1 : len;
  }
  if (stop < 0) {
    stop = stop == INT64_MIN ? -1 : stop + len;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= len) {
    stop = step < 0 ? len - 1 : len;
  }
  if (step < 0) return stop < start ? (start - stop - 1) / (-step) + 1 : 0;
  return start < stop ? (stop - start - 1) / step + 1 : 0;
}

// memmem from the right.
const char* rmemmem(const char* hay, size_t n, const char* needle, size_t m);

// The text int() and float() parse: s, with non-ASCII whitespace and
// decimal digits mapped to ASCII (runtime/str.cpp).
std::string number_text(rpy_string* s);

// int(s, base)'s grammar over [p, end) (runtime/str.cpp): the digits
// without prefix and underscores, and the base (base 0 reads it from the
// prefix); false when the text is not a literal in that base.
bool parse_int_literal(const char* p, const char* end, Signed& base, bool& negative, std::string& digits);

// Appends the \xNN / \uNNNN / \UNNNNNNNN escape of cp.
void append_escape(std::string& out, uint32_t cp);

}  // namespace rpy_rt
