// Helpers shared by the runtime's string-producing files; not part of the ABI.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "runtime/rpy.h"

namespace rpy_rt {

// A string object with room for nbytes of data (zeroed, NUL included).
inline rpy_string* new_string(Signed nbytes, Signed length) {
  size_t size = offsetof(rpy_string, data) + (size_t)nbytes + 1;
  rpy_string* s;
  // A small string takes the nursery bump inline, as generated code does
  // for fixed-size objects (the nursery is zeroed). Boehm has no nursery,
  // and the GC's debug mode leaves none free: both always take the call.
  char* p = rpy_nursery_free;
  size_t rounded = rpy_gc_round_size(size);
  if (nbytes >= 0 && nbytes < 512 && (size_t)(rpy_nursery_top - p) >= rounded) {
    rpy_nursery_free = p + rounded;
    auto* h = reinterpret_cast<rpy_gchdr*>(p);
    h->tid = RPY_TID_STRING;
    h->gcflags = RPY_GCFLAG_NO_BARRIER;
    s = reinterpret_cast<rpy_string*>(p);
  } else {
    s = static_cast<rpy_string*>(rpy_gc_malloc_atomic(RPY_TID_STRING, size));
  }
  // NULL with MemoryError pending when the heap cannot hold it: every
  // caller returns NULL in turn, and generated code checks after the call.
  if (RPY_UNLIKELY(!s)) return nullptr;
  s->length = length;
  s->nbytes = nbytes;
  return s;
}

// Most strings an interpreter concatenates are a few bytes: a libc memcpy
// call per piece was a tenth of a program building keys ("t" + str(k)).
// Overlapping word moves copy 1..16 bytes without a call or a byte loop.
inline void copy_bytes(char* dst, const char* src, size_t n) {
  if (n > 16) {
    memcpy(dst, src, n);
  } else if (n >= 8) {
    uint64_t a, b;
    memcpy(&a, src, 8);
    memcpy(&b, src + n - 8, 8);
    memcpy(dst, &a, 8);
    memcpy(dst + n - 8, &b, 8);
  } else if (n >= 4) {
    uint32_t a, b;
    memcpy(&a, src, 4);
    memcpy(&b, src + n - 4, 4);
    memcpy(dst, &a, 4);
    memcpy(dst + n - 4, &b, 4);
  } else if (n > 0) {
    dst[0] = src[0];
    dst[n / 2] = src[n / 2];
    dst[n - 1] = src[n - 1];
  }
}

inline rpy_string* ascii_string(const char* p, size_t n) {
  rpy_string* s = new_string((Signed)n, (Signed)n);
  if (RPY_UNLIKELY(!s)) return nullptr;  // MemoryError pending
  copy_bytes(s->data, p, n);
  return s;
}

// Appends Python's repr() of the UTF-8 text [p, p+n) to out.
void append_repr(std::string& out, const char* p, size_t n);

}  // namespace rpy_rt
