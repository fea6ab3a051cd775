// str methods with CPython 3.11 semantics over the UTF-8 representation.
//
// Most work happens on bytes: UTF-8 is self-synchronising, so a byte search
// for a valid needle only matches at code point boundaries, and byte order is
// code point order. Code point indexes are converted to byte offsets only at
// the edges (an O(1) identity for ASCII strings, length == nbytes).
//
// GC: anything that allocates can move objects under a moving collector, so
// inputs still needed after an allocation are held in a Root and re-read.
#include <algorithm>
#include <climits>
#include <cstring>
#include <string>

#include "runtime/rpy.h"
#include "runtime/strutil.h"
#include "runtime/unicode_db.h"

using namespace rpy_rt;

namespace {

// One-character strings for ASCII and "" as static data (rpy_ascii_chars,
// declared in runtime/rpy.h for the inline s[i]): s[i] on ASCII text then
// allocates nothing. Mutable because rpy_str_hash caches into them.
static_assert(offsetof(rpy_char_string, data) == offsetof(rpy_string, data));

}  // namespace

constexpr rpy_char_table make_char_table() {
  rpy_char_table t{};
  for (int i = 0; i < 128; i++) t.c[i] = rpy_char_string{{RPY_TID_STRING, RPY_GCFLAG_PREBUILT}, 0, 1, 1, {(char)i}};
  t.c[128] = rpy_char_string{{RPY_TID_STRING, RPY_GCFLAG_PREBUILT}, 0, 0, 0, {0}};  // ""
  return t;
}

// Constant-initialized: ready before any static constructor runs.
constinit rpy_char_table rpy_ascii_chars = make_char_table();

namespace {

inline rpy_string* ascii_char(unsigned c) { return reinterpret_cast<rpy_string*>(&rpy_ascii_chars.c[c]); }

// ---- code point index -> byte offset -------------------------------------
// Entries keep the last position looked up in a few recently indexed
// non-ASCII strings. Under Boehm the ref keeps the string alive, so the
// address cannot be reused for another string; a moving GC clears the cache.
struct IndexCacheEntry {
  rpy_string* s;
  Signed cp, byte;
};
IndexCacheEntry g_index_cache[4];

inline IndexCacheEntry& cache_slot(rpy_string* s) {
  return g_index_cache[((uintptr_t)s >> 5) & 3];
}

// Advances from byte offset b over k code points (b at a boundary).
Signed skip_forward(const char* data, Signed nbytes, Signed b, Signed k) {
  // Eight bytes at a time while whole words are known to hold at most k
  // code point starts.
  while (k >= 8 && b + 8 <= nbytes) {
    uint64_t w;
    memcpy(&w, data + b, 8);
    uint64_t cont = (w & ~(w << 1)) & 0x8080808080808080ull;
    Signed starts = 8 - __builtin_popcountll(cont);
    b += 8;
    k -= starts;
  }
  // b may now sit inside a character: continuation bytes are skipped
  // without counting.
  for (;;) {
    if (b >= nbytes) return nbytes;
    if (!is_cont((unsigned char)data[b])) {
      if (k == 0) return b;
      k--;
    }
    b++;
  }
}

Signed skip_backward(const char* data, Signed b, Signed k) {
  while (k > 0) {
    b--;
    if (!is_cont((unsigned char)data[b])) k--;
  }
  return b;
}

// Byte offset of code point i, 0 <= i <= length.
Signed byte_offset(rpy_string* s, Signed i) {
  if (is_ascii_str(s)) return i;
  if (i == s->length) return s->nbytes;
  if (i == 0) return 0;
  IndexCacheEntry& e = cache_slot(s);
  Signed from_cp = 0, from_b = 0;
  Signed dist = i;
  if (s->length - i < dist) {
    dist = s->length - i;
    from_cp = s->length;
    from_b = s->nbytes;
  }
  if (e.s == s) {
    Signed d = e.cp > i ? e.cp - i : i - e.cp;
    if (d < dist) {
      from_cp = e.cp;
      from_b = e.byte;
    }
  }
  Signed b = from_cp <= i ? skip_forward(s->data, s->nbytes, from_b, i - from_cp)
                          : skip_backward(s->data, from_b, from_cp - i);
  e.s = s;
  e.cp = i;
  e.byte = b;
  return b;
}

// Code point index of byte offset b (at a boundary).
inline Signed cp_index(rpy_string* s, Signed b) { return is_ascii_str(s) ? b : count_cps(s->data, b); }

__attribute__((cold, noinline)) void raise_msg(const rpy_vtable* vt, const char* msg) {
  rpy_raise_cstr(vt, msg);
}

// The [start, end) window of find & co. in bytes, or false when empty
// enough that nothing can match (sub longer than the window).
struct Window {
  Signed start, end;  // code points, adjusted
  Signed bstart, bend;
};

Window window(rpy_string* s, Signed start, Signed end) {
  adjust_indices(start, end, s->length);
  Window w{start, end, 0, 0};
  if (start <= end) {
    w.bstart = byte_offset(s, start);
    w.bend = byte_offset(s, end);
  }
  return w;
}

Signed find_impl(rpy_string* s, rpy_string* sub, Signed start, Signed end, bool reverse) {
  Window w = window(s, start, end);
  if (w.end - w.start < sub->length) return -1;
  if (sub->nbytes == 0) return reverse ? w.end : w.start;
  const char* hay = s->data + w.bstart;
  size_t n = (size_t)(w.bend - w.bstart);
  const char* hit;
  if (!reverse) {
    hit = sub->nbytes == 1 ? (const char*)memchr(hay, sub->data[0], n)
                           : (const char*)memmem(hay, n, sub->data, (size_t)sub->nbytes);
  } else {
    hit = sub->nbytes == 1 ? (const char*)memrchr(hay, sub->data[0], n)
                           : rmemmem(hay, n, sub->data, (size_t)sub->nbytes);
  }
  if (!hit) return -1;
  Signed boff = hit - s->data;
  if (is_ascii_str(s)) return boff;
  return w.start + count_cps(hay, hit - hay);
}

Signed count_bytes(const char* hay, size_t n, const char* needle, size_t m, Signed limit) {
  Signed c = 0;
  const char* end = hay + n;
  while (c < limit) {
    const char* hit = m == 1 ? (const char*)memchr(hay, needle[0], (size_t)(end - hay))
                             : (const char*)memmem(hay, (size_t)(end - hay), needle, m);
    if (!hit) break;
    c++;
    hay = hit + m;
  }
  return c;
}

// ---- whitespace and character sets ------------------------------------------
inline bool ascii_space(unsigned c) { return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f); }

