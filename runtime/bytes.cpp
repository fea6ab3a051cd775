// bytes, and the codecs between str and bytes (utf-8, latin-1, ascii), with
// CPython 3.11's results and error messages.
#include <algorithm>
#include <cstring>
#include <string>
#include <type_traits>

#include "runtime/rpy.h"
#include "runtime/strutil.h"

using namespace rpy_rt;

namespace {

inline rpy_bytes* as_bytes(rpy_string* s) { return reinterpret_cast<rpy_bytes*>(s); }
inline rpy_string* as_str(rpy_bytes* b) { return reinterpret_cast<rpy_string*>(b); }
static_assert(sizeof(rpy_bytes) == sizeof(rpy_string));
static_assert(offsetof(rpy_bytes, data) == offsetof(rpy_string, data));
static_assert(offsetof(rpy_bytes, nbytes) == offsetof(rpy_string, nbytes));

rpy_bytes* new_bytes(Signed n) { return as_bytes(new_string(n, n)); }

// The bytes of a GC string: the allocation may move s, so it is rooted and
// read again after.
rpy_bytes* bytes_of_str(rpy_string* s) {
  rpy_gcref<rpy_string> rs(s);
  rpy_bytes* b = new_bytes(s->nbytes);
  if (RPY_UNLIKELY(!b)) return nullptr;  // MemoryError pending
  memcpy(b->data, rs.get()->data, (size_t)rs.get()->nbytes);
  return b;
}

// `p` must not point into the GC heap (the allocation may move it).
rpy_bytes* bytes_of(const char* p, Signed n) {
  rpy_bytes* b = new_bytes(n);
  if (RPY_UNLIKELY(!b)) return nullptr;  // MemoryError pending
  memcpy(b->data, p, (size_t)n);
  return b;
}

__attribute__((cold, noinline)) void raise_msg(const rpy_vtable* vt, const std::string& msg) {
  rpy_raise_cstr(vt, msg.c_str());
}

enum class Codec { Utf8, Latin1, Ascii, Unknown };

Codec lookup_codec(rpy_string* enc) {
  if (!enc) return Codec::Utf8;
  std::string n;
  for (Signed i = 0; i < enc->nbytes; i++) {
    char c = enc->data[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c == '_' || c == ' ') c = '-';
    n.push_back(c);
  }
  static const char* const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001"};
  static const char* const latin1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819",
                                       "l1", "latin", "iso-ir-100", "csisolatin1", "iso-8859-1:1987"};
  static const char* const ascii[] = {"ascii", "us-ascii", "646", "us", "ansi-x3.4-1968", "cp367",
                                      "iso646-us", "csascii", "ansi-x3.4-1986", "iso-ir-6", "ibm367"};
  for (const char* a : utf8)
    if (n == a) return Codec::Utf8;
  for (const char* a : latin1)
    if (n == a) return Codec::Latin1;
  for (const char* a : ascii)
    if (n == a) return Codec::Ascii;
  return Codec::Unknown;
}

const char* codec_name(Codec c) {
  return c == Codec::Utf8 ? "utf-8" : c == Codec::Latin1 ? "latin-1" : "ascii";
}

enum class Handler { Strict, Ignore, Replace, BackslashReplace, SurrogatePass, Unknown };

Handler lookup_handler(rpy_string* errors) {
  if (!errors) return Handler::Strict;
  std::string e(errors->data, (size_t)errors->nbytes);
  if (e == "strict") return Handler::Strict;
  if (e == "ignore") return Handler::Ignore;
  if (e == "replace") return Handler::Replace;
  if (e == "backslashreplace") return Handler::BackslashReplace;
  if (e == "surrogatepass") return Handler::SurrogatePass;
  return Handler::Unknown;
}

// Called at the first error only, as CPython looks handlers up lazily.
bool check_handler(Handler h, rpy_string* errors) {
  if (h != Handler::Unknown) return true;
  raise_msg(&rpy_vt_LookupError,
            "unknown error handler name '" + std::string(errors->data, (size_t)errors->nbytes) + "'");
  return false;
}

std::string char_escape(uint32_t cp) {
  std::string r;
  append_escape(r, cp);
  return r;
}

// ---- encoding --------------------------------------------------------------
inline bool is_surrogate(uint32_t cp) { return cp >= 0xd800 && cp < 0xe000; }

