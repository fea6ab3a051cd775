// The GC interface every allocation of a translated program goes through.
// Two implementations sit behind the same entry points, chosen at link time:
//   librpyruntime.a              --gc=boehm: conservative, libgc (gc/boehm.cpp)
//   librpyruntime_incminimark.a  --gc=incminimark: precise, generational,
//                                moving (gc/incminimark.cpp)
// docs/GC.md is the contract between this header, the GC transform pass and
// the JIT; keep them in step.
#pragma once
#include <cstddef>
#include <cstdint>

#include "gc/typetable.h"

extern "C" {

// Every GC object starts with this header (SPEC rule 3). The type id indexes
// the type table (gc/typetable.h), shared with the JIT.
struct rpy_gchdr {
  uint32_t tid;
  uint32_t gcflags;
};

enum : uint32_t {
  // Static data in the binary (codegen emits {tid, RPY_GCFLAG_PREBUILT}):
  // never freed or moved.
  RPY_GCFLAG_PREBUILT = 1u << 0,
  // Set: stores into this object need no write barrier (it is young, or it is
  // already in the remembered set). The sense is inverted compared to PyPy's
  // GCFLAG_TRACK_YOUNG_PTRS so that prebuilt data emitted with flags =
  // RPY_GCFLAG_PREBUILT alone takes the barrier on its first store, as it must.
  RPY_GCFLAG_NO_BARRIER = 1u << 1,
  // Bits 8.. are private to the collector.
};

// Type ids the runtime itself allocates; codegen numbers program types from
// RPY_FIRST_PROGRAM_TID on.
enum : uint32_t {
  RPY_TID_STRING = 1,
  RPY_TID_EXCEPTION = 2,
  RPY_TID_STRLIST = 3,   // rpy_strlist (runtime/rpy.h): list[str] as the rtyper lays it out
  RPY_TID_STRARRAY = 4,  // rpy_strarray: its items
  RPY_TID_DICTINDEX = 5,  // rpy_dictindex (runtime/dict.h): a dict's slots, no refs
  RPY_TID_WEAKREF = 6,    // rpy_weakref: its target is not traced (RPY_TI_WEAKREF)
  RPY_TID_BYTEARRAY = 7,  // rpy_bytearray (runtime/rpy.h): length + a bytes buffer
  RPY_FIRST_PROGRAM_TID = 16,
};

// Idempotent; rpy_runtime_init calls it. Reads PYPY_GC_NURSERY, PYPY_GC_MAX,
// PYPY_GC_MAJOR_COLLECT, PYPYLOG and RPY_GC_DEBUG.
void rpy_gc_init(void);

// ---- allocation (every call can collect: live GC refs must be on the shadow stack)
// Zero-filled; the header is initialised with tid.
void* rpy_gc_malloc(uint32_t tid, size_t size);
// For objects that hold no GC pointers (strings, float arrays).
void* rpy_gc_malloc_atomic(uint32_t tid, size_t size);
// Fixed part + length items; the length is stored at length_offset. A
// negative or impossible length raises MemoryError and returns NULL.
void* rpy_gc_malloc_varsize(uint32_t tid, size_t fixedsize, size_t itemsize,
                            int64_t length, size_t length_offset, bool atomic);

// The nursery, for allocation inlined by generated code and the JIT:
//   p = rpy_nursery_free; if (p + size > rpy_nursery_top) slow path;
//   rpy_nursery_free = p + size; header = tid | RPY_GCFLAG_NO_BARRIER << 32.
// The memory between free and top is zero. size is a multiple of 8 and at
// least RPY_GC_MIN_OBJSIZE. Under Boehm both are NULL, so the test always
// takes the slow path. The slow path is rpy_gc_malloc_slowpath.
extern char* rpy_nursery_free;
extern char* rpy_nursery_top;
enum : size_t { RPY_GC_MIN_OBJSIZE = 16 };
void* rpy_gc_malloc_slowpath(uint32_t tid, size_t size);

// The fast path as generated code should inline it (fixed-size objects).
static inline size_t rpy_gc_round_size(size_t size) {
  size = (size + 7) & ~(size_t)7;
  return size < RPY_GC_MIN_OBJSIZE ? RPY_GC_MIN_OBJSIZE : size;
}
static inline void* rpy_gc_malloc_fast(uint32_t tid, size_t size) {
  size = rpy_gc_round_size(size);
  char* p = rpy_nursery_free;
  if (__builtin_expect((size_t)(rpy_nursery_top - p) < size, 0))
    return rpy_gc_malloc_slowpath(tid, size);
  rpy_nursery_free = p + size;
  auto* h = reinterpret_cast<rpy_gchdr*>(p);
  h->tid = tid;
  h->gcflags = RPY_GCFLAG_NO_BARRIER;
  return p;
}

// ---- the shadow stack: the precise roots --------------------------------------
// A contiguous array of object pointers (NULL allowed; odd values are markers
// and skipped, reserved for the JIT). [rpy_shadowstack_base, rpy_shadowstack_top)
// is live. Generated code pushes the GC refs live across a call that can
// collect, and reloads them from the stack after the call (the objects may
// have moved). A guard page after the stack turns overflow into SIGSEGV.
extern void** rpy_shadowstack_top;
extern void** rpy_shadowstack_base;

// ---- write barrier ------------------------------------------------------------
// Before storing a GC ref into a field or item of a GC object `obj`:
//   if (!(obj->gcflags & RPY_GCFLAG_NO_BARRIER)) rpy_gc_write_barrier(obj);
// The barrier never collects. rpy_gc_write_barrier_from_array is the same for
// an item store into an array of GC refs (it may mark one card instead of
// remembering the whole array).
void rpy_gc_write_barrier(void* obj);
void rpy_gc_write_barrier_from_array(void* array, int64_t index);
static inline void rpy_gc_wb(void* obj) {
  if (!(static_cast<rpy_gchdr*>(obj)->gcflags & RPY_GCFLAG_NO_BARRIER)) rpy_gc_write_barrier(obj);
}
// Before storing into item `index` of an array (of refs, or of inline structs
// holding refs: a dict's entries): a big old array only marks that card.
static inline void rpy_gc_wb_array(void* array, int64_t index) {
  if (!(static_cast<rpy_gchdr*>(array)->gcflags & RPY_GCFLAG_NO_BARRIER))
    rpy_gc_write_barrier_from_array(array, index);
}

// Another static root: a global holding a GC ref (the runtime registers
// rpy_exc_value itself).
void rpy_gc_register_root(void** slot);

// ---- collection and queries ---------------------------------------------------
void rpy_gc_collect(void);  // a full (minor + complete major) collection
// Stable for the object's life, even when it moves.
int64_t rpy_gc_identityhash(void* obj);
// Whether the object may still move (a young object, under incminimark).
bool rpy_gc_can_move(void* obj);

struct rpy_gc_stats {
  uint64_t minor_collections, major_collections;
  double minor_seconds, major_seconds;
  uint64_t old_bytes;       // in the old generation now (incl. large objects)
  uint64_t peak_old_bytes;
  uint64_t nursery_size;
  uint64_t total_allocated;  // bytes, since start
  double max_pause_seconds;  // the longest collection step (a minor + its major work)
};
void rpy_gc_get_stats(rpy_gc_stats* out);
// Nonzero when collecting at every allocation (RPY_GC_DEBUG).
int rpy_gc_debug_mode(void);

// ---- weak references (rpython.rlib.rweakref) -----------------------------------
// An immutable object holding a ref the collector does not follow: `target`
// is set to NULL when the target is found dead (at the minor collection for
// a young target, at the end of a major one for an old target), and updated
// when the target moves. Created only by rpy_weakref_create (runtime/rpy.h).
struct rpy_weakref {
  rpy_gchdr hdr;
  void* target;
};

// rpython.rlib.rgc.get_stats(what): what is one of these.
enum : int64_t {
  RPY_STAT_TOTAL_MEMORY = 0,      // bytes in the old generation plus the nursery in use
  RPY_STAT_PEAK_MEMORY = 1,       // peak of the old generation
  RPY_STAT_MINOR_COLLECTIONS = 2,
  RPY_STAT_MAJOR_COLLECTIONS = 3,
  RPY_STAT_TOTAL_ALLOCATED = 4,   // bytes allocated since the start
  RPY_STAT_NURSERY_SIZE = 5,
  RPY_STAT_MEMORY_PRESSURE = 6,   // add_memory_pressure bytes since the last major collection
};

// __del__: run `fn(obj)` once obj is unreachable (a light finalizer, as
// RPython's: it must not resurrect obj, nor allocate under incminimark,
// which runs it inside the collection). Boehm runs them after a collection.
void rpy_gc_register_finalizer(void* obj, void (*fn)(void*));

}  // extern "C"

#ifdef __cplusplus
// A GC ref kept on the shadow stack for the life of this C++ object, for
// runtime helpers that allocate while holding refs they still need: read it
// back with get() after anything that can collect. Destroy in reverse order
// of creation (C++ locals do).
template <class T>
class rpy_gcref {
 public:
  explicit rpy_gcref(T* p) {
    if (__builtin_expect(rpy_shadowstack_top == nullptr, 0)) rpy_gc_init();
    slot_ = rpy_shadowstack_top;
    *rpy_shadowstack_top++ = (void*)p;
  }
  ~rpy_gcref() { rpy_shadowstack_top = slot_; }
  rpy_gcref(const rpy_gcref&) = delete;
  rpy_gcref& operator=(const rpy_gcref&) = delete;
  T* get() const { return static_cast<T*>(*slot_); }
  void set(T* p) { *slot_ = (void*)p; }

 private:
  void** slot_;
};
#endif