// The set of chars for strip(chars): a bitmap for ASCII, a list otherwise.
struct CharSet {
  uint64_t ascii[2] = {0, 0};
  std::basic_string<uint32_t> other;
  bool whitespace = false;
  explicit CharSet(rpy_string* chars) {
    if (!chars) {
      whitespace = true;
      return;
    }
    auto* p = (const unsigned char*)chars->data;
    auto* e = p + chars->nbytes;
    while (p < e) {
      uint32_t cp = decode_cp(p);
      if (cp < 128)
        ascii[cp >> 6] |= 1ull << (cp & 63);
      else
        other.push_back(cp);
    }
  }
  bool has(uint32_t cp) const {
    if (whitespace) return cp < 128 ? ascii_space(cp) : rpy_unicode::is_space(cp);
    if (cp < 128) return (ascii[cp >> 6] >> (cp & 63)) & 1;
    return other.find(cp) != std::basic_string<uint32_t>::npos;
  }
};

rpy_string* substr(rpy_string* s, Signed b0, Signed b1) {
  if (b0 == 0 && b1 == s->nbytes) return s;
  if (b1 - b0 == 1) return ascii_char((unsigned char)s->data[b0]);
  if (b0 == b1) return empty_str();
  Signed len = is_ascii_str(s) ? b1 - b0 : count_cps(s->data + b0, b1 - b0);
  Root<rpy_string> rs(s);
  rpy_string* r = new_string(b1 - b0, len);
  if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
  memcpy(r->data, rs.get()->data + b0, (size_t)(b1 - b0));
  return r;
}

rpy_string* strip_impl(rpy_string* s, rpy_string* chars, bool left, bool right) {
  CharSet set(chars);
  auto* base = (const unsigned char*)s->data;
  const unsigned char* p = base;
  const unsigned char* e = base + s->nbytes;
  if (left) {
    while (p < e) {
      const unsigned char* q = p;
      if (!set.has(decode_cp(q))) break;
      p = q;
    }
  }
  if (right) {
    while (e > p) {
      const unsigned char* q = e;
      if (!set.has(decode_cp_back(q))) break;
      e = q;
    }
  }
  return substr(s, p - base, e - base);
}

// ---- lists of str ---------------------------------------------------------------
// Appends into a resizable rpy_strlist, growing its items like RPython's
// lists do. The list is rooted by the caller through `list`.
void list_append(Root<rpy_strlist>& list, rpy_string* item) {
  rpy_strlist* l = list.get();
  if (l->length == l->items->length) {
    Root<rpy_string> ritem(item);
    Signed cap = l->length < 4 ? 4 : l->length + (l->length >> 1);
    auto* arr = static_cast<rpy_strarray*>(
        rpy_gc_malloc_varsize(RPY_TID_STRARRAY, offsetof(rpy_strarray, items), sizeof(rpy_string*),
                              cap, offsetof(rpy_strarray, length), false));
    l = list.get();
    memcpy(arr->items, l->items->items, sizeof(rpy_string*) * (size_t)l->length);
    write_barrier(l);
    l->items = arr;
    item = ritem.get();
  }
  write_barrier(l->items);
  l->items->items[l->length++] = item;
}

rpy_strlist* new_list(Signed capacity) {
  rpy_strlist* l = rpy_strlist_new(capacity);
  l->length = 0;
  return l;
}

void list_reverse(rpy_strlist* l) {
  std::reverse(l->items->items, l->items->items + l->length);
}

// Appends s[b0:b1] to the list.
void append_piece(Root<rpy_strlist>& list, Root<rpy_string>& s, Signed b0, Signed b1) {
  rpy_string* piece = substr(s.get(), b0, b1);
  list_append(list, piece);
}