rpy_bytes* encode(rpy_string* s, Codec codec, rpy_string* errors) {
  const uint32_t limit = codec == Codec::Ascii ? 0x80 : codec == Codec::Latin1 ? 0x100 : 0x110000;
  // Fast paths: ASCII text encodes to itself everywhere; UTF-8 without
  // surrogates (no 0xED lead byte followed by A0..BF) is already encoded.
  if (is_ascii_str(s)) return bytes_of_str(s);
  if (codec == Codec::Utf8) {
    bool clean = true;
    for (const char* p = s->data; (p = (const char*)memchr(p, 0xed, (size_t)(s->data + s->nbytes - p)));
         p++) {
      if ((unsigned char)p[1] >= 0xa0) {
        clean = false;
        break;
      }
    }
    if (clean) return bytes_of_str(s);
  }
  Handler h = lookup_handler(errors);
  std::string out;
  out.reserve((size_t)s->nbytes);
  auto* base = (const unsigned char*)s->data;
  auto* p = base;
  auto* e = base + s->nbytes;
  Signed pos = 0;
  auto bad = [&](uint32_t cp) { return codec == Codec::Utf8 ? is_surrogate(cp) : cp >= limit; };
  while (p < e) {
    const unsigned char* at = p;
    uint32_t cp = decode_cp(p);
    if (!bad(cp)) {
      if (codec == Codec::Utf8)
        out.append((const char*)at, (size_t)(p - at));
      else
        out.push_back((char)cp);
      pos++;
      continue;
    }
    if (codec == Codec::Utf8 && h == Handler::SurrogatePass) {
      out.append((const char*)at, (size_t)(p - at));
      pos++;
      continue;
    }
    // The run of unencodable characters, reported or handled together.
    Signed start = pos;
    std::basic_string<uint32_t> run(1, cp);
    pos++;
    while (p < e) {
      const unsigned char* q = p;
      uint32_t c2 = decode_cp(q);
      if (!bad(c2)) break;
      run.push_back(c2);
      p = q;
      pos++;
    }
    if (!check_handler(h, errors)) return nullptr;
    if (h == Handler::Strict || h == Handler::SurrogatePass) {
      const char* reason = codec == Codec::Utf8 ? "surrogates not allowed"
                           : codec == Codec::Ascii ? "ordinal not in range(128)"
                                                   : "ordinal not in range(256)";
      std::string msg = std::string("'") + codec_name(codec) + "' codec can't encode ";
      if (run.size() == 1)
        msg += "character '" + char_escape(run[0]) + "' in position " + std::to_string(start);
      else
        msg += "characters in position " + std::to_string(start) + "-" + std::to_string(pos - 1);
      msg += ": ";
      msg += reason;
      raise_msg(&rpy_vt_UnicodeEncodeError, msg);
      return nullptr;
    }
    for (uint32_t c : run) {
      if (h == Handler::Replace)
        out.push_back('?');
      else if (h == Handler::BackslashReplace)
        append_escape(out, c);
    }
  }
  return bytes_of(out.data(), (Signed)out.size());
}

// ---- decoding ----------------------------------------------------------------
// Length of the valid UTF-8 sequence at p (1..4), or 0 with *err_end set to
// the end of the maximal invalid subpart and *reason to CPython's wording.
int utf8_seq(const unsigned char* p, const unsigned char* e, bool surrogatepass, const unsigned char** err_end,
             const char** reason) {
  unsigned c = p[0];
  if (c < 0x80) return 1;
  int need;
  unsigned lo = 0x80, hi = 0xbf;
  if (c < 0xc2 || c > 0xf4) {
    *err_end = p + 1;
    *reason = "invalid start byte";
    return 0;
  } else if (c < 0xe0) {
    need = 2;
  } else if (c < 0xf0) {
    need = 3;
    if (c == 0xe0) lo = 0xa0;
    if (c == 0xed && !surrogatepass) hi = 0x9f;
  } else {
    need = 4;
    if (c == 0xf0) lo = 0x90;
    if (c == 0xf4) hi = 0x8f;
  }
  for (int k = 1; k < need; k++) {
    if (p + k >= e) {
      *err_end = e;
      *reason = "unexpected end of data";
      return 0;
    }
    unsigned b = p[k];
    bool ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xbf);
    if (!ok) {
      *err_end = p + k;
      *reason = "invalid continuation byte";
      return 0;
    }
  }
  return need;
}

// The content of a bytes or of a bytearray (its first `length` bytes, not
// the capacity), read in place. A view points into the GC heap: it is valid
// only until the next allocation, so the functions below that allocate
// re-read their views from rooted objects after it.
struct BView {
  const char* p;
  Signed n;
};
inline BView view(rpy_bytes* b) { return {b->data, b->nbytes}; }
inline BView view(rpy_bytearray* a) { return {a->buf->data, a->length}; }

