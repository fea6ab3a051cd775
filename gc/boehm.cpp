// --gc=boehm: conservative collection through libgc. Boehm finds roots by
// scanning stacks and data segments, so the shadow stack is not needed here;
// only the allocation entry points of rpygc.h are implemented.
#include <gc/gc.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

#include "gc/rpygc.h"
#include "runtime/rpy.h"

namespace {

[[noreturn]] __attribute__((noinline, cold)) void out_of_memory(size_t size) {
  // Whatever the program printed so far belongs before the fatal message.
  rpy_stdout_flush();
  char msg[96];
  int n = snprintf(msg, sizeof msg, "fatal error: out of memory (allocating %zu bytes)\n", size);
  if (n > 0) (void)!write(2, msg, (size_t)n);
  abort();
}

// Beyond any real heap (128 TiB): refuse at once rather than ask libgc,
// which would try to grow the heap first.
constexpr size_t kMaxObjectSize = (size_t)1 << 47;

}  // namespace

extern "C" {

void rpy_gc_init(void) {
  GC_INIT();
  // Boehm's warnings ("Repeated allocation of very large block", ...) would
  // land in the program's stderr, where CPython prints nothing. Set
  // RPY_GC_WARNINGS to see them when debugging.
  if (!getenv("RPY_GC_WARNINGS")) GC_set_warn_proc(GC_ignore_warn_proc);
}

void* rpy_gc_malloc(uint32_t tid, size_t size) {
  void* p = GC_MALLOC(size);
  if (RPY_UNLIKELY(p == nullptr)) out_of_memory(size);
  static_cast<rpy_gchdr*>(p)->tid = tid;
  return p;
}

void* rpy_gc_malloc_atomic(uint32_t tid, size_t size) {
  void* p = GC_MALLOC_ATOMIC(size);
  if (RPY_UNLIKELY(p == nullptr)) out_of_memory(size);
  // Unlike GC_MALLOC, the atomic allocator hands back recycled, dirty memory.
  memset(p, 0, size);
  static_cast<rpy_gchdr*>(p)->tid = tid;
  return p;
}

void* rpy_gc_malloc_varsize(uint32_t tid, size_t fixedsize, size_t itemsize,
                            int64_t length, size_t length_offset, bool atomic) {
  size_t items, total;
  if (RPY_UNLIKELY(length < 0 ||
                   __builtin_mul_overflow((size_t)length, itemsize, &items) ||
                   __builtin_add_overflow(fixedsize, items, &total) ||
                   total > kMaxObjectSize)) {
    rpy_raise_cstr(&rpy_vt_MemoryError, nullptr);
    return nullptr;
  }
  void* p = atomic ? GC_MALLOC_ATOMIC(total) : GC_MALLOC(total);
  if (RPY_UNLIKELY(p == nullptr)) {
    // A huge array is a recoverable MemoryError in Python (e.g. [0] * 10**12);
    // callers of varsize allocation already check for a pending exception.
    rpy_raise_cstr(&rpy_vt_MemoryError, nullptr);
    return nullptr;
  }
  if (atomic) memset(p, 0, total);
  static_cast<rpy_gchdr*>(p)->tid = tid;
  *reinterpret_cast<int64_t*>(static_cast<char*>(p) + length_offset) = length;
  return p;
}

}  // extern "C"
