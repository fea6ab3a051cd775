// --gc=boehm: conservative collection through libgc. Boehm finds roots by
// scanning stacks and data segments, so generated code needs neither the
// shadow stack nor write barriers here; they exist so that code written for
// the precise GC (runtime helpers using rpy_gcref, a program translated with
// the GC transform) links and stays correct under Boehm too.
#include <gc/gc.h>
#include <gc/gc_mark.h>

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

// The live part of the shadow stack is a root: a ref pushed there may be
// the only one left (the generated code reloads it after the call).
GC_push_other_roots_proc previous_push_other_roots = nullptr;
void push_shadowstack() {
  if (rpy_shadowstack_base && rpy_shadowstack_top > rpy_shadowstack_base)
    GC_push_all(rpy_shadowstack_base, rpy_shadowstack_top);
  if (previous_push_other_roots) previous_push_other_roots();
}

constexpr size_t kShadowStackEntries = 1u << 20;
bool initialized = false;

}  // namespace

extern "C" {

// No nursery: the inline fast path (top - free < size) always fails.
char* rpy_nursery_free = nullptr;
char* rpy_nursery_top = nullptr;
void** rpy_shadowstack_top = nullptr;
void** rpy_shadowstack_base = nullptr;

void rpy_gc_init(void) {
  if (initialized) return;
  initialized = true;
  GC_INIT();
  rpy_gc_types_init();
  // Not a GC_MALLOC'ed block: Boehm must not scan all of it, only [base, top).
  rpy_shadowstack_base = rpy_shadowstack_top = static_cast<void**>(calloc(kShadowStackEntries, sizeof(void*)));
  previous_push_other_roots = GC_get_push_other_roots();
  GC_set_push_other_roots(push_shadowstack);
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
  if (RPY_UNLIKELY(p == nullptr)) {
    // The runtime's strings come through here with sizes taken from the
    // program ("ab" * n): a recoverable MemoryError, as in Python. Its
    // callers return NULL in turn (runtime/str_internal.h).
    rpy_raise_cstr(&rpy_vt_MemoryError, nullptr);
    return nullptr;
  }
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

void* rpy_gc_malloc_slowpath(uint32_t tid, size_t size) { return rpy_gc_malloc(tid, size); }

void rpy_gc_write_barrier(void* obj) {
  // Nothing to remember; set the flag so an inlined test stops calling here.
  static_cast<rpy_gchdr*>(obj)->gcflags |= RPY_GCFLAG_NO_BARRIER;
}

void rpy_gc_write_barrier_from_array(void* array, int64_t) { rpy_gc_write_barrier(array); }

void rpy_gc_register_root(void**) {}  // Boehm scans the data segments itself

void rpy_gc_collect(void) { GC_gcollect(); }

int64_t rpy_gc_identityhash(void* obj) {
  // Boehm never moves objects.
  uint64_t a = (uint64_t)(uintptr_t)obj;
  return (int64_t)(a >> 4 ^ a >> 20);
}

bool rpy_gc_can_move(void*) { return false; }

void rpy_gc_get_stats(rpy_gc_stats* out) {
  *out = rpy_gc_stats{};
  out->major_collections = (uint64_t)GC_get_gc_no();
  out->old_bytes = GC_get_heap_size() - GC_get_free_bytes();
  out->peak_old_bytes = GC_get_heap_size();
  out->total_allocated = GC_get_total_bytes();
}

int rpy_gc_debug_mode(void) { return 0; }

}  // extern "C"

namespace {
void run_finalizer(void* obj, void* fn) { reinterpret_cast<void (*)(void*)>(fn)(obj); }
}  // namespace

extern "C" void rpy_gc_register_finalizer(void* obj, void (*fn)(void*)) {
  GC_register_finalizer_no_order(obj, run_finalizer, reinterpret_cast<void*>(fn), nullptr, nullptr);
}