// b (a bytes or a bytearray) decoded. Only the ASCII copy allocates while
// b's data is in use; the other paths build the text outside the GC heap
// and allocate after the last read of b (or raise and stop reading).
template <class T>
rpy_string* decode(T* b, Codec codec, rpy_string* errors) {
  const Signed nb = view(b).n;
  auto* base = (const unsigned char*)view(b).p;
  auto* e = base + nb;
  // Pure ASCII input is the same text in every codec.
  bool ascii = true;
  for (auto* q = base; q < e; q++)
    if (*q >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) {
    // The allocation may move b: rooted, and read again after.
    rpy_gcref<T> rb(b);
    rpy_string* r = new_string(nb, nb);
    if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
    memcpy(r->data, view(rb.get()).p, (size_t)nb);
    return r;
  }
  Handler h = lookup_handler(errors);
  std::string out;
  out.reserve((size_t)nb + 8);
  Signed length = 0;
  auto* p = base;
  while (p < e) {
    if (*p < 0x80) {
      out.push_back((char)*p++);
      length++;
      continue;
    }
    const unsigned char* err_end = p + 1;
    const char* reason = nullptr;
    if (codec == Codec::Latin1) {
      append_cp(out, *p++);
      length++;
      continue;
    } else if (codec == Codec::Ascii) {
      reason = "ordinal not in range(128)";
    } else {
      int n = utf8_seq(p, e, h == Handler::SurrogatePass, &err_end, &reason);
      if (n) {
        out.append((const char*)p, (size_t)n);
        p += n;
        length++;
        continue;
      }
    }
    if (!check_handler(h, errors)) return nullptr;
    if (h == Handler::Strict || h == Handler::SurrogatePass) {
      char buf[96];
      Signed start = p - base, end = err_end - base;
      if (end - start == 1)
        snprintf(buf, sizeof buf, "'%s' codec can't decode byte 0x%02x in position %lld: %s", codec_name(codec),
                 *p, (long long)start, reason);
      else
        snprintf(buf, sizeof buf, "'%s' codec can't decode bytes in position %lld-%lld: %s", codec_name(codec),
                 (long long)start, (long long)(end - 1), reason);
      raise_msg(&rpy_vt_UnicodeDecodeError, buf);
      return nullptr;
    }
    if (h == Handler::Replace) {
      out += "\xef\xbf\xbd";
      length++;
    } else if (h == Handler::BackslashReplace) {
      for (auto* q = p; q < err_end; q++) {
        append_escape(out, *q);
        length += 4;
      }
    }
    p = err_end;
  }
  return str_from(out.data(), (Signed)out.size(), length);
}

Signed bfind(rpy_bytes* b, rpy_bytes* sub, Signed start, Signed end, bool reverse) {
  adjust_indices(start, end, b->nbytes);
  if (end - start < sub->nbytes) return -1;
  if (sub->nbytes == 0) return reverse ? end : start;
  const char* hay = b->data + start;
  size_t n = (size_t)(end - start);
  const char* hit = reverse ? rmemmem(hay, n, sub->data, (size_t)sub->nbytes)
                            : (const char*)memmem(hay, n, sub->data, (size_t)sub->nbytes);
  return hit ? hit - b->data : -1;
}


Signed vfind(BView b, BView sub, Signed start, Signed end, bool reverse) {
  adjust_indices(start, end, b.n);
  if (end - start < sub.n) return -1;
  if (sub.n == 0) return reverse ? end : start;
  const char* hay = b.p + start;
  size_t n = (size_t)(end - start);
  const char* hit = reverse ? rmemmem(hay, n, sub.p, (size_t)sub.n) : (const char*)memmem(hay, n, sub.p, (size_t)sub.n);
  return hit ? hit - b.p : -1;
}

Signed vcount(BView b, BView sub, Signed start, Signed end) {
  adjust_indices(start, end, b.n);
  if (end - start < sub.n) return 0;
  if (sub.n == 0) return end - start + 1;
  Signed c = 0;
  const char* p = b.p + start;
  const char* e = b.p + end;
  for (;;) {
    const char* hit = (const char*)memmem(p, (size_t)(e - p), sub.p, (size_t)sub.n);
    if (!hit) return c;
    c++;
    p = hit + sub.n;
  }
}

bool vcontains(BView b, BView sub) {
  if (sub.n == 0) return true;
  return memmem(b.p, (size_t)b.n, sub.p, (size_t)sub.n) != nullptr;
}

