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
#include <string>
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
size_t max_heap = 0;  // PYPY_GC_MAX, as incminimark reads it; 0: unlimited

// "512MB", "64k", "1000000": bytes (0 for anything else).
size_t parse_size(const char* s) {
  if (!s || !*s) return 0;
  char* end;
  double v = strtod(s, &end);
  if (end == s || v < 0) return 0;
  std::string unit(end);
  for (auto& c : unit) c = (char)tolower((unsigned char)c);
  if (unit == "k" || unit == "kb") v *= 1024;
  else if (unit == "m" || unit == "mb") v *= 1024.0 * 1024;
  else if (unit == "g" || unit == "gb") v *= 1024.0 * 1024 * 1024;
  else if (!unit.empty()) return 0;
  return (size_t)v;
}

// Raising allocates the exception instance, which the limit that caused the
// error would refuse in turn: the limit is lifted while it is built.
void raise_memory_error() {
  if (max_heap) GC_set_max_heap_size(0);
  rpy_raise_cstr(&rpy_vt_MemoryError, nullptr);
  if (max_heap) GC_set_max_heap_size(max_heap);
}

// The fixed-size entry points never return NULL (runtime code uses the
// object at once): over PYPY_GC_MAX the object is still allocated, past the
// limit, and MemoryError is left pending for the caller's exception check,
// as incminimark does. Without a limit, running out is fatal.
__attribute__((noinline, cold)) void* malloc_failed(size_t size, bool atomic) {
  if (!max_heap) out_of_memory(size);
  raise_memory_error();
  GC_set_max_heap_size(0);
  void* p = atomic ? GC_MALLOC_ATOMIC(size) : GC_MALLOC(size);
  GC_set_max_heap_size(max_heap);
  if (!p) out_of_memory(size);
  return p;
}

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
  max_heap = parse_size(getenv("PYPY_GC_MAX"));
  if (max_heap) GC_set_max_heap_size(max_heap);
}

void* rpy_gc_malloc(uint32_t tid, size_t size) {
  void* p = GC_MALLOC(size);
  if (RPY_UNLIKELY(p == nullptr)) p = malloc_failed(size, false);
  static_cast<rpy_gchdr*>(p)->tid = tid;
  return p;
}

void* rpy_gc_malloc_atomic(uint32_t tid, size_t size) {
  void* p = GC_MALLOC_ATOMIC(size);
  if (RPY_UNLIKELY(p == nullptr)) {
    // The runtime's strings come through here with sizes taken from the
    // program ("ab" * n): a recoverable MemoryError, as in Python. Its
    // callers return NULL in turn (runtime/str_internal.h).
    raise_memory_error();
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
    raise_memory_error();
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

// ---- rpython.rlib.rweakref, rpython.rlib.rgc -------------------------------------
// A weakref is atomic memory (libgc does not scan it, so the target is not
// kept alive) registered as a disappearing link: libgc clears the field when
// the target becomes unreachable, before reclaiming it.
namespace {
constexpr uint32_t kPinned = 1u << 8;
size_t memory_pressure = 0;
}  // namespace

extern "C" {

rpy_weakref* rpy_weakref_create(rpy_object* obj) {
  auto* w = static_cast<rpy_weakref*>(rpy_gc_malloc_atomic(RPY_TID_WEAKREF, sizeof(rpy_weakref)));
  if (!w) out_of_memory(sizeof(rpy_weakref));
  w->target = obj;
  if (GC_general_register_disappearing_link(&w->target, obj) == GC_NO_MEMORY) out_of_memory(0);
  return w;
}

bool rpy_gc_can_move_obj(rpy_object*) { return false; }
bool rpy_gc_pin(rpy_object* obj) {
  obj->hdr.gcflags |= kPinned;
  return true;
}
void rpy_gc_unpin(rpy_object* obj) { obj->hdr.gcflags &= ~kPinned; }
bool rpy_gc_is_pinned(rpy_object* obj) { return obj->hdr.gcflags & kPinned; }

void rpy_gc_add_memory_pressure(Signed bytes) {
  if (bytes <= 0) return;
  memory_pressure += (size_t)bytes;
  // libgc collects by its own heap growth, which it cannot see here.
  if (memory_pressure > GC_get_heap_size()) {
    memory_pressure = 0;
    GC_gcollect();
  }
}

Signed rpy_gc_get_stat(Signed what) {
  switch (what) {
    case RPY_STAT_TOTAL_MEMORY: return (Signed)(GC_get_heap_size() - GC_get_free_bytes());
    case RPY_STAT_PEAK_MEMORY: return (Signed)GC_get_heap_size();
    case RPY_STAT_MINOR_COLLECTIONS: return 0;
    case RPY_STAT_MAJOR_COLLECTIONS: return (Signed)GC_get_gc_no();
    case RPY_STAT_TOTAL_ALLOCATED: return (Signed)GC_get_total_bytes();
    case RPY_STAT_NURSERY_SIZE: return 0;
    case RPY_STAT_MEMORY_PRESSURE: return (Signed)memory_pressure;
    default: return -1;
  }
}

}  // extern "C"
