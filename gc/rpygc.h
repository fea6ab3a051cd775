// The GC interface every allocation of a translated program goes through.
// Today it is backed by Boehm (--gc=boehm); the precise generational GC
// replaces the implementation behind the same entry points.
#pragma once
#include <cstddef>
#include <cstdint>

extern "C" {

// Every GC object starts with this header (SPEC rule 3). The type id indexes
// the program's type table (emitted by codegen), shared with the JIT later.
struct rpy_gchdr {
  uint32_t tid;
  uint32_t gcflags;
};

enum : uint32_t {
  RPY_GCFLAG_PREBUILT = 1u << 0,  // static data in the binary, never freed or moved
};

// Type ids the runtime itself allocates; codegen numbers program types from
// RPY_FIRST_PROGRAM_TID on.
enum : uint32_t {
  RPY_TID_STRING = 1,
  RPY_TID_EXCEPTION = 2,
  RPY_FIRST_PROGRAM_TID = 16,
};

void rpy_gc_init(void);
// Zero-filled; the header is initialised with tid.
void* rpy_gc_malloc(uint32_t tid, size_t size);
// For objects that hold no GC pointers (strings, float arrays).
void* rpy_gc_malloc_atomic(uint32_t tid, size_t size);
// Fixed part + length items; the length is stored at length_offset.
void* rpy_gc_malloc_varsize(uint32_t tid, size_t fixedsize, size_t itemsize,
                            int64_t length, size_t length_offset, bool atomic);

}  // extern "C"