// The text is built outside the GC heap: the one allocation comes after
// the last read of the view.
rpy_string* hex_of(BView b) {
  static const char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve((size_t)b.n * 2);
  for (Signed i = 0; i < b.n; i++) {
    unsigned char c = (unsigned char)b.p[i];
    out.push_back(hex[c >> 4]);
    out.push_back(hex[c & 15]);
  }
  return str_from_ascii(out);
}

bool veq(BView a, BView b) { return a.n == b.n && memcmp(a.p, b.p, (size_t)a.n) == 0; }

Signed vcmp(BView a, BView b) {
  int c = memcmp(a.p, b.p, (size_t)std::min(a.n, b.n));
  if (c != 0) return c;
  return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
}

// x + y into a new object of type R (rpy_bytes or rpy_bytearray): both are
// rooted across the allocation, then read again.
template <class R, class X, class Y>
R* vconcat(X* x, Y* y) {
  Signed nx = view(x).n, ny = view(y).n;
  if (nx > INT64_MAX - ny) {
    raise_msg(&rpy_vt_MemoryError, "");
    return nullptr;
  }
  Root<X> rx(x);
  Root<Y> ry(y);
  R* r;
  char* d;
  if constexpr (std::is_same_v<R, rpy_bytes>) {
    r = new_bytes(nx + ny);
    if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
    d = r->data;
  } else {
    r = rpy_bytearray_new(nx + ny);
    if (RPY_UNLIKELY(!r)) return nullptr;
    d = r->buf->data;
  }
  memcpy(d, view(rx.get()).p, (size_t)nx);
  memcpy(d + nx, view(ry.get()).p, (size_t)ny);
  return r;
}


// CPython's repr of the bytes [p, p+n), appended to out.
// bytearray's repr escapes every ' even between double quotes (as CPython).
void append_bytes_repr(std::string& out, const char* p, size_t n, bool escape_single = false) {
  static const char hex[] = "0123456789abcdef";
  char quote = (memchr(p, '\'', n) && !memchr(p, '"', n)) ? '"' : '\'';
  out += "b";
  out.push_back(quote);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c == (unsigned char)quote || c == '\\' || (escape_single && c == '\'')) {
      out.push_back('\\');
      out.push_back((char)c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      out += "\\x";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else {
      out.push_back((char)c);
    }
  }
  out.push_back(quote);
}

bool check_byte(Signed v) {
  if (RPY_UNLIKELY((Unsigned)v > 255)) {
    raise_msg(&rpy_vt_ValueError, "byte must be in range(0, 256)");
    return false;
  }
  return true;
}

rpy_bytearray* alloc_bytearray() {
  return static_cast<rpy_bytearray*>(rpy_gc_malloc(RPY_TID_BYTEARRAY, sizeof(rpy_bytearray)));
}

// Room for `need` bytes in a's buffer, growing it by an eighth more (as
// CPython's bytearray) so that appends are amortized O(1). a may move: the
// caller re-reads it from its own root (the returned pointer is current).
rpy_bytearray* reserve(rpy_bytearray* a, Signed need) {
  if (need <= a->buf->nbytes) return a;
  Signed cap = need + (need >> 3) + (need < 9 ? 3 : 6);
  Root<rpy_bytearray> ra(a);
  rpy_bytes* nb = new_bytes(cap);
  if (RPY_UNLIKELY(!nb)) return nullptr;  // MemoryError pending
  a = ra.get();
  memcpy(nb->data, a->buf->data, (size_t)a->length);
  write_barrier(a);
  a->buf = nb;
  return a;
}

// a[start:stop] (already adjusted, step 1) replaced by the n bytes at p;
// p must not point into the GC heap unless `src` roots what it points into
// (then p is re-derived from src after the allocation).
void replace_range(rpy_bytearray* a, Signed start, Signed stop, rpy_bytes* src, Signed n) {
  if (stop < start) stop = start;
  Signed len = a->length;
  Signed newlen = len - (stop - start) + n;
  Root<rpy_bytes> rs(src);
  if (newlen > a->buf->nbytes) {
    Root<rpy_bytearray> ra(a);
    a = reserve(a, newlen);
    if (!a) return;
  }
  char* d = a->buf->data;
  memmove(d + start + n, d + stop, (size_t)(len - stop));
  memcpy(d + start, rs.get()->data, (size_t)n);
  a->length = newlen;
}

}  // namespace