rpy_strlist* split_whitespace(rpy_string* s0, Signed maxsplit, bool reverse) {
  Root<rpy_string> s(s0);
  Root<rpy_strlist> list(new_list(maxsplit >= 0 && maxsplit < 12 ? maxsplit + 1 : 12));
  Signed n = s.get()->nbytes;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  if (!reverse) {
    Signed i = 0;
    for (;;) {
      // Skip leading whitespace; ASCII bytes are checked without decoding.
      auto* d = (const unsigned char*)s.get()->data;
      while (i < n) {
        if (d[i] < 128) {
          if (!ascii_space(d[i])) break;
          i++;
        } else {
          const unsigned char* q = d + i;
          if (!rpy_unicode::is_space(decode_cp(q))) break;
          i = q - d;
        }
      }
      if (i >= n) break;
      if (maxsplit-- == 0) {
        // The remainder, with trailing whitespace kept, as CPython does.
        append_piece(list, s, i, n);
        break;
      }
      Signed j = i;
      while (j < n) {
        if (d[j] < 128) {
          if (ascii_space(d[j])) break;
          j++;
        } else {
          const unsigned char* q = d + j;
          if (rpy_unicode::is_space(decode_cp(q))) break;
          j = q - d;
        }
      }
      append_piece(list, s, i, j);
      i = j;
    }
  } else {
    Signed i = n;
    for (;;) {
      auto* d = (const unsigned char*)s.get()->data;
      while (i > 0) {
        const unsigned char* q = d + i;
        if (!rpy_unicode::is_space(decode_cp_back(q))) break;
        i = q - d;
      }
      if (i <= 0) break;
      if (maxsplit-- == 0) {
        append_piece(list, s, 0, i);
        break;
      }
      Signed j = i;
      while (j > 0) {
        const unsigned char* q = d + j;
        if (rpy_unicode::is_space(decode_cp_back(q))) break;
        j = q - d;
      }
      append_piece(list, s, j, i);
      i = j;
    }
    list_reverse(list.get());
  }
  return list.get();
}

rpy_strlist* split_sep(rpy_string* s0, rpy_string* sep0, Signed maxsplit, bool reverse) {
  if (sep0->nbytes == 0) {
    raise_msg(&rpy_vt_ValueError, "empty separator");
    return nullptr;
  }
  Root<rpy_string> s(s0);
  Root<rpy_string> sep(sep0);
  Signed m = sep0->nbytes;
  // The pieces are counted first, so that the list is allocated once at its
  // final size: a big split no longer regrows (and page-faults in) its
  // items array. The count is one pass of memchr/memmem, or of a byte loop
  // the compiler vectorizes for a one-byte separator.
  Signed seps;
  if (m == 1 && maxsplit < 0) {
    seps = 0;
    const char* d = s0->data;
    char c = sep0->data[0];
    for (Signed i = 0, n = s0->nbytes; i < n; i++) seps += d[i] == c;
  } else {
    seps = count_bytes(s0->data, (size_t)s0->nbytes, sep0->data, (size_t)m, maxsplit < 0 ? INT64_MAX : maxsplit);
  }
  Root<rpy_strlist> list(new_list(seps + 1));
  if (maxsplit < 0) maxsplit = INT64_MAX;
  if (!reverse) {
    Signed i = 0;
    while (maxsplit-- > 0) {
      rpy_string* cur = s.get();
      const char* hit = m == 1 ? (const char*)memchr(cur->data + i, sep.get()->data[0], (size_t)(cur->nbytes - i))
                               : (const char*)memmem(cur->data + i, (size_t)(cur->nbytes - i),
                                                     sep.get()->data, (size_t)m);
      if (!hit) break;
      Signed j = hit - cur->data;
      append_piece(list, s, i, j);
      i = j + m;
    }
    append_piece(list, s, i, s.get()->nbytes);
  } else {
    Signed i = s.get()->nbytes;
    while (maxsplit-- > 0) {
      rpy_string* cur = s.get();
      const char* hit = m == 1 ? (const char*)memrchr(cur->data, sep.get()->data[0], (size_t)i)
                               : rmemmem(cur->data, (size_t)i, sep.get()->data, (size_t)m);
      if (!hit) break;
      Signed j = hit - cur->data;
      append_piece(list, s, j + m, i);
      i = j;
    }
    append_piece(list, s, 0, i);
    list_reverse(list.get());
  }
  return list.get();
}

// str.isdigit() & co.: false for "", else every code point satisfies pred.
template <class AsciiPred, class Pred>
bool all_chars(rpy_string* s, AsciiPred ascii, Pred pred) {
  if (s->nbytes == 0) return false;
  auto* p = (const unsigned char*)s->data;
  auto* e = p + s->nbytes;
  while (p < e) {
    if (*p < 128) {
      if (!ascii(*p)) return false;
      p++;
    } else if (!pred(decode_cp(p))) {
      return false;
    }
  }
  return true;
}

inline bool a_digit(unsigned c) { return c - '0' < 10; }
inline bool a_alpha(unsigned c) { return (c | 0x20) - 'a' < 26; }

// islower/isupper: no cased character of the other kind (titlecase counts
// as "other" for both) and at least one of the right kind.
bool case_check(rpy_string* s, bool want_lower) {
  bool cased = false;
  auto* p = (const unsigned char*)s->data;
  auto* e = p + s->nbytes;
  while (p < e) {
    uint32_t c = decode_cp(p);
    bool lo = c < 128 ? c - 'a' < 26 : rpy_unicode::is_lower(c);
    bool up = c < 128 ? c - 'A' < 26 : rpy_unicode::is_upper(c);
    bool ti = c >= 128 && rpy_unicode::is_title(c);
    if (want_lower) {
      if (up || ti) return false;
      if (lo) cased = true;
    } else {
      if (lo || ti) return false;
      if (up) cased = true;
    }
  }
  return cased;
}

