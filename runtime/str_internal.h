// Helpers shared by the runtime's string-producing files; not part of the ABI.
#pragma once
#include <cstddef>
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

inline rpy_string* ascii_string(const char* p, size_t n) {
  rpy_string* s = new_string((Signed)n, (Signed)n);
  if (RPY_UNLIKELY(!s)) return nullptr;  // MemoryError pending
  memcpy(s->data, p, n);
  return s;
}

// Appends Python's repr() of the UTF-8 text [p, p+n) to out.
void append_repr(std::string& out, const char* p, size_t n);

}  // namespace rpy_rt