extern "C" {

rpy_bytes* rpy_str_encode(rpy_string* s, rpy_string* encoding, rpy_string* errors) {
  Codec c = lookup_codec(encoding);
  if (c == Codec::Unknown) {
    raise_msg(&rpy_vt_LookupError, "unknown encoding: " + std::string(encoding->data, (size_t)encoding->nbytes));
    return nullptr;
  }
  return encode(s, c, errors);
}

rpy_string* rpy_bytes_decode(rpy_bytes* b, rpy_string* encoding, rpy_string* errors) {
  Codec c = lookup_codec(encoding);
  if (c == Codec::Unknown) {
    raise_msg(&rpy_vt_LookupError, "unknown encoding: " + std::string(encoding->data, (size_t)encoding->nbytes));
    return nullptr;
  }
  return decode(b, c, errors);
}

rpy_string* rpy_bytearray_decode(rpy_bytearray* a, rpy_string* encoding, rpy_string* errors) {
  Codec c = lookup_codec(encoding);
  if (c == Codec::Unknown) {
    raise_msg(&rpy_vt_LookupError, "unknown encoding: " + std::string(encoding->data, (size_t)encoding->nbytes));
    return nullptr;
  }
  return decode(a, c, errors);
}

rpy_bytes* rpy_bytes_from_data(const char* data, Signed n) { return bytes_of(data, n); }

Signed rpy_bytes_getitem(rpy_bytes* b, Signed i) {
  if (i < 0) i += b->nbytes;
  if (RPY_UNLIKELY((Unsigned)i >= (Unsigned)b->nbytes)) {
    raise_msg(&rpy_vt_IndexError, "index out of range");
    return -1;
  }
  return (unsigned char)b->data[i];
}

rpy_bytes* rpy_bytes_slice(rpy_bytes* b, Signed start, Signed stop) {
  adjust_slice(b->nbytes, start, stop, 1);
  if (start == 0 && stop == b->nbytes) return b;
  Signed n = stop > start ? stop - start : 0;
  Root<rpy_bytes> rb(b);
  rpy_bytes* r = new_bytes(n);
  if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
  memcpy(r->data, rb.get()->data + start, (size_t)n);
  return r;
}

rpy_bytes* rpy_bytes_slice_step(rpy_bytes* b, Signed start, Signed stop, Signed step) {
  if (step == 0) {
    raise_msg(&rpy_vt_ValueError, "slice step cannot be zero");
    return nullptr;
  }
  if (step == 1) return rpy_bytes_slice(b, start, stop);
  if (step < -INT64_MAX) step = -INT64_MAX;
  Signed n = adjust_slice(b->nbytes, start, stop, step);
  Root<rpy_bytes> rb(b);
  rpy_bytes* r = new_bytes(n);
  if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
  const char* d = rb.get()->data;
  for (Signed k = 0, i = start; k < n; k++, i += step) r->data[k] = d[i];
  return r;
}

rpy_bytes* rpy_bytes_concat(rpy_bytes* a, rpy_bytes* b) {
  return as_bytes(rpy_str_concat(as_str(a), as_str(b)));
}

rpy_bytes* rpy_bytes_mul(rpy_bytes* b, Signed n) {
  if (n <= 0 || b->nbytes == 0) return new_bytes(0);
  if (b->nbytes > INT64_MAX / n) {
    raise_msg(&rpy_vt_OverflowError, "repeated bytes are too long");
    return nullptr;
  }
  return as_bytes(rpy_str_mul(as_str(b), n));
}

bool rpy_bytes_eq(rpy_bytes* a, rpy_bytes* b) { return rpy_str_eq(as_str(a), as_str(b)); }
Signed rpy_bytes_cmp(rpy_bytes* a, rpy_bytes* b) { return rpy_str_cmp(as_str(a), as_str(b)); }

bool rpy_bytes_contains(rpy_bytes* b, rpy_bytes* sub) { return rpy_str_contains(as_str(b), as_str(sub)); }

bool rpy_bytes_contains_int(rpy_bytes* b, Signed v) {
  if ((Unsigned)v > 255) {
    raise_msg(&rpy_vt_ValueError, "byte must be in range(0, 256)");
    return false;
  }
  return memchr(b->data, (int)v, (size_t)b->nbytes) != nullptr;
}

Signed rpy_bytes_find(rpy_bytes* b, rpy_bytes* sub, Signed start, Signed end) {
  return bfind(b, sub, start, end, false);
}

Signed rpy_bytes_rfind(rpy_bytes* b, rpy_bytes* sub, Signed start, Signed end) {
  return bfind(b, sub, start, end, true);
}

Signed rpy_bytes_count(rpy_bytes* b, rpy_bytes* sub, Signed start, Signed end) {
  adjust_indices(start, end, b->nbytes);
  if (end - start < sub->nbytes) return 0;
  if (sub->nbytes == 0) return end - start + 1;
  Signed c = 0;
  const char* p = b->data + start;
  const char* e = b->data + end;
  for (;;) {
    const char* hit = (const char*)memmem(p, (size_t)(e - p), sub->data, (size_t)sub->nbytes);
    if (!hit) return c;
    c++;
    p = hit + sub->nbytes;
  }
}

rpy_string* rpy_bytes_repr(rpy_bytes* b) {
  std::string out;
  append_bytes_repr(out, b->data, (size_t)b->nbytes);
  return str_from_ascii(out);
}

rpy_bytes* rpy_bytes_zeros(Signed n) {
  if (n < 0) {
    raise_msg(&rpy_vt_ValueError, "negative count");
    return nullptr;
  }
  return new_bytes(n);
}

rpy_string* rpy_bytes_hex(rpy_bytes* b) { return hex_of(view(b)); }
rpy_string* rpy_bytearray_hex(rpy_bytearray* a) { return hex_of(view(a)); }

rpy_bytes* rpy_bytes_fromhex(rpy_string* s) {
  auto digit = [](unsigned char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  };
  auto space = [](unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  std::string out;
  const unsigned char* p = (const unsigned char*)s->data;
  Signed n = s->nbytes, i = 0;
  auto fail = [&](Signed at) -> rpy_bytes* {
    Signed pos = 0;  // in code points, as CPython reports it
    for (Signed k = 0; k < at; k++) pos += (p[k] & 0xc0) != 0x80;
    raise_msg(&rpy_vt_ValueError, "non-hexadecimal number found in fromhex() arg at position " + std::to_string(pos));
    return nullptr;
  };
  while (i < n) {
    if (space(p[i])) {
      i++;
      continue;
    }
    int hi = digit(p[i]);
    if (hi < 0) return fail(i);
    if (i + 1 >= n) return fail(i + 1);
    int lo = digit(p[i + 1]);
    if (lo < 0) return fail(i + 1);
    out.push_back((char)(hi * 16 + lo));
    i += 2;
  }
  return bytes_of(out.data(), (Signed)out.size());
}

rpy_bytearray* rpy_bytearray_new(Signed n) {
  if (n < 0) {
    raise_msg(&rpy_vt_ValueError, "negative count");
    return nullptr;
  }
  rpy_bytes* b = new_bytes(n);
  if (RPY_UNLIKELY(!b)) return nullptr;
  Root<rpy_bytes> rb(b);
  rpy_bytearray* a = alloc_bytearray();
  if (RPY_UNLIKELY(!a)) return nullptr;
  a->length = n;
  a->buf = rb.get();
  return a;
}

rpy_bytearray* rpy_bytearray_from_bytes(rpy_bytes* b) {
  Root<rpy_bytes> src(b);
  rpy_bytearray* a = rpy_bytearray_new(b->nbytes);
  if (RPY_UNLIKELY(!a)) return nullptr;
  memcpy(a->buf->data, src.get()->data, (size_t)src.get()->nbytes);
  return a;
}

rpy_bytes* rpy_bytearray_tobytes(rpy_bytearray* a) {
  Root<rpy_bytearray> ra(a);
  rpy_bytes* b = new_bytes(a->length);
  if (RPY_UNLIKELY(!b)) return nullptr;
  memcpy(b->data, ra.get()->buf->data, (size_t)ra.get()->length);
  return b;
}

Signed rpy_bytearray_getitem(rpy_bytearray* a, Signed i) {
  if (i < 0) i += a->length;
  if (RPY_UNLIKELY((Unsigned)i >= (Unsigned)a->length)) {
    raise_msg(&rpy_vt_IndexError, "bytearray index out of range");
    return -1;
  }
  return (unsigned char)a->buf->data[i];
}

void rpy_bytearray_setitem(rpy_bytearray* a, Signed i, Signed v) {
  if (i < 0) i += a->length;
  if (RPY_UNLIKELY((Unsigned)i >= (Unsigned)a->length)) {
    raise_msg(&rpy_vt_IndexError, "bytearray index out of range");
    return;
  }
  if (check_byte(v)) a->buf->data[i] = (char)v;
}

void rpy_bytearray_delitem(rpy_bytearray* a, Signed i) {
  if (i < 0) i += a->length;
  if (RPY_UNLIKELY((Unsigned)i >= (Unsigned)a->length)) {
    raise_msg(&rpy_vt_IndexError, "bytearray index out of range");
    return;
  }
  char* d = a->buf->data;
  memmove(d + i, d + i + 1, (size_t)(a->length - i - 1));
  a->length--;
}

void rpy_bytearray_append(rpy_bytearray* a, Signed v) {
  if (!check_byte(v)) return;
  a = reserve(a, a->length + 1);
  if (RPY_UNLIKELY(!a)) return;
  a->buf->data[a->length++] = (char)v;
}

void rpy_bytearray_extend(rpy_bytearray* a, rpy_bytes* b) {
  replace_range(a, a->length, a->length, b, b->nbytes);
}

void rpy_bytearray_insert(rpy_bytearray* a, Signed i, Signed v) {
  if (!check_byte(v)) return;
  Signed n = a->length;
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  } else if (i > n) {
    i = n;
  }
  a = reserve(a, n + 1);
  if (RPY_UNLIKELY(!a)) return;
  char* d = a->buf->data;
  memmove(d + i + 1, d + i, (size_t)(n - i));
  d[i] = (char)v;
  a->length = n + 1;
}

Signed rpy_bytearray_pop(rpy_bytearray* a, Signed i) {
  Signed n = a->length;
  if (n == 0) {
    raise_msg(&rpy_vt_IndexError, "pop from empty bytearray");
    return -1;
  }
  if (i < 0) i += n;
  if ((Unsigned)i >= (Unsigned)n) {
    raise_msg(&rpy_vt_IndexError, "pop index out of range");
    return -1;
  }
  char* d = a->buf->data;
  Signed v = (unsigned char)d[i];
  memmove(d + i, d + i + 1, (size_t)(n - i - 1));
  a->length = n - 1;
  return v;
}

void rpy_bytearray_remove(rpy_bytearray* a, Signed v) {
  if (!check_byte(v)) return;
  const char* d = a->buf->data;
  const char* hit = (const char*)memchr(d, (int)v, (size_t)a->length);
  if (!hit) {
    raise_msg(&rpy_vt_ValueError, "value not found in bytearray");
    return;
  }
  rpy_bytearray_delitem(a, hit - d);
}

void rpy_bytearray_reverse(rpy_bytearray* a) { std::reverse(a->buf->data, a->buf->data + a->length); }

void rpy_bytearray_clear(rpy_bytearray* a) { a->length = 0; }

void rpy_bytearray_imul(rpy_bytearray* a, Signed n) {
  Signed len = a->length;
  if (n <= 0 || len == 0) {
    a->length = 0;
    return;
  }
  if (len > INT64_MAX / n) {
    raise_msg(&rpy_vt_MemoryError, "");
    return;
  }
  a = reserve(a, len * n);
  if (RPY_UNLIKELY(!a)) return;
  char* d = a->buf->data;
  for (Signed k = 1; k < n; k++) memcpy(d + k * len, d, (size_t)len);
  a->length = len * n;
}

void rpy_bytearray_setslice(rpy_bytearray* a, Signed start, Signed stop, Signed step, rpy_bytes* b) {
  if (step == 0) {
    raise_msg(&rpy_vt_ValueError, "slice step cannot be zero");
    return;
  }
  if (step < -INT64_MAX) step = -INT64_MAX;
  Signed n = adjust_slice(a->length, start, stop, step);
  if (step == 1) {
    replace_range(a, start, stop, b, b->nbytes);
    return;
  }
  if (n != b->nbytes) {
    raise_msg(&rpy_vt_ValueError, "attempt to assign bytes of size " + std::to_string(b->nbytes) +
                                      " to extended slice of size " + std::to_string(n));
    return;
  }
  char* d = a->buf->data;
  for (Signed k = 0, i = start; k < n; k++, i += step) d[i] = b->data[k];
}

void rpy_bytearray_delslice(rpy_bytearray* a, Signed start, Signed stop, Signed step) {
  if (step == 0) {
    raise_msg(&rpy_vt_ValueError, "slice step cannot be zero");
    return;
  }
  if (step < -INT64_MAX) step = -INT64_MAX;
  Signed n = adjust_slice(a->length, start, stop, step);
  if (n == 0) return;
  if (step < 0) {  // the same items, visited upwards
    start = start + (n - 1) * step;
    step = -step;
  }
  char* d = a->buf->data;
  Signed w = start;
  for (Signed r = start; r < a->length; r++) {
    bool deleted = r >= start && (r - start) % step == 0 && (r - start) / step < n;
    if (!deleted) d[w++] = d[r];
  }
  a->length = w;
}

// Read-only operations with a bytearray operand, on its buffer in place
// (no bytes copy of it). Suffixes name the operand types in order: a for
// bytearray, b for bytes (rpy_bview_find_ab is bytearray.find(bytes)).
#define RPY_BVIEW_VARIANTS(M) M(a, b, rpy_bytearray, rpy_bytes) M(b, a, rpy_bytes, rpy_bytearray) \
  M(a, a, rpy_bytearray, rpy_bytearray)
#define RPY_BVIEW_DEFINE(x, y, X, Y)                                                                 \
  Signed rpy_bview_find_##x##y(X* b, Y* sub, Signed start, Signed end) {                            \
    return vfind(view(b), view(sub), start, end, false);                                            \
  }                                                                                                 \
  Signed rpy_bview_rfind_##x##y(X* b, Y* sub, Signed start, Signed end) {                           \
    return vfind(view(b), view(sub), start, end, true);                                             \
  }                                                                                                 \
  Signed rpy_bview_count_##x##y(X* b, Y* sub, Signed start, Signed end) {                           \
    return vcount(view(b), view(sub), start, end);                                                  \
  }                                                                                                 \
  bool rpy_bview_contains_##x##y(X* b, Y* sub) { return vcontains(view(b), view(sub)); }           \
  bool rpy_bview_eq_##x##y(X* a, Y* b) { return veq(view(a), view(b)); }                           \
  Signed rpy_bview_cmp_##x##y(X* a, Y* b) { return vcmp(view(a), view(b)); }                        \
  X* rpy_bview_concat_##x##y(X* a, Y* b) { return vconcat<X>(a, b); }