// CPython's handle_capital_sigma: U+03A3 lowers to final sigma after a cased
// letter (skipping case-ignorables) and not before one.
uint32_t lower_sigma(const unsigned char* base, const unsigned char* at, const unsigned char* end) {
  const unsigned char* p = at;
  uint32_t c = 0;
  bool found = false;
  while (p > base) {
    c = decode_cp_back(p);
    if (!rpy_unicode::is_case_ignorable(c)) {
      found = true;
      break;
    }
  }
  bool final_sigma = found && rpy_unicode::is_cased(c);
  if (final_sigma) {
    const unsigned char* q = at;
    decode_cp(q);  // the sigma
    while (q < end) {
      c = decode_cp(q);
      if (!rpy_unicode::is_case_ignorable(c)) {
        final_sigma = !rpy_unicode::is_cased(c);
        break;
      }
    }
  }
  return final_sigma ? 0x3c2 : 0x3c3;
}

// The case mappings of str: CPython's do_lower, do_upper, do_capitalize,
// do_title, do_swapcase and do_casefold.
enum class CaseOp { Lower, Upper, Capitalize, Title, Swapcase, Casefold };

inline bool a_lower(unsigned c) { return c - 'a' < 26; }
inline bool a_upper(unsigned c) { return c - 'A' < 26; }

// Whether an ASCII letter becomes uppercase under op (else lowercase).
inline bool ascii_to_upper(CaseOp op, unsigned c, bool first, bool prev_cased) {
  switch (op) {
    case CaseOp::Upper: return true;
    case CaseOp::Capitalize: return first;
    case CaseOp::Title: return !prev_cased;
    case CaseOp::Swapcase: return a_lower(c);
    default: return false;
  }
}

// ASCII text maps to ASCII text of the same length.
rpy_string* ascii_case_map(rpy_string* s, CaseOp op) {
  Signed n = s->nbytes;
  if (op == CaseOp::Lower || op == CaseOp::Upper || op == CaseOp::Casefold) {
    unsigned first = op == CaseOp::Upper ? 'a' : 'A';  // of the 26 letters that change
    const unsigned char* in = (const unsigned char*)s->data;
    Signed k = 0;
    while (k < n && in[k] - first >= 26u) k++;
    if (k == n) return s;  // shared when nothing changes (keywords and the like)
    Root<rpy_string> rs(s);
    rpy_string* r = new_string(n, n);
    if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
    in = (const unsigned char*)rs.get()->data;
    unsigned char* out = (unsigned char*)r->data;
    // Branch-free, so the compiler vectorizes it: a megabyte of text is
    // upper-cased at memory speed.
    for (Signed i = 0; i < n; i++) out[i] = (unsigned char)(in[i] ^ ((in[i] - first < 26u) << 5));
    return r;
  }
  Root<rpy_string> rs(s);
  rpy_string* r = new_string(n, n);
  if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
  s = rs.get();
  bool prev_cased = false;
  for (Signed i = 0; i < n; i++) {
    unsigned c = (unsigned char)s->data[i];
    bool to_upper = ascii_to_upper(op, c, i == 0, prev_cased);
    prev_cased = a_lower(c) || a_upper(c);
    if (to_upper ? a_lower(c) : a_upper(c)) c ^= 0x20;
    r->data[i] = (char)c;
  }
  return r;
}

// lower() of the code point c found at `at`, with the final-sigma rule.
int lower_at(const unsigned char* base, const unsigned char* at, const unsigned char* end, uint32_t c,
             uint32_t m[3]) {
  if (c == 0x3a3) {
    m[0] = lower_sigma(base, at, end);
    return 1;
  }
  return rpy_unicode::to_lower_full(c, m);
}

rpy_string* case_map(rpy_string* s, CaseOp op) {
  if (is_ascii_str(s)) return ascii_case_map(s, op);
  std::string out;
  out.reserve((size_t)s->nbytes + 8);
  auto* base = (const unsigned char*)s->data;
  auto* p = base;
  auto* e = base + s->nbytes;
  uint32_t m[3];
  bool prev_cased = false;
  while (p < e) {
    const unsigned char* at = p;
    uint32_t c = decode_cp(p);
    if (c < 128) {  // no table lookups, but the same rules (ASCII has no sigma)
      bool to_upper = ascii_to_upper(op, c, at == base, prev_cased);
      prev_cased = a_lower(c) || a_upper(c);
      if (to_upper ? a_lower(c) : a_upper(c)) c ^= 0x20;
      out.push_back((char)c);
      continue;
    }
    int k = 0;
    switch (op) {
      case CaseOp::Lower: k = lower_at(base, at, e, c, m); break;
      case CaseOp::Upper: k = rpy_unicode::to_upper_full(c, m); break;
      case CaseOp::Casefold: k = rpy_unicode::to_fold_full(c, m); break;
      case CaseOp::Capitalize:
        k = at == base ? rpy_unicode::to_title_full(c, m) : lower_at(base, at, e, c, m);
        break;
      case CaseOp::Title:
        k = prev_cased ? lower_at(base, at, e, c, m) : rpy_unicode::to_title_full(c, m);
        prev_cased = rpy_unicode::is_cased(c);
        break;
      case CaseOp::Swapcase:
        if (rpy_unicode::is_upper(c)) {
          k = lower_at(base, at, e, c, m);
        } else if (rpy_unicode::is_lower(c)) {
          k = rpy_unicode::to_upper_full(c, m);
        } else {
          m[0] = c;
          k = 1;
        }
        break;
    }
    for (int i = 0; i < k; i++) append_cp(out, m[i]);
  }
  return str_from(out);
}