RPY_BVIEW_VARIANTS(RPY_BVIEW_DEFINE)
#undef RPY_BVIEW_DEFINE

bool rpy_bytearray_contains_int(rpy_bytearray* a, Signed v) {
  if (!check_byte(v)) return false;
  return memchr(a->buf->data, (int)v, (size_t)a->length) != nullptr;
}

rpy_bytearray* rpy_bytearray_slice(rpy_bytearray* a, Signed start, Signed stop) {
  adjust_slice(a->length, start, stop, 1);
  Signed n = stop > start ? stop - start : 0;
  Root<rpy_bytearray> ra(a);
  rpy_bytearray* r = rpy_bytearray_new(n);
  if (RPY_UNLIKELY(!r)) return nullptr;
  memcpy(r->buf->data, ra.get()->buf->data + start, (size_t)n);
  return r;
}

rpy_bytearray* rpy_bytearray_slice_step(rpy_bytearray* a, Signed start, Signed stop, Signed step) {
  if (step == 0) {
    raise_msg(&rpy_vt_ValueError, "slice step cannot be zero");
    return nullptr;
  }
  if (step == 1) return rpy_bytearray_slice(a, start, stop);
  if (step < -INT64_MAX) step = -INT64_MAX;
  Signed n = adjust_slice(a->length, start, stop, step);
  Root<rpy_bytearray> ra(a);
  rpy_bytearray* r = rpy_bytearray_new(n);
  if (RPY_UNLIKELY(!r)) return nullptr;
  const char* d = ra.get()->buf->data;
  for (Signed k = 0, i = start; k < n; k++, i += step) r->buf->data[k] = d[i];
  return r;
}

// a.extend(b) / a += b for a bytearray b, which may be a itself.
void rpy_bytearray_extend_a(rpy_bytearray* a, rpy_bytearray* b) {
  Signed len = a->length, n = b->length;
  Root<rpy_bytearray> rb(b);
  a = reserve(a, len + n);
  if (RPY_UNLIKELY(!a)) return;
  // b's buffer is read after the reserve (a == b: the new buffer, whose
  // first len bytes are already the old content)
  memmove(a->buf->data + len, rb.get()->buf->data, (size_t)n);
  a->length = len + n;
}

rpy_bytearray* rpy_bytearray_mul(rpy_bytearray* a, Signed n) {
  Signed len = a->length;
  if (n <= 0 || len == 0) return rpy_bytearray_new(0);
  if (len > INT64_MAX / n) {
    raise_msg(&rpy_vt_MemoryError, "");
    return nullptr;
  }
  Root<rpy_bytearray> ra(a);
  rpy_bytearray* r = rpy_bytearray_new(len * n);
  if (RPY_UNLIKELY(!r)) return nullptr;
  char* d = r->buf->data;
  memcpy(d, ra.get()->buf->data, (size_t)len);
  for (Signed done = len; done < len * n;) {  // doubling copies
    Signed k = std::min(done, len * n - done);
    memcpy(d + done, d, (size_t)k);
    done += k;
  }
  return r;
}

rpy_string* rpy_bytearray_repr(rpy_bytearray* a) {
  std::string out = "bytearray(";
  append_bytes_repr(out, a->buf->data, (size_t)a->length, true);
  out += ")";
  return str_from_ascii(out);
}

}  // extern "C"