rpy_string* pad(rpy_string* s, Signed left, Signed right, rpy_string* fill) {
  uint32_t fc = ' ';
  if (fill) {
    if (fill->length != 1) {
      raise_msg(&rpy_vt_TypeError, "The fill character must be exactly one character long");
      return nullptr;
    }
    auto* q = (const unsigned char*)fill->data;
    fc = decode_cp(q);
  }
  if (left <= 0 && right <= 0) return s;
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  char enc[4];
  int fl = (int)(encode_cp(enc, fc) - enc);
  Root<rpy_string> rs(s);
  rpy_string* r = new_string(s->nbytes + (left + right) * fl, s->length + left + right);
  if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
  s = rs.get();
  char* o = r->data;
  if (fl == 1) {
    memset(o, enc[0], (size_t)left);
    o += left;
  } else {
    for (Signed i = 0; i < left; i++, o += fl) memcpy(o, enc, (size_t)fl);
  }
  memcpy(o, s->data, (size_t)s->nbytes);
  o += s->nbytes;
  if (fl == 1) {
    memset(o, enc[0], (size_t)right);
  } else {
    for (Signed i = 0; i < right; i++, o += fl) memcpy(o, enc, (size_t)fl);
  }
  return r;
}

// Line boundaries of str.splitlines(): returns the length in bytes of the
// break at p (0 if none).
inline int line_break_at(const unsigned char* p, const unsigned char* e) {
  unsigned c = *p;
  if (c < 128) {
    if (c == '\n' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e)) return 1;
    if (c == '\r') return (p + 1 < e && p[1] == '\n') ? 2 : 1;
    return 0;
  }
  if (c == 0xc2 && p[1] == 0x85) return 2;                              // U+0085
  if (c == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) return 3;  // U+2028/9
  return 0;
}

}  // namespace

namespace rpy_rt {

rpy_string* empty_str() { return reinterpret_cast<rpy_string*>(&rpy_ascii_chars.c[128]); }

const char* rmemmem(const char* hay, size_t n, const char* needle, size_t m) {
  if (m > n) return nullptr;
  if (m == 0) return hay + n;
  // Scan candidate positions for the last byte of the needle from the right.
  const char last = needle[m - 1];
  size_t end = n;  // candidates end at positions < end
  while (end >= m) {
    const char* p = (const char*)memrchr(hay + m - 1, last, end - (m - 1));
    if (!p) return nullptr;
    const char* start = p - (m - 1);
    if (memcmp(start, needle, m - 1) == 0) return start;
    end = (size_t)(p - hay);
  }
  return nullptr;
}

void append_escape(std::string& out, uint32_t cp) {
  static const char hex[] = "0123456789abcdef";
  int nd;
  out.push_back('\\');
  if (cp < 0x100) {
    out.push_back('x');
    nd = 2;
  } else if (cp < 0x10000) {
    out.push_back('u');
    nd = 4;
  } else {
    out.push_back('U');
    nd = 8;
  }
  for (int i = nd - 1; i >= 0; i--) out.push_back(hex[(cp >> (4 * i)) & 0xf]);
}

}  // namespace rpy_rt

extern "C" {

void rpy_str_index_cache_clear(void) {
  for (auto& e : g_index_cache) e = IndexCacheEntry{nullptr, 0, 0};
}

rpy_strlist* rpy_strlist_new(Signed length) {
  Root<rpy_strlist> l(static_cast<rpy_strlist*>(rpy_gc_malloc(RPY_TID_STRLIST, sizeof(rpy_strlist))));
  auto* arr = static_cast<rpy_strarray*>(
      rpy_gc_malloc_varsize(RPY_TID_STRARRAY, offsetof(rpy_strarray, items), sizeof(rpy_string*),
                            length, offsetof(rpy_strarray, length), false));
  rpy_strlist* r = l.get();
  if (!arr) return nullptr;
  write_barrier(r);
  r->items = arr;
  r->length = length;
  return r;
}

rpy_string* rpy_str_getitem_nonneg(rpy_string* s, Signed i) {
  if (RPY_LIKELY(is_ascii_str(s))) return ascii_char((unsigned char)s->data[i]);
  Signed b = byte_offset(s, i);
  auto* p = (const unsigned char*)s->data + b;
  unsigned c = *p;
  if (c < 128) return ascii_char(c);
  Signed n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
  Root<rpy_string> rs(s);
  rpy_string* r = new_string(n, 1);
  if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
  memcpy(r->data, rs.get()->data + b, (size_t)n);
  return r;
}

rpy_string* rpy_str_getitem(rpy_string* s, Signed i) {
  if (i < 0) i += s->length;
  if (RPY_UNLIKELY((Unsigned)i >= (Unsigned)s->length)) {
    raise_msg(&rpy_vt_IndexError, "string index out of range");
    return nullptr;
  }
  return rpy_str_getitem_nonneg(s, i);
}

Signed rpy_str_ord_at(rpy_string* s, Signed i) {
  if (RPY_LIKELY(is_ascii_str(s))) return (unsigned char)s->data[i];
  auto* p = (const unsigned char*)s->data + byte_offset(s, i);
  return decode_cp(p);
}

rpy_string* rpy_str_slice(rpy_string* s, Signed start, Signed stop) {
  Signed len = s->length;
  adjust_slice(len, start, stop, 1);
  if (stop <= start) return empty_str();
  if (start == 0 && stop == len) return s;
  Signed b0 = byte_offset(s, start);
  Signed b1 = byte_offset(s, stop);
  Root<rpy_string> rs(s);
  rpy_string* r = new_string(b1 - b0, stop - start);
  if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
  memcpy(r->data, rs.get()->data + b0, (size_t)(b1 - b0));
  return r;
}

rpy_string* rpy_str_slice_step(rpy_string* s, Signed start, Signed stop, Signed step) {
  if (step == 0) {
    raise_msg(&rpy_vt_ValueError, "slice step cannot be zero");
    return nullptr;
  }
  if (step == 1) return rpy_str_slice(s, start, stop);
  // Clamp the step so that -step cannot overflow; the result is the same.
  if (step < -INT64_MAX) step = -INT64_MAX;
  Signed n = adjust_slice(s->length, start, stop, step);
  if (n == 0) return empty_str();
  if (is_ascii_str(s)) {
    Root<rpy_string> rs(s);
    rpy_string* r = new_string(n, n);
    if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
    const char* d = rs.get()->data;
    for (Signed k = 0, i = start; k < n; k++, i += step) r->data[k] = d[i];
    return r;
  }
  std::string out;
  Signed b = byte_offset(s, start);
  auto* base = (const unsigned char*)s->data;
  for (Signed k = 0; k < n; k++) {
    const unsigned char* p = base + b;
    const unsigned char* q = p;
    decode_cp(q);
    out.append((const char*)p, (size_t)(q - p));
    if (k + 1 < n) {
      b = step > 0 ? skip_forward(s->data, s->nbytes, b, step) : skip_backward(s->data, b, -step);
    }
  }
  return str_from(out.data(), (Signed)out.size(), n);
}

bool rpy_str_contains(rpy_string* s, rpy_string* sub) {
  if (sub->nbytes == 0) return true;
  if (sub->nbytes == 1) return memchr(s->data, sub->data[0], (size_t)s->nbytes) != nullptr;
  return memmem(s->data, (size_t)s->nbytes, sub->data, (size_t)sub->nbytes) != nullptr;
}

rpy_string* rpy_str_mul(rpy_string* s, Signed n) {
  if (n <= 0 || s->nbytes == 0) return empty_str();
  if (n == 1) return s;
  if (s->nbytes > INT64_MAX / n) {
    raise_msg(&rpy_vt_OverflowError, "repeated string is too long");
    return nullptr;
  }
  Signed total = s->nbytes * n;
  Root<rpy_string> rs(s);
  rpy_string* r = new_string(total, s->length * n);
  if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
  s = rs.get();
  if (s->nbytes == 1) {
    memset(r->data, s->data[0], (size_t)total);
  } else {
    // Doubling copies: log2(n) memcpy calls.
    memcpy(r->data, s->data, (size_t)s->nbytes);
    Signed done = s->nbytes;
    while (done < total) {
      Signed k = std::min(done, total - done);
      memcpy(r->data + done, r->data, (size_t)k);
      done += k;
    }
  }
  return r;
}

Signed rpy_str_cmp(rpy_string* a, rpy_string* b) {
  Signed n = std::min(a->nbytes, b->nbytes);
  int c = memcmp(a->data, b->data, (size_t)n);
  if (c != 0) return c;
  return a->nbytes < b->nbytes ? -1 : a->nbytes > b->nbytes ? 1 : 0;
}

Signed rpy_str_find(rpy_string* s, rpy_string* sub, Signed start, Signed end) {
  return find_impl(s, sub, start, end, false);
}

Signed rpy_str_rfind(rpy_string* s, rpy_string* sub, Signed start, Signed end) {
  return find_impl(s, sub, start, end, true);
}

Signed rpy_str_index(rpy_string* s, rpy_string* sub, Signed start, Signed end) {
  Signed r = find_impl(s, sub, start, end, false);
  if (r < 0) raise_msg(&rpy_vt_ValueError, "substring not found");
  return r;
}

Signed rpy_str_rindex(rpy_string* s, rpy_string* sub, Signed start, Signed end) {
  Signed r = find_impl(s, sub, start, end, true);
  if (r < 0) raise_msg(&rpy_vt_ValueError, "substring not found");
  return r;
}

Signed rpy_str_count(rpy_string* s, rpy_string* sub, Signed start, Signed end) {
  Window w = window(s, start, end);
  if (w.end - w.start < sub->length) return 0;
  if (sub->nbytes == 0) return w.end - w.start + 1;
  return count_bytes(s->data + w.bstart, (size_t)(w.bend - w.bstart), sub->data, (size_t)sub->nbytes,
                     INT64_MAX);
}

bool rpy_str_startswith(rpy_string* s, rpy_string* prefix, Signed start, Signed end) {
  adjust_indices(start, end, s->length);
  if (end - prefix->length < start) return false;
  if (prefix->nbytes == 0) return true;
  Signed b = byte_offset(s, start);
  return b + prefix->nbytes <= s->nbytes && memcmp(s->data + b, prefix->data, (size_t)prefix->nbytes) == 0;
}

bool rpy_str_endswith(rpy_string* s, rpy_string* suffix, Signed start, Signed end) {
  adjust_indices(start, end, s->length);
  if (end - suffix->length < start) return false;
  if (suffix->nbytes == 0) return true;
  Signed b = byte_offset(s, end);
  return b - suffix->nbytes >= 0 && memcmp(s->data + b - suffix->nbytes, suffix->data, (size_t)suffix->nbytes) == 0;
}

rpy_string* rpy_str_strip(rpy_string* s, rpy_string* chars) { return strip_impl(s, chars, true, true); }
rpy_string* rpy_str_lstrip(rpy_string* s, rpy_string* chars) { return strip_impl(s, chars, true, false); }
rpy_string* rpy_str_rstrip(rpy_string* s, rpy_string* chars) { return strip_impl(s, chars, false, true); }

rpy_string* rpy_str_lower(rpy_string* s) { return case_map(s, CaseOp::Lower); }
rpy_string* rpy_str_upper(rpy_string* s) { return case_map(s, CaseOp::Upper); }
rpy_string* rpy_str_capitalize(rpy_string* s) { return case_map(s, CaseOp::Capitalize); }
rpy_string* rpy_str_title(rpy_string* s) { return case_map(s, CaseOp::Title); }
rpy_string* rpy_str_swapcase(rpy_string* s) { return case_map(s, CaseOp::Swapcase); }
rpy_string* rpy_str_casefold(rpy_string* s) { return case_map(s, CaseOp::Casefold); }

bool rpy_str_isdigit(rpy_string* s) { return all_chars(s, a_digit, rpy_unicode::is_digit); }
bool rpy_str_isdecimal(rpy_string* s) {
  return all_chars(s, a_digit, [](uint32_t c) { return rpy_unicode::decimal_value(c) >= 0; });
}
bool rpy_str_isnumeric(rpy_string* s) { return all_chars(s, a_digit, rpy_unicode::is_numeric); }
bool rpy_str_isalpha(rpy_string* s) { return all_chars(s, a_alpha, rpy_unicode::is_alpha); }
bool rpy_str_isalnum(rpy_string* s) {
  return all_chars(s, [](unsigned c) { return a_alpha(c) || a_digit(c); }, rpy_unicode::is_alnum);
}
bool rpy_str_isspace(rpy_string* s) {
  return all_chars(s, [](unsigned c) { return ascii_space(c); }, rpy_unicode::is_space);
}
bool rpy_str_islower(rpy_string* s) { return case_check(s, true); }
bool rpy_str_isupper(rpy_string* s) { return case_check(s, false); }
bool rpy_str_isascii(rpy_string* s) { return is_ascii_str(s); }

bool rpy_str_istitle(rpy_string* s) {
  // CPython's unicode_istitle_impl: an uppercase or titlecase letter only
  // after an uncased one, a lowercase one only after a cased one.
  bool cased = false, prev_cased = false;
  auto* p = (const unsigned char*)s->data;
  auto* e = p + s->nbytes;
  while (p < e) {
    uint32_t c = decode_cp(p);
    bool up = c < 128 ? a_upper(c) : rpy_unicode::is_upper(c) || rpy_unicode::is_title(c);
    bool lo = c < 128 ? a_lower(c) : rpy_unicode::is_lower(c);
    if (up) {
      if (prev_cased) return false;
      prev_cased = cased = true;
    } else if (lo) {
      if (!prev_cased) return false;
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return cased;
}

bool rpy_str_isprintable(rpy_string* s) {
  // true for "", unlike the other predicates
  return s->nbytes == 0 || all_chars(s, [](unsigned c) { return c - 0x20 < 0x5f; }, rpy_unicode::is_printable);
}

bool rpy_str_isidentifier(rpy_string* s) {
  auto* p = (const unsigned char*)s->data;
  auto* e = p + s->nbytes;
  if (p == e || !rpy_unicode::is_xid_start(decode_cp(p))) return false;
  while (p < e)
    if (!rpy_unicode::is_xid_continue(decode_cp(p))) return false;
  return true;
}

rpy_string* rpy_str_expandtabs(rpy_string* s, Signed tabsize) {
  auto* p = (const unsigned char*)s->data;
  auto* e = p + s->nbytes;
  if (!memchr(p, '\t', (size_t)s->nbytes)) return s;
  // Columns count code points; \n and \r start a new line.
  std::string out;
  out.reserve((size_t)s->nbytes + 32);
  Signed col = 0, length = 0;
  while (p < e) {
    unsigned c = *p;
    if (c == '\t') {
      p++;
      if (tabsize > 0) {
        Signed k = tabsize - col % tabsize;
        if (k > INT64_MAX - length) {
          raise_msg(&rpy_vt_OverflowError, "new string is too long");
          return nullptr;
        }
        out.append((size_t)k, ' ');
        col += k;
        length += k;
      }
      continue;
    }
    const unsigned char* q = p;
    decode_cp(q);
    out.append((const char*)p, (size_t)(q - p));
    p = q;
    length++;
    col = c == '\n' || c == '\r' ? 0 : col + 1;
  }
  return str_from(out.data(), (Signed)out.size(), length);
}

rpy_string* rpy_str_replace(rpy_string* s, rpy_string* old, rpy_string* repl, Signed count) {
  if (count < 0) count = INT64_MAX;
  if (count == 0) return s;
  Signed n = s->nbytes, m = old->nbytes;
  if (m == 0) {
    // Insert repl before every character and at the end, count times.
    Signed k = std::min(count, s->length + 1);
    if (k == 0) return s;
    Root<rpy_string> rs(s);
    Root<rpy_string> rr(repl);
    std::string out;
    out.reserve((size_t)(n + k * repl->nbytes));
    auto* p = (const unsigned char*)s->data;
    auto* e = p + n;
    for (Signed i = 0; i < k; i++) {
      out.append(repl->data, (size_t)repl->nbytes);
      if (p < e) {
        const unsigned char* q = p;
        decode_cp(q);
        out.append((const char*)p, (size_t)(q - p));
        p = q;
      }
    }
    out.append((const char*)p, (size_t)(e - p));
    return str_from(out.data(), (Signed)out.size(), rs.get()->length + k * rr.get()->length);
  }
  if (old->length > s->length) return s;
  Signed hits = count_bytes(s->data, (size_t)n, old->data, (size_t)m, count);
  if (hits == 0) return s;
  Signed rn = repl->nbytes;
  Signed total = n + hits * (rn - m);
  Signed length = s->length + hits * (repl->length - old->length);
  Root<rpy_string> rs(s), ro(old), rr(repl);
  rpy_string* r = new_string(total, length);
  if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
  s = rs.get();
  old = ro.get();
  repl = rr.get();
  const char* p = s->data;
  const char* e = p + n;
  char* o = r->data;
  for (Signed i = 0; i < hits; i++) {
    const char* hit = m == 1 ? (const char*)memchr(p, old->data[0], (size_t)(e - p))
                             : (const char*)memmem(p, (size_t)(e - p), old->data, (size_t)m);
    memcpy(o, p, (size_t)(hit - p));
    o += hit - p;
    memcpy(o, repl->data, (size_t)rn);
    o += rn;
    p = hit + m;
  }
  memcpy(o, p, (size_t)(e - p));
  return r;
}

rpy_string* rpy_str_zfill(rpy_string* s, Signed width) {
  if (s->length >= width) return s;
  Signed fill = width - s->length;
  Root<rpy_string> rs(s);
  rpy_string* r = new_string(s->nbytes + fill, width);
  if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
  s = rs.get();
  memset(r->data, '0', (size_t)fill);
  memcpy(r->data + fill, s->data, (size_t)s->nbytes);
  if (s->nbytes > 0 && (s->data[0] == '+' || s->data[0] == '-')) {
    r->data[0] = s->data[0];
    r->data[fill] = '0';
  }
  return r;
}

rpy_string* rpy_str_ljust(rpy_string* s, Signed width, rpy_string* fill) {
  return pad(s, 0, width - s->length, fill);
}

rpy_string* rpy_str_rjust(rpy_string* s, Signed width, rpy_string* fill) {
  return pad(s, width - s->length, 0, fill);
}

rpy_string* rpy_str_center(rpy_string* s, Signed width, rpy_string* fill) {
  Signed marg = width - s->length;
  if (marg <= 0) return pad(s, 0, 0, fill);
  Signed left = marg / 2 + (marg & width & 1);
  return pad(s, left, marg - left, fill);
}

Signed rpy_str_ord(rpy_string* c) {
  if (RPY_UNLIKELY(c->length != 1)) {
    std::string msg = "ord() expected a character, but string of length " + std::to_string(c->length) + " found";
    raise_msg(&rpy_vt_TypeError, msg.c_str());
    return -1;
  }
  auto* p = (const unsigned char*)c->data;
  return decode_cp(p);
}

rpy_string* rpy_chr(Signed cp) {
  if (RPY_LIKELY((Unsigned)cp < 128)) return ascii_char((unsigned)cp);
  if ((Unsigned)cp >= 0x110000) {
    raise_msg(&rpy_vt_ValueError, "chr() arg not in range(0x110000)");
    return nullptr;
  }
  // Surrogates are stored as their 3-byte (WTF-8) form, as CPython allows
  // them in str.
  char buf[4];
  Signed n = encode_cp(buf, (uint32_t)cp) - buf;
  return str_from(buf, n, 1);
}

rpy_strlist* rpy_str_split(rpy_string* s, rpy_string* sep, Signed maxsplit) {
  return sep ? split_sep(s, sep, maxsplit, false) : split_whitespace(s, maxsplit, false);
}

rpy_strlist* rpy_str_rsplit(rpy_string* s, rpy_string* sep, Signed maxsplit) {
  return sep ? split_sep(s, sep, maxsplit, true) : split_whitespace(s, maxsplit, true);
}

rpy_strlist* rpy_str_splitlines(rpy_string* s0, bool keepends) {
  Root<rpy_string> s(s0);
  Root<rpy_strlist> list(new_list(8));
  Signed n = s0->nbytes;
  Signed i = 0, start = 0;
  while (i < n) {
    auto* d = (const unsigned char*)s.get()->data;
    int k = line_break_at(d + i, d + n);
    if (k == 0) {
      i++;
      continue;
    }
    append_piece(list, s, start, keepends ? i + k : i);
    i += k;
    start = i;
  }
  if (start < n) append_piece(list, s, start, n);
  return list.get();
}

rpy_string* rpy_str_join(rpy_string* sep, rpy_strlist* items) {
  Signed n = items->length;
  if (n == 0) return empty_str();
  rpy_string** it = items->items->items;
  Signed nbytes = sep->nbytes * (n - 1), length = sep->length * (n - 1);
  for (Signed i = 0; i < n; i++) {
    if (RPY_UNLIKELY(!it[i])) {
      std::string msg = "sequence item " + std::to_string(i) + ": expected str instance, NoneType found";
      raise_msg(&rpy_vt_TypeError, msg.c_str());
      return nullptr;
    }
    nbytes += it[i]->nbytes;
    length += it[i]->length;
  }
  if (n == 1) return it[0];
  Root<rpy_string> rsep(sep);
  Root<rpy_strlist> ritems(items);
  rpy_string* r = new_string(nbytes, length);
  if (RPY_UNLIKELY(!r)) return nullptr;  // MemoryError pending
  sep = rsep.get();
  it = ritems.get()->items->items;
  char* o = r->data;
  Signed sn = sep->nbytes;
  for (Signed i = 0; i < n; i++) {
    if (i > 0 && sn) {
      if (sn == 1)
        *o = sep->data[0];
      else
        memcpy(o, sep->data, (size_t)sn);
      o += sn;
    }
    memcpy(o, it[i]->data, (size_t)it[i]->nbytes);
    o += it[i]->nbytes;
  }
  return r;
}

}  // extern "C"
