// --gc=incminimark: the precise, generational, moving collector.
//
// The design follows PyPy's incminimark (rpython/memory/gc/incminimark.py):
//  - young objects are bump-allocated in a nursery; a minor collection copies
//    the survivors into the old generation, found from the shadow stack, the
//    static roots, and the remembered set (old or prebuilt objects written
//    since the last minor collection, maintained by the write barrier);
//  - objects too large for the nursery are allocated on their own but are
//    still young until the next minor collection (so they need no barrier);
//  - a major collection marks incrementally, one bounded step after each
//    minor collection. The invariant (no marked-and-scanned object points to
//    an unmarked one) is kept by re-scanning every marked object the barrier
//    caught being written (the remembered set), by marking the objects
//    promoted while marking, and by re-scanning the roots before finishing
//    (itself in bounded steps: marking ends at a step where that rescan
//    finds nothing new);
//  - sweeping is incremental too: after marking, each minor collection is
//    followed by a bounded sweep of the old objects (PyPy's STATE_SWEEPING).
// Old objects never move, so identity hashes of old objects are addresses;
// a young object whose hash was taken gets the value stored after its end
// when it is promoted.
#include <malloc.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "gc/rpygc.h"
#include "runtime/rpy.h"

namespace {

// Collector-private header flags (bits 8.. of gcflags; rpygc.h owns 0..7).
constexpr uint32_t F_VISITED = 1u << 8;          // marked by the current major collection
constexpr uint32_t F_FORWARDED = 1u << 9;        // a copied-out nursery object; new address at offset 8
constexpr uint32_t F_YOUNG_LARGE = 1u << 10;     // large young object, not yet reached by this minor
constexpr uint32_t F_HASHTAKEN = 1u << 11;       // young object with an entry in nursery_hashes
constexpr uint32_t F_HASHFIELD = 1u << 12;       // old object whose identity hash follows its end
constexpr uint32_t F_PREBUILT_ROOTED = 1u << 13;  // prebuilt object already in prebuilt_roots
constexpr uint32_t F_LARGE = 1u << 14;           // malloc'ed on its own (not in the small-object arenas)
constexpr uint32_t F_RESCAN = 1u << 15;          // marked, written since, in Gc::rescan
constexpr uint32_t F_PINNED = 1u << 16;          // rgc.pin()ned (old, so it does not move anyway)
constexpr uint32_t F_HAS_CARDS = 1u << 17;       // old array of refs big enough for card marking
constexpr uint32_t F_CARDS_SET = 1u << 18;       // some of its cards are dirty (it is in Gc::carded)

// Card marking: an item store into a big old array of refs marks the card
// (kCardItems consecutive items) of the index, and the next minor
// collection scans the dirty cards only, not the whole array. Such arrays
// keep NO_BARRIER clear, so every item store reaches the barrier.
constexpr int kCardShift = 7;
constexpr int64_t kCardItems = int64_t{1} << kCardShift;
constexpr int64_t kCardMinItems = 8 * kCardItems;

enum class State { Idle, Marking, Sweeping };

constexpr size_t kSmallMax = 512;              // size classes of 8 bytes up to this
constexpr size_t kPageSize = 16 * 1024;        // of one size class
constexpr size_t kArenaSize = 2 * 1024 * 1024;  // pages are cut from these; one huge page
constexpr size_t kShadowStackBytes = 16u << 20;  // reserved, touched on demand
constexpr size_t kMaxObjectSize = (size_t)1 << 47;

struct Config {
  size_t nursery_size = 4u << 20;
  size_t max_heap = 0;  // 0: unlimited
  double major_factor = 1.82;
  size_t min_major_threshold = 16u << 20;
  bool debug = false;
  size_t mark_budget = 0;   // bytes of objects scanned per marking step
  size_t sweep_budget = 0;  // bytes of old objects swept per sweeping step
  FILE* log = nullptr;
};

// Small old objects live in pages of kPageSize bytes, each holding objects of
// one size class (as PyPy's minimarkpage): no per-object bookkeeping, and
// sweeping walks each page's slots in address order. A free slot has type
// id 0 and the next free slot of its page at offset 8; slots from `bump` to
// `end` were never used.
struct Page {
  char* bump;
  char* end;
  void* free;            // the page's free slots, while it is not its class's current page
  uint32_t size;         // of a slot
  uint32_t in_partial;   // listed in its class's `partial`
  char* slots() { return reinterpret_cast<char*>(this) + 64; }
};
static_assert(sizeof(Page) <= 64);

struct SizeClass {
  void* free = nullptr;          // free slots of `cur`, allocated from first
  Page* cur = nullptr;
  std::vector<Page*> pages;      // every page of the class except those waiting to be swept
  std::vector<Page*> partial;    // swept pages with room, other than cur
};

struct Gc {
  Config cfg;
  bool initialized = false;

  // nursery (in debug mode two of them, the idle one unmapped-protected)
  char* nursery[2] = {nullptr, nullptr};
  size_t dirty[2] = {0, 0};  // debug: bytes poisoned when the buffer was left
  int cur = 0;
  char* nursery_start = nullptr;
  char* nursery_end = nullptr;  // the real end; rpy_nursery_top may be lower
  // The nursery is zeroed a chunk at a time just ahead of allocation, as
  // PyPy's nursery_cleanup: zeroing all of it after a minor collection left
  // it cold in the cache by the time allocation got there, so every new
  // object missed twice. [rpy_nursery_free, zeroed_end) is zero;
  // rpy_nursery_top == zeroed_end (outside debug mode).
  char* zeroed_end = nullptr;
  char* high_water = nullptr;  // beyond it, still the zeros of the mapping
  size_t large_threshold = 0;

  // Aging: a nursery object that survives its first minor collection is
  // copied to a survivor space (bump allocation, still young) and promoted
  // only if it survives the next one too. Objects that live about a
  // nursery's worth of allocation (a cache window, recent frames) then die
  // young instead of being promoted and dying old, where each costs a
  // free-list slot, marking and sweeping. Two spaces alternate: during a
  // minor collection surv[surv_cur] is the from-space (last time's
  // survivors) and the other one the to-space; a full to-space promotes.
  char* surv[2] = {nullptr, nullptr};
  size_t surv_size = 0;  // each; 0 disables aging (RPY_GC_SURVIVOR=0)
  int surv_cur = 0;
  char* surv_end = nullptr;  // end of the objects in surv[surv_cur]
  char* to_start = nullptr;  // during a minor collection: the to-space
  char* to_bump = nullptr;
  char* to_end = nullptr;
  bool promote_all = false;     // this minor collection promotes every survivor
  bool young_ref_seen = false;  // a dragged slot now points into the to-space
  std::unordered_map<void*, int64_t> next_hashes;  // identity hashes of to-space copies
  std::vector<rpy_gchdr*> next_remembered;         // old objects still holding young refs
  std::vector<std::pair<rpy_gchdr*, size_t>> cards_kept;  // cards still holding young refs
  uint64_t aged_bytes = 0, aged_objects = 0;

  std::vector<rpy_gchdr*> young_large;
  size_t young_large_bytes = 0;
  std::unordered_map<void*, int64_t> nursery_hashes;

  // old generation: small objects in the pages of their size class, large
  // ones malloc'ed and listed
  SizeClass classes[kSmallMax / 8 + 1];
  std::vector<rpy_gchdr*> large_objects;
  char* arena_cur = nullptr;
  char* arena_end = nullptr;
  size_t pages_total = 0;
  size_t old_bytes = 0, peak_old_bytes = 0;
  size_t next_major = 0;

  // roots
  std::vector<rpy_gchdr*> remembered;      // old/prebuilt objects written since the last minor
  std::vector<rpy_gchdr*> prebuilt_roots;  // prebuilt objects ever written
  std::vector<void**> static_roots;
  // Arrays with dirty cards since the last minor, and their card bytes.
  std::vector<rpy_gchdr*> carded;
  std::unordered_map<rpy_gchdr*, std::vector<uint8_t>> cards;
  uint64_t cards_scanned = 0, card_arrays = 0;
  uint64_t promoted_bytes = 0, promoted_objects = 0;
  rpy_gchdr* last_carded = nullptr;  // the array the last card store went to ...
  uint8_t* last_cards = nullptr;     // ... and its card bytes (a loop's stores skip the map)

  // Objects with a light finalizer (__del__), young and old: run when the
  // object is found dead, during the collection, before its memory goes.
  using Finalizer = void (*)(void*);
  std::vector<std::pair<rpy_gchdr*, Finalizer>> young_finalizers, old_finalizers;
  bool in_finalizer = false;
  uint64_t finalizers_run = 0;

  // Weak references: the ones created since the last minor collection (at
  // their nursery address) and the old ones. A weakref never changes target,
  // and a minor collection promotes or clears the young targets of the young
  // weakrefs, so an old weakref never points into the nursery.
  std::vector<rpy_weakref*> young_weakrefs, old_weakrefs;
  size_t memory_pressure = 0;  // rgc.add_memory_pressure bytes since the last major started

  // collection state
  std::vector<rpy_gchdr*> to_scan;  // minor: promoted objects whose fields still need dragging
  std::vector<rpy_gchdr*> gray;     // major: marked objects not scanned yet
  // Marked objects the barrier caught being written while marking: scanned
  // again once before marking ends. Deferred (not pushed back to gray) so
  // that a big array written between every two steps cannot eat each step's
  // budget forever.
  std::vector<rpy_gchdr*> rescan;
  State state = State::Idle;
  // Sweeping: the pages of every class when marking ended (`to_sweep`,
  // from `sweep_page`), then large_objects[sweep_pos, sweep_end); the
  // survivors so far are compacted into [0, sweep_kept), and large objects
  // promoted since marking ended are appended after sweep_end (they survive
  // this cycle). Pages are only allocated from once swept (or new), so an
  // object promoted while sweeping is never in a page still to be swept.
  std::vector<Page*> to_sweep;
  size_t sweep_page = 0;
  size_t sweep_pos = 0, sweep_end = 0, sweep_kept = 0;
  size_t sweep_before = 0;  // old bytes when marking ended, for the log
  int finish_attempts = 0;  // of the current marking: see major_step
  bool in_collection = false;
  bool raising_oom = false;

  rpy_gc_stats stats{};
  double major_start_time = 0;
  size_t last_promoted = 0;  // bytes the last minor collection promoted
  double max_minor_pause = 0;  // of the minor collections alone (the rest of max_pause_seconds is major work)
};

Gc G;

[[noreturn]] __attribute__((cold)) void fatal(const char* what) {
  rpy_stdout_flush();
  fprintf(stderr, "fatal error: %s\n", what);
  abort();
}

double now_seconds() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

size_t parse_size(const char* s, size_t dflt) {
  if (!s || !*s) return dflt;
  char* end;
  double v = strtod(s, &end);
  if (end == s || v < 0) return dflt;
  std::string unit(end);
  for (auto& c : unit) c = (char)tolower((unsigned char)c);
  if (unit == "k" || unit == "kb") v *= 1024;
  else if (unit == "m" || unit == "mb") v *= 1024.0 * 1024;
  else if (unit == "g" || unit == "gb") v *= 1024.0 * 1024 * 1024;
  else if (!unit.empty()) return dflt;
  return (size_t)v;
}

// PYPYLOG=cat1,cat2:FILE (or FILE alone, meaning every category): logs when
// a category names the gc ones, as PyPy's "gc" prefix matching does.
FILE* open_log() {
  const char* env = getenv("PYPYLOG");
  if (!env || !*env) return nullptr;
  std::string s(env);
  auto colon = s.find(':');
  std::string cats = colon == std::string::npos ? "" : s.substr(0, colon);
  std::string file = colon == std::string::npos ? s : s.substr(colon + 1);
  bool want = cats.empty();
  size_t pos = 0;
  while (!want && pos <= cats.size()) {
    size_t comma = cats.find(',', pos);
    std::string c = cats.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (c == "gc" || c.rfind("gc-", 0) == 0) want = true;
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  if (!want || file.empty()) return nullptr;
  if (file == "-") return stderr;
  // The JIT's log may share the file: append.
  return fopen(file.c_str(), "a");
}

void log_line(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
void log_line(const char* fmt, ...) {
  if (!G.cfg.log) return;
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  fprintf(G.cfg.log, "[%llx] ", (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(G.cfg.log, fmt, ap);
  va_end(ap);
  fputc('\n', G.cfg.log);
}

// Nursery bytes are counted when the nursery is emptied (the inline fast
// path does not count), large objects when allocated.
uint64_t total_allocated() {
  return G.stats.total_allocated + (uint64_t)(rpy_nursery_free - G.nursery_start);
}

void write_summary() {
  if (!G.cfg.log) return;
  log_line("{gc-summary");
  fprintf(G.cfg.log,
          "minor collections: %llu (%.6f s)\nmajor collections: %llu (%.6f s)\n"
          "nursery: %llu bytes\npeak old generation: %llu bytes\ntotal allocated: %llu bytes\n"
          "promoted: %llu bytes (%llu objects)\nsurvivor copies: %llu bytes (%llu objects)\n"
          "finalizers run: %llu\ncard-marked arrays: %llu (%llu cards scanned)\n"
          "max pause: %.6f s (max minor collection: %.6f s)\n",
          (unsigned long long)G.stats.minor_collections, G.stats.minor_seconds,
          (unsigned long long)G.stats.major_collections, G.stats.major_seconds,
          (unsigned long long)G.cfg.nursery_size, (unsigned long long)G.peak_old_bytes,
          (unsigned long long)total_allocated(), (unsigned long long)G.promoted_bytes,
          (unsigned long long)G.promoted_objects, (unsigned long long)G.aged_bytes,
          (unsigned long long)G.aged_objects, (unsigned long long)G.finalizers_run,
          (unsigned long long)G.card_arrays, (unsigned long long)G.cards_scanned, G.stats.max_pause_seconds, G.max_minor_pause);
  log_line("gc-summary}");
  fflush(G.cfg.log);
}

// ---- object layout -------------------------------------------------------------

inline const rpy_typeinfo& typeinfo(const rpy_gchdr* h) {
  if (__builtin_expect(h->tid >= rpy_gc_ntypes || rpy_gc_types[h->tid].fixedsize == 0, 0)) {
    char msg[128];
    snprintf(msg, sizeof msg, "GC: object %p has unregistered type id %u (flags %#x)", (const void*)h, h->tid,
             h->gcflags);
    fatal(msg);
  }
  return rpy_gc_types[h->tid];
}

inline size_t obj_size(const rpy_gchdr* h) {
  const rpy_typeinfo& ti = typeinfo(h);
  size_t size = ti.fixedsize;
  if (ti.flags & RPY_TI_VARSIZE) {
    int64_t len = *reinterpret_cast<const int64_t*>(reinterpret_cast<const char*>(h) + ti.length_offset);
    size += (size_t)len * ti.itemsize;
  }
  return rpy_gc_round_size(size);
}

inline int64_t array_length(const rpy_gchdr* h, const rpy_typeinfo& ti) {
  return *reinterpret_cast<const int64_t*>(reinterpret_cast<const char*>(h) + ti.length_offset);
}

// Set on an object becoming old: whether item stores mark cards.
inline uint32_t card_flag(const rpy_gchdr* h) {
  const rpy_typeinfo& ti = typeinfo(h);
  return (ti.n_item_ptrs && (ti.flags & RPY_TI_VARSIZE) && array_length(h, ti) >= kCardMinItems) ? F_HAS_CARDS : 0;
}

inline size_t block_size(const rpy_gchdr* h) { return obj_size(h) + ((h->gcflags & F_HASHFIELD) ? 8 : 0); }

struct VisitCtx {
  void (*fn)(void**);
};
void visit_adapter(void** slot, void* ctx) { static_cast<VisitCtx*>(ctx)->fn(slot); }

inline bool is_ref(const void* p) { return p != nullptr && !((uintptr_t)p & 1); }
inline void prefetch_ref(void* p) {
  if (is_ref(p)) __builtin_prefetch(p, 1);
}

// Calls fn on items[begin..end) of an array of pointers. Each referent's
// header is prefetched some items ahead, so that the cache misses on a run
// of objects (a list of fresh strings being copied or marked) overlap
// instead of following each other.
template <void (*fn)(void**)>
inline void visit_pointer_array(void** items, int64_t begin, int64_t end) {
  constexpr int64_t kAhead = 8;
  for (int64_t i = begin; i < end; i++) {
    if (i + kAhead < end) prefetch_ref(items[i + kAhead]);
    fn(items + i);
  }
}

// Calls fn on the GC refs of items[begin..end) of an array whose items are
// structs (a dict's entries: hash, key, value), prefetching as
// visit_pointer_array does; plain arrays of pointers go there.
template <void (*fn)(void**)>
inline void visit_items(char* items, const rpy_typeinfo& ti, int64_t begin, int64_t end) {
  if (ti.n_item_ptrs == 1 && ti.item_ptr_offsets[0] == 0 && ti.itemsize == sizeof(void*)) {
    visit_pointer_array<fn>(reinterpret_cast<void**>(items), begin, end);
    return;
  }
  constexpr int64_t kAhead = 8;
  const size_t stride = ti.itemsize;
  const uint32_t n = ti.n_item_ptrs;
  for (int64_t i = begin; i < end; i++) {
    char* item = items + (size_t)i * stride;
    if (i + kAhead < end)
      for (uint32_t k = 0; k < n; k++) prefetch_ref(*reinterpret_cast<void**>(item + kAhead * stride + ti.item_ptr_offsets[k]));
    for (uint32_t k = 0; k < n; k++) fn(reinterpret_cast<void**>(item + ti.item_ptr_offsets[k]));
  }
}

// Calls fn on the address of every GC ref inside the object.
template <void (*fn)(void**)>
inline void trace(rpy_gchdr* h) {
  const rpy_typeinfo& ti = typeinfo(h);
  char* base = reinterpret_cast<char*>(h);
  for (uint32_t k = 0; k < ti.n_ptrs; k++) fn(reinterpret_cast<void**>(base + ti.ptr_offsets[k]));
  if (ti.n_item_ptrs) {
    int64_t len = *reinterpret_cast<int64_t*>(base + ti.length_offset);
    visit_items<fn>(base + ti.items_offset, ti, 0, len);
  }
  if (ti.custom_trace) {
    VisitCtx ctx{fn};
    ti.custom_trace(h, visit_adapter, &ctx);
  }
}

inline bool in_nursery(const void* p) {
  return (size_t)(static_cast<const char*>(p) - G.nursery_start) < G.cfg.nursery_size;
}

// The current survivors (between collections), or the from-space (during
// a minor collection).
inline bool in_survivors(const void* p) {
  return (size_t)(static_cast<const char*>(p) - G.surv[G.surv_cur]) < G.surv_size;
}

// Young: may still move.
inline bool in_young(const void* p) { return in_nursery(p) || in_survivors(p); }

// During a minor collection: a copy made by this collection.
inline bool in_to_space(const void* p) {
  return (size_t)(static_cast<const char*>(p) - G.to_start) < G.surv_size;
}


inline int64_t address_hash(const void* p) {
  uint64_t a = (uint64_t)(uintptr_t)p;
  return (int64_t)(a >> 4 ^ a >> 20);
}

// ---- the old generation's memory ----------------------------------------------

// Memory the collector fills at once (arenas, the nursery), on transparent
// huge pages where the kernel offers them (`madvise` mode): one fault per
// 2 MB instead of per 4 KB, which was half the run time of short
// allocation-heavy programs (kernel page zeroing). 2 MB-aligned so the
// kernel can back it with huge pages at all.
void* map_huge(size_t size) {
  constexpr size_t kHuge = 2 * 1024 * 1024;
  size_t len = size + kHuge;
  char* p = static_cast<char*>(mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0));
  if (p == MAP_FAILED) fatal("out of memory (GC arena)");
  char* aligned = reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(p) + kHuge - 1) & ~(uintptr_t)(kHuge - 1));
  if (aligned > p) munmap(p, (size_t)(aligned - p));
  size_t tail = (size_t)((p + len) - (aligned + size));
  if (tail) munmap(aligned + size, tail);
#ifdef MADV_HUGEPAGE
  madvise(aligned, size, MADV_HUGEPAGE);
#endif
  return aligned;
}

Page* new_page(size_t size) {
  if ((size_t)(G.arena_end - G.arena_cur) < kPageSize) {
    // Not zeroed: slots are only read below `bump`, and written first.
    G.arena_cur = static_cast<char*>(map_huge(kArenaSize));
    G.arena_end = G.arena_cur + kArenaSize;
  }
  auto* pg = reinterpret_cast<Page*>(G.arena_cur);
  G.arena_cur += kPageSize;
  G.pages_total++;
  pg->size = (uint32_t)size;
  pg->bump = pg->slots();
  pg->end = pg->slots() + (kPageSize - 64) / size * size;
  pg->free = nullptr;
  pg->in_partial = 0;
  return pg;
}

__attribute__((noinline)) void* old_alloc_refill(SizeClass& sc, size_t size) {
  for (;;) {
    Page* pg;
    if (!sc.partial.empty()) {
      pg = sc.partial.back();
      sc.partial.pop_back();
      pg->in_partial = 0;
    } else {
      pg = new_page(size);
      sc.pages.push_back(pg);
    }
    sc.cur = pg;
    sc.free = pg->free;
    pg->free = nullptr;
    if (void* p = sc.free) {
      sc.free = *reinterpret_cast<void**>(static_cast<char*>(p) + 8);
      return p;
    }
    if (pg->bump + size <= pg->end) {
      void* p = pg->bump;
      pg->bump += size;
      return p;
    }
  }
}

inline void* old_alloc(size_t size, bool* large) {
  if (size <= kSmallMax) {
    *large = false;
    SizeClass& sc = G.classes[size / 8];
    if (void* p = sc.free) {
      sc.free = *reinterpret_cast<void**>(static_cast<char*>(p) + 8);
      return p;
    }
    Page* pg = sc.cur;
    if (pg && pg->bump + size <= pg->end) {
      void* p = pg->bump;
      pg->bump += size;
      return p;
    }
    return old_alloc_refill(sc, size);
  }
  *large = true;
  void* p = malloc(size);
  if (!p) fatal("out of memory (promoting a large object)");
  return p;
}

void account_old(size_t n) {
  G.old_bytes += n;
  if (G.old_bytes > G.peak_old_bytes) G.peak_old_bytes = G.old_bytes;
}

// ---- minor collection ---------------------------------------------------------

// Promoted objects are mostly a few words: copied inline, word by word (a
// memcpy call per object was a tenth of a churning program's time).
inline void copy_object(void* dst, const void* src, size_t size) {
  auto* d = static_cast<uint64_t*>(dst);
  auto* s = static_cast<const uint64_t*>(src);
  switch (size / 8) {
    case 8: d[7] = s[7]; [[fallthrough]];
    case 7: d[6] = s[6]; [[fallthrough]];
    case 6: d[5] = s[5]; [[fallthrough]];
    case 5: d[4] = s[4]; [[fallthrough]];
    case 4: d[3] = s[3]; [[fallthrough]];
    case 3: d[2] = s[2]; [[fallthrough]];
    case 2: d[1] = s[1]; [[fallthrough]];
    case 1: d[0] = s[0]; [[fallthrough]];
    case 0: return;
    default: memcpy(dst, src, size);
  }
}

inline bool has_refs(const rpy_typeinfo& ti) { return ti.n_ptrs || ti.n_item_ptrs || ti.custom_trace; }

void drag_out(void** slot) {
  void* p = *slot;
  if (!is_ref(p)) return;
  auto* h = static_cast<rpy_gchdr*>(p);
  bool from_nursery = in_nursery(p);
  if (from_nursery || in_survivors(p)) {
    if (h->gcflags & F_FORWARDED) {
      void* np = *reinterpret_cast<void**>(static_cast<char*>(p) + 8);
      *slot = np;
      if (in_to_space(np)) G.young_ref_seen = true;
      return;
    }
    size_t size = obj_size(h);
    if (from_nursery && (size_t)(G.to_end - G.to_bump) >= size) {
      // First survival: to the to-space, still young (no barrier needed on
      // it, it keeps NO_BARRIER).
      auto* nh = reinterpret_cast<rpy_gchdr*>(G.to_bump);
      G.to_bump += size;
      copy_object(nh, h, size);
      if (h->gcflags & F_HASHTAKEN) G.next_hashes.emplace(nh, G.nursery_hashes.at(p));
      h->gcflags |= F_FORWARDED;
      *reinterpret_cast<void**>(static_cast<char*>(p) + 8) = nh;
      G.aged_bytes += size;
      G.aged_objects++;
      if (has_refs(typeinfo(nh))) G.to_scan.push_back(nh);
      *slot = nh;
      G.young_ref_seen = true;
      return;
    }
    size_t extra = (h->gcflags & F_HASHTAKEN) ? 8 : 0;
    bool large;
    auto* nh = static_cast<rpy_gchdr*>(old_alloc(size + extra, &large));
    copy_object(nh, h, size);
    uint32_t flags = h->gcflags & ~(RPY_GCFLAG_NO_BARRIER | F_HASHTAKEN);
    if (extra) {
      *reinterpret_cast<int64_t*>(reinterpret_cast<char*>(nh) + size) = G.nursery_hashes.at(p);
      flags |= F_HASHFIELD;
    }
    if (large) flags |= F_LARGE;
    flags |= card_flag(nh);
    if (G.state == State::Marking) {
      // Promoted while marking: it may point to unmarked old objects that
      // only it references, so it is gray, not black.
      flags |= F_VISITED;
      G.gray.push_back(nh);
    }
    nh->gcflags = flags;
    h->gcflags |= F_FORWARDED;
    *reinterpret_cast<void**>(static_cast<char*>(p) + 8) = nh;
    if (large) G.large_objects.push_back(nh);
    account_old(size + extra);
    G.promoted_bytes += size + extra;
    G.promoted_objects++;
    if (has_refs(typeinfo(nh))) G.to_scan.push_back(nh);  // strings, float arrays: nothing to drag
    *slot = nh;
  } else if (in_to_space(p)) {
    G.young_ref_seen = true;  // dragged already (an object scanned twice)
  } else if (h->gcflags & F_YOUNG_LARGE) {
    uint32_t flags = (h->gcflags & ~(F_YOUNG_LARGE | RPY_GCFLAG_NO_BARRIER)) | card_flag(h);
    if (G.state == State::Marking) {
      flags |= F_VISITED;
      G.gray.push_back(h);
    }
    h->gcflags = flags;
    G.large_objects.push_back(h);
    account_old(obj_size(h));
    G.to_scan.push_back(h);
  }
}

void switch_debug_nursery() {
  // Leave the current buffer poisoned and inaccessible: any ref still into it
  // (a missing root, a missing reload) faults at its next use.
  size_t used = (size_t)(rpy_nursery_free - G.nursery_start);
  memset(G.nursery_start, 0xDD, used);
  G.dirty[G.cur] = std::max(G.dirty[G.cur], used);
  if (mprotect(G.nursery_start, G.cfg.nursery_size, PROT_NONE) != 0) fatal("mprotect");
  G.cur ^= 1;
  G.nursery_start = G.nursery[G.cur];
  G.nursery_end = G.nursery_start + G.cfg.nursery_size;
  if (mprotect(G.nursery_start, G.cfg.nursery_size, PROT_READ | PROT_WRITE) != 0) fatal("mprotect");
  memset(G.nursery_start, 0, G.dirty[G.cur]);
  G.dirty[G.cur] = 0;
}

// A light finalizer runs inside the collection, on an object that is about
// to be freed: it must not allocate (it would find the heap half-collected)
// nor store the object anywhere. The nursery's fast path is closed while it
// runs, so an allocation reaches allocate(), which stops the program.
void run_finalizer(rpy_gchdr* h, Gc::Finalizer fn) {
  char* top = rpy_nursery_top;
  rpy_nursery_top = rpy_nursery_free;
  G.in_finalizer = true;
  fn(h);
  G.in_finalizer = false;
  rpy_nursery_top = top;
  G.finalizers_run++;
}

// After a minor collection's copying: young objects with finalizers either
// moved (their entry follows them to the old list) or died.
void young_finalizers_after_minor() {
  std::vector<std::pair<rpy_gchdr*, Gc::Finalizer>> still_young;
  for (auto [h, fn] : G.young_finalizers) {
    if (in_young(h)) {
      if (h->gcflags & F_FORWARDED) {
        auto* nh = *reinterpret_cast<rpy_gchdr**>(reinterpret_cast<char*>(h) + 8);
        (in_to_space(nh) ? still_young : G.old_finalizers).push_back({nh, fn});
      } else {
        run_finalizer(h, fn);
      }
    } else if (h->gcflags & F_YOUNG_LARGE) {
      run_finalizer(h, fn);  // not reached; freed just after
    } else {
      G.old_finalizers.push_back({h, fn});
    }
  }
  G.young_finalizers.swap(still_young);
}

// Drags the items of card `k` of the card-marked array `h`; the card stays
// dirty for the next minor collection if it now points into the to-space.
void drag_card(rpy_gchdr* h, const rpy_typeinfo& ti, int64_t k) {
  int64_t len = array_length(h, ti);
  char* items = reinterpret_cast<char*>(h) + ti.items_offset;
  G.young_ref_seen = false;
  int64_t end = std::min(len, (k + 1) << kCardShift);
  visit_items<drag_out>(items, ti, k << kCardShift, end);
  if (G.young_ref_seen) G.cards_kept.push_back({h, (size_t)k});
}

// The card table of an old card-marked array, made (all clean) and the
// array listed in Gc::carded at its first dirty card since a minor collection.
std::vector<uint8_t>& card_table(rpy_gchdr* h) {
  std::vector<uint8_t>& c = G.cards[h];
  if (!(h->gcflags & F_CARDS_SET)) {
    h->gcflags |= F_CARDS_SET;
    c.assign((size_t)((array_length(h, typeinfo(h)) + kCardItems - 1) >> kCardShift), 0);
    G.carded.push_back(h);
    G.card_arrays++;
  }
  return c;
}

// The dirty cards of the old arrays the barrier saw: their items are roots
// of this minor collection (the rest of the array holds no young refs).
void scan_cards() {
  for (rpy_gchdr* h : G.carded) {
    const rpy_typeinfo& ti = typeinfo(h);
    const std::vector<uint8_t>& c = G.cards[h];
    for (size_t k = 0; k < c.size(); k++) {
      if (!c[k]) continue;
      G.cards_scanned++;
      drag_card(h, ti, (int64_t)k);
    }
    h->gcflags &= ~F_CARDS_SET;
    // As for the remembered set: a marked array written while marking may
    // now hold refs to unmarked objects.
    if (G.state == State::Marking && (h->gcflags & (F_VISITED | F_RESCAN)) == F_VISITED) {
      h->gcflags |= F_RESCAN;
      G.rescan.push_back(h);
    }
  }
  G.carded.clear();
  G.cards.clear();
  G.last_carded = nullptr;
  G.last_cards = nullptr;
}

// After the scanning: the cards found pointing into the to-space are dirty
// for the next minor collection.
void keep_young_cards() {
  for (auto [h, k] : G.cards_kept) card_table(h)[k] = 1;
  G.cards_kept.clear();
}

// An old object scanned whole by this minor collection (remembered, or
// just promoted): if it still points into the to-space it must be scanned
// again by the next one. A big array keeps the cards that do, not all of it.
void drag_old_object(rpy_gchdr* h) {
  if (!(h->gcflags & F_HAS_CARDS)) {
    G.young_ref_seen = false;
    trace<drag_out>(h);
    if (G.young_ref_seen) {
      h->gcflags |= RPY_GCFLAG_NO_BARRIER;
      G.next_remembered.push_back(h);
    } else {
      h->gcflags &= ~RPY_GCFLAG_NO_BARRIER;
    }
    return;
  }
  const rpy_typeinfo& ti = typeinfo(h);
  char* base = reinterpret_cast<char*>(h);
  // The fixed part (and a custom trace): no cards cover it, so a young ref
  // there keeps the whole array remembered.
  G.young_ref_seen = false;
  for (uint32_t k = 0; k < ti.n_ptrs; k++) drag_out(reinterpret_cast<void**>(base + ti.ptr_offsets[k]));
  if (ti.custom_trace) {
    VisitCtx ctx{drag_out};
    ti.custom_trace(h, visit_adapter, &ctx);
  }
  bool fixed_part_young = G.young_ref_seen;
  int64_t len = array_length(h, ti);
  for (int64_t k = 0; k << kCardShift < len; k++) drag_card(h, ti, k);
  if (fixed_part_young) {
    h->gcflags |= RPY_GCFLAG_NO_BARRIER;  // scanned whole (card by card) next time
    G.next_remembered.push_back(h);
  } else {
    h->gcflags &= ~RPY_GCFLAG_NO_BARRIER;  // item stores mark cards again
  }
}

inline rpy_gchdr* forwarded(rpy_gchdr* h) { return *reinterpret_cast<rpy_gchdr**>(reinterpret_cast<char*>(h) + 8); }

// Whether a young object survives this minor collection, and where it is now.
inline rpy_gchdr* young_survivor(rpy_gchdr* h) {
  if (in_young(h)) return (h->gcflags & F_FORWARDED) ? forwarded(h) : nullptr;
  if (h->gcflags & F_YOUNG_LARGE) return nullptr;  // large, not reached
  return h;                                        // old or prebuilt
}

// After the copying: a young weakref that survived follows its copy and
// points to its target's copy, or to nothing if the target died.
// One that is still young or whose target is stays in the young list (an
// old weakref may point to a survivor).
void young_weakrefs_after_minor() {
  std::vector<rpy_weakref*> still_young;
  for (rpy_weakref* w : G.young_weakrefs) {
    auto* nw = reinterpret_cast<rpy_weakref*>(young_survivor(&w->hdr));
    if (!nw) continue;
    if (nw->target) {
      rpy_gchdr* t = young_survivor(static_cast<rpy_gchdr*>(nw->target));
      nw->target = t;
    }
    if (in_to_space(nw) || (nw->target && in_to_space(nw->target))) still_young.push_back(nw);
    else G.old_weakrefs.push_back(nw);
  }
  G.young_weakrefs.swap(still_young);
}

void minor_collection() {
  double t0 = now_seconds();
  size_t old_before = G.old_bytes;
  G.in_collection = true;
  G.stats.total_allocated += (uint64_t)(rpy_nursery_free - G.nursery_start);
  // The string index cache holds raw string addresses, stale once they move.
  rpy_str_index_cache_clear();
  G.to_start = G.to_bump = G.surv[1 - G.surv_cur];
  G.to_end = G.to_start + (G.promote_all ? 0 : G.surv_size);
  if (G.cfg.debug && G.surv_size) {
    if (mprotect(G.to_start, G.surv_size, PROT_READ | PROT_WRITE) != 0) fatal("mprotect");
  }
  for (void** s = rpy_shadowstack_base; s < rpy_shadowstack_top; s++) drag_out(s);
  for (void** s : G.static_roots) drag_out(s);
  for (rpy_gchdr* h : G.remembered) {
    drag_old_object(h);
    // Written while marking: it may now hold refs to unmarked objects, so a
    // marked object is scanned again (prebuilt ones are rescanned as roots).
    if (G.state == State::Marking && (h->gcflags & (F_VISITED | F_RESCAN)) == F_VISITED) {
      h->gcflags |= F_RESCAN;
      G.rescan.push_back(h);
    }
  }
  G.remembered.clear();
  if (!G.carded.empty()) scan_cards();
  while (!G.to_scan.empty()) {
    rpy_gchdr* h = G.to_scan.back();
    G.to_scan.pop_back();
    // A promoted object pointing to a survivor is an old-to-young ref the
    // barrier never saw: drag_old_object remembers it.
    if (in_to_space(h)) trace<drag_out>(h);
    else drag_old_object(h);
  }
  G.remembered.swap(G.next_remembered);
  if (!G.cards_kept.empty()) keep_young_cards();
  // Before the finalizers, so that a __del__ sees dead objects' weakrefs cleared.
  if (!G.young_weakrefs.empty()) young_weakrefs_after_minor();
  if (!G.young_finalizers.empty()) young_finalizers_after_minor();
  for (rpy_gchdr* h : G.young_large) {
    if (h->gcflags & F_YOUNG_LARGE) {  // not reached
      if (G.cfg.debug) memset(h, 0xDB, obj_size(h));
      free(h);
    }
  }
  G.young_large.clear();
  G.young_large_bytes = 0;
  G.nursery_hashes.clear();
  G.nursery_hashes.swap(G.next_hashes);
  if (G.surv_size) {
    // The from-space is garbage now; in debug mode poisoned and unmapped
    // until it is the to-space again, so a stale ref into it faults.
    if (G.cfg.debug) {
      memset(G.surv[G.surv_cur], 0xDD, (size_t)(G.surv_end - G.surv[G.surv_cur]));
      if (mprotect(G.surv[G.surv_cur], G.surv_size, PROT_NONE) != 0) fatal("mprotect");
    }
    G.surv_cur = 1 - G.surv_cur;
    G.surv_end = G.to_bump;
  }
  G.to_start = G.to_bump = G.to_end = nullptr;
  if (G.cfg.debug) {
    switch_debug_nursery();
  } else {
    G.high_water = std::max(G.high_water, rpy_nursery_free);
  }
  rpy_nursery_free = G.nursery_start;
  // The next allocation takes the slow path, which zeroes the first chunk.
  G.zeroed_end = G.nursery_start;
  rpy_nursery_top = G.nursery_start;
  G.in_collection = false;
  G.last_promoted = G.old_bytes - old_before;
  G.stats.minor_collections++;
  double dt = now_seconds() - t0;
  G.stats.minor_seconds += dt;
  if (dt > G.max_minor_pause) G.max_minor_pause = dt;
}

// ---- major collection ---------------------------------------------------------

// An old object the marking that just ended did not reach: the sweep frees it.
inline bool unmarked(const rpy_gchdr* h) { return !(h->gcflags & (F_VISITED | RPY_GCFLAG_PREBUILT)); }

void mark_slot(void** slot) {
  void* p = *slot;
  if (!is_ref(p)) return;
  auto* h = static_cast<rpy_gchdr*>(p);
  if (h->gcflags & (F_VISITED | RPY_GCFLAG_PREBUILT)) return;
  if (in_young(p)) return;  // a survivor: scanned as a root by mark_roots
  h->gcflags |= F_VISITED;
  G.gray.push_back(h);
}

void mark_roots() {
  // Scanned again through the gray list, so within the step's budget (a big
  // written array costs its size once, not all at once here).
  for (rpy_gchdr* h : G.rescan) {
    h->gcflags &= ~F_RESCAN;
    G.gray.push_back(h);
  }
  G.rescan.clear();
  for (void** s = rpy_shadowstack_base; s < rpy_shadowstack_top; s++) mark_slot(s);
  for (void** s : G.static_roots) mark_slot(s);
  for (rpy_gchdr* h : G.prebuilt_roots) trace<mark_slot>(h);
  // Marking steps run just after a minor collection: the only young
  // objects are the survivors, all live then, and written without a
  // barrier, so they are roots, scanned again at the end like the stack.
  for (char* p = G.surv[G.surv_cur]; p < G.surv_end;) {
    auto* h = reinterpret_cast<rpy_gchdr*>(p);
    trace<mark_slot>(h);
    p += obj_size(h);
  }
}

// Scans gray objects until about `budget` bytes of them are done; true when
// none are left.
bool mark_some(size_t budget) {
  size_t work = 0;
  while (!G.gray.empty()) {
    if (work >= budget) return false;
    rpy_gchdr* h = G.gray.back();
    G.gray.pop_back();
    work += obj_size(h);
    trace<mark_slot>(h);
  }
  return true;
}

// When marking has ended: what needs the complete marking at once (weak
// references, finalizers) before sweeping frees anything.
void end_marking() {
  // Old objects still holding refs to survivors are remembered (or carded)
  // from one minor collection to the next; an unreached one is freed by
  // this sweep and must not be scanned again.
  std::erase_if(G.remembered, unmarked);
  if (std::erase_if(G.carded, unmarked)) {
    for (auto it = G.cards.begin(); it != G.cards.end();) it = unmarked(it->first) ? G.cards.erase(it) : std::next(it);
    G.last_carded = nullptr;
    G.last_cards = nullptr;
  }
  // Weakrefs first: a finalizer may read one whose target dies now.
  if (!G.young_weakrefs.empty()) {
    // Young ones or old ones pointing to a survivor (see the minor
    // collection): an old one may die now, an old target too.
    size_t k = 0;
    for (rpy_weakref* w : G.young_weakrefs) {
      if (!in_young(w) && unmarked(&w->hdr)) continue;
      auto* t = static_cast<rpy_gchdr*>(w->target);
      if (t && !in_young(t) && unmarked(t)) w->target = nullptr;
      G.young_weakrefs[k++] = w;
    }
    G.young_weakrefs.resize(k);
  }
  if (!G.old_weakrefs.empty()) {
    size_t k = 0;
    for (rpy_weakref* w : G.old_weakrefs) {
      if (!(w->hdr.gcflags & F_VISITED)) continue;  // freed below
      auto* t = static_cast<rpy_gchdr*>(w->target);
      if (t && unmarked(t)) w->target = nullptr;
      G.old_weakrefs[k++] = w;
    }
    G.old_weakrefs.resize(k);
  }
  if (!G.old_finalizers.empty()) {
    size_t k = 0;
    for (auto [h, fn] : G.old_finalizers) {
      if ((h->gcflags & F_VISITED) || (h->gcflags & RPY_GCFLAG_PREBUILT)) G.old_finalizers[k++] = {h, fn};
      else run_finalizer(h, fn);
    }
    G.old_finalizers.resize(k);
  }
  // Every page now waits for its sweep; until then nothing is allocated
  // in it (a new object there would look dead to the sweep).
  G.to_sweep.clear();
  G.sweep_page = 0;
  for (SizeClass& sc : G.classes) {
    for (Page* pg : sc.pages) {
      pg->in_partial = 0;
      G.to_sweep.push_back(pg);
    }
    sc.pages.clear();
    sc.partial.clear();
    sc.cur = nullptr;
    sc.free = nullptr;
  }
  G.sweep_pos = G.sweep_kept = 0;
  G.sweep_end = G.large_objects.size();
  G.sweep_before = G.old_bytes;
  G.state = State::Sweeping;
}

// Frees the unmarked objects of a page, unmarks the others, rebuilds its
// free list (in address order) and gives it back to its class. Returns the
// bytes freed.
size_t sweep_one_page(Page* pg) {
  size_t size = pg->size, freed = 0;
  char* first = pg->slots();
  void* free = nullptr;
  bool debug = G.cfg.debug, live = false;
  for (char* q = pg->bump - size; q >= first; q -= size) {
    auto* h = reinterpret_cast<rpy_gchdr*>(q);
    if (h->tid == 0) {
      if (debug) continue;  // freed and poisoned: never reused
    } else if (h->gcflags & F_VISITED) {
      h->gcflags &= ~F_VISITED;
      live = true;
      continue;
    } else {
      freed += size;
      if (debug) {
        // Never reused in debug mode, so a dangling ref reads the poison
        // (and type id 0, which the collector rejects).
        memset(q, 0xDB, size);
        h->tid = 0;
        continue;
      }
      h->tid = 0;
    }
    *reinterpret_cast<void**>(q + 8) = free;
    free = q;
  }
  pg->free = free;
  // Debug mode reuses no slot: a page without live objects is done with
  // for good (left poisoned), or every later sweep would walk it again.
  if (debug && !live) return freed;
  SizeClass& sc = G.classes[size / 8];
  sc.pages.push_back(pg);
  if (free || pg->bump + size <= pg->end) {
    pg->in_partial = 1;
    sc.partial.push_back(pg);
  }
  return freed;
}

void free_large(rpy_gchdr* h, size_t size) {
  if (G.cfg.debug) memset(h, 0xDB, size);
  free(h);
}

// Sweeps about `budget` bytes of old objects (pages, then large objects);
// true when the sweep is done. old_bytes drops by what is freed.
bool sweep_some(size_t budget) {
  size_t work = 0, freed = 0;
  while (G.sweep_page < G.to_sweep.size() && work < budget) {
    freed += sweep_one_page(G.to_sweep[G.sweep_page++]);
    work += kPageSize;
  }
  size_t i = G.sweep_pos, j = G.sweep_kept;
  rpy_gchdr** objs = G.large_objects.data();
  for (; i < G.sweep_end && work < budget; i++) {
    rpy_gchdr* h = objs[i];
    size_t size = block_size(h);
    if (h->gcflags & F_VISITED) {
      h->gcflags &= ~F_VISITED;
      objs[j++] = h;
      work += 16;  // a survivor costs its header only
    } else {
      free_large(h, size);
      freed += size;
      work += size;
    }
  }
  G.old_bytes -= freed;
  G.sweep_pos = i;
  G.sweep_kept = j;
  if (G.sweep_page < G.to_sweep.size() || i < G.sweep_end) return false;
  G.to_sweep.clear();
  // The objects promoted while sweeping follow the survivors.
  size_t n = G.large_objects.size();
  std::copy(objs + G.sweep_end, objs + n, objs + j);
  G.large_objects.resize(j + (n - G.sweep_end));
  G.state = State::Idle;
  double next = (double)G.old_bytes * G.cfg.major_factor;
  G.next_major = std::max((size_t)next, G.cfg.min_major_threshold);
  G.stats.major_collections++;
  log_line("gc-collect-done old before=%zu after=%zu next major at %zu, %.6f s since start}", G.sweep_before,
           G.old_bytes, G.next_major, now_seconds() - G.major_start_time);
  return true;
}

void start_major() {
  // The pressure so far is what this major answers; more added while it
  // runs counts towards the next one.
  G.memory_pressure = 0;
  G.state = State::Marking;
  G.finish_attempts = 0;
  G.major_start_time = now_seconds();
  log_line("{gc-collect-start old=%zu bytes", G.old_bytes);
  mark_roots();
}

// Called right after a minor collection (nursery empty, remembered set
// processed), which is what makes the root rescan exact. Marking ends at a
// step where, the gray objects all scanned, rescanning the roots and the
// marked objects written since finds nothing left to scan within the
// budget; otherwise that rescan's objects are marked by the next steps, so
// a pause stays bounded by the budget (plus the roots themselves) whatever
// the mutator did since marking started. After a few such attempts the
// last one runs to the end, so marking terminates even against a mutator
// that keeps writing.
void major_step(bool finish) {
  double t0 = now_seconds();
  if (G.state == State::Marking) {
    size_t budget = finish ? SIZE_MAX : std::max(G.cfg.mark_budget, 2 * G.last_promoted);
    if (mark_some(budget)) {
      if (++G.finish_attempts >= 8) budget = SIZE_MAX;
      mark_roots();
      if (mark_some(budget)) end_marking();
    }
  }
  if (G.state == State::Sweeping && !finish) sweep_some(G.cfg.sweep_budget);
  else if (G.state == State::Sweeping) sweep_some(SIZE_MAX);
  G.stats.major_seconds += now_seconds() - t0;
}

// A major collection already marking when this is called kept the objects
// promoted since it started (and those the roots reached then): finishing it
// is not enough to free everything dead now, which rgc.collect() and weak
// references promise. Finish it, then do a complete one.
void full_collection() {
  G.promote_all = true;  // survivors too: everything dead now is freed
  minor_collection();
  G.promote_all = false;
  if (G.state != State::Idle) major_step(true);
  start_major();
  major_step(true);
}

void note_pause(double t0) {
  double d = now_seconds() - t0;
  if (d > G.stats.max_pause_seconds) G.stats.max_pause_seconds = d;
}

// A minor collection, and the major work due after it.
void collect_step() {
  double t0 = now_seconds();
  minor_collection();
  if (G.state != State::Idle) {
    major_step(false);
  } else if (G.old_bytes + G.memory_pressure > G.next_major ||
             (G.cfg.debug && G.stats.minor_collections % 16 == 0)) {
    start_major();
    major_step(false);
  }
  note_pause(t0);
}

// Whether `extra` more bytes keep the heap under PYPY_GC_MAX, collecting
// fully first when they would not.
bool heap_has_room(size_t extra) {
  if (!G.cfg.max_heap) return true;
  auto fits = [&] { return G.old_bytes + G.young_large_bytes + extra <= G.cfg.max_heap; };
  if (fits()) return true;
  full_collection();
  return fits();
}

void raise_memory_error() {
  if (G.raising_oom) return;
  G.raising_oom = true;
  rpy_raise_cstr(&rpy_vt_MemoryError, nullptr);
  G.raising_oom = false;
}

void* alloc_large(uint32_t tid, size_t size) {
  if ((G.cfg.debug || G.young_large_bytes + size > G.cfg.nursery_size) && !G.in_collection) collect_step();
  if (!heap_has_room(size)) {
    raise_memory_error();
    return nullptr;
  }
  void* p = calloc(1, size);
  if (!p) {
    full_collection();
    p = calloc(1, size);
    if (!p) {
      raise_memory_error();
      return nullptr;
    }
  }
  auto* h = static_cast<rpy_gchdr*>(p);
  h->tid = tid;
  h->gcflags = RPY_GCFLAG_NO_BARRIER | F_YOUNG_LARGE | F_LARGE;
  G.young_large.push_back(h);
  G.young_large_bytes += size;
  G.stats.total_allocated += size;
  return p;
}

void check_tid(uint32_t tid, size_t size, bool fixed_api) {
  if (tid >= rpy_gc_ntypes || rpy_gc_types[tid].fixedsize == 0) {
    char msg[96];
    snprintf(msg, sizeof msg, "GC: allocation of unregistered type id %u", tid);
    fatal(msg);
  }
  const rpy_typeinfo& ti = rpy_gc_types[tid];
  if (fixed_api && !(ti.flags & RPY_TI_VARSIZE) && rpy_gc_round_size(ti.fixedsize) != rpy_gc_round_size(size)) {
    char msg[160];
    snprintf(msg, sizeof msg, "GC: type id %u allocated with %zu bytes, the type table says %u", tid, size,
             ti.fixedsize);
    fatal(msg);
  }
}

constexpr size_t kNurseryCleanup = 256 * 1024;  // well inside L2

// Zeroes the nursery from zeroed_end to at least `upto` (and a chunk more).
void zero_nursery_ahead(char* upto) {
  char* end = std::min(std::max(upto, G.zeroed_end + kNurseryCleanup), G.nursery_end);
  char* dirty_end = std::min(end, G.high_water);
  if (G.zeroed_end < dirty_end) memset(G.zeroed_end, 0, (size_t)(dirty_end - G.zeroed_end));
  G.zeroed_end = end;
}

// Room for `size` bytes (rounded) in the nursery, or a large object.
void* allocate(uint32_t tid, size_t size) {
  if (__builtin_expect(!G.initialized, 0)) rpy_gc_init();
  if (G.in_finalizer) fatal("a __del__ method allocated: finalizers run inside the collector and must not allocate");
  if (size > G.large_threshold) return alloc_large(tid, size);
  auto need_collect = [&] { return G.cfg.debug || (size_t)(G.nursery_end - rpy_nursery_free) < size; };
  if (need_collect()) collect_step();
  // A minor collection may promote the nursery and the survivors.
  if (G.cfg.max_heap && !G.raising_oom && !heap_has_room(G.cfg.nursery_size + G.surv_size)) {
    // Over the limit: the object is still handed out (callers of the
    // fixed-size entry points may use it), the pending MemoryError is what
    // the caller's exception check sees. Raised first: raising allocates,
    // which could move an object we had already carved out.
    raise_memory_error();
    if (need_collect()) collect_step();
  }
  char* p = rpy_nursery_free;
  rpy_nursery_free = p + size;
  // The fast path needs free <= top; in debug mode top == free keeps every
  // allocation coming here.
  if (G.cfg.debug) {
    rpy_nursery_top = rpy_nursery_free;
  } else {
    if (G.zeroed_end < rpy_nursery_free) zero_nursery_ahead(rpy_nursery_free);
    rpy_nursery_top = G.zeroed_end;
  }
  auto* h = reinterpret_cast<rpy_gchdr*>(p);
  h->tid = tid;
  h->gcflags = RPY_GCFLAG_NO_BARRIER;
  return p;
}

void* map_or_die(size_t size, int prot) {
  void* p = mmap(nullptr, size, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) fatal("GC: cannot map memory");
  return p;
}

}  // namespace

extern "C" {

char* rpy_nursery_free = nullptr;
char* rpy_nursery_top = nullptr;
void** rpy_shadowstack_top = nullptr;
void** rpy_shadowstack_base = nullptr;

void rpy_gc_init(void) {
  if (G.initialized) return;
  G.initialized = true;
  rpy_gc_types_init();
  Config& c = G.cfg;
  const char* dbg = getenv("RPY_GC_DEBUG");
#ifdef RPY_GC_DEBUG
  c.debug = !(dbg && strcmp(dbg, "0") == 0);
#else
  c.debug = dbg && *dbg && strcmp(dbg, "0") != 0;
#endif
  // 8 MB: objects that live about a nursery's worth of allocation (a
  // cache window, an interpreter's recent frames) are promoted and die old;
  // twice the nursery halves that work (bench/gc_churn/dictchurn: 265 ->
  // 198 ms), while RSS grows by the nursery only, which the program touches
  // anyway once it allocates that much.
  c.max_heap = parse_size(getenv("PYPY_GC_MAX"), 0);
  size_t default_nursery = c.debug ? 64 * 1024 : 8u << 20;
  // Under a heap limit the old generation keeps room for what a minor
  // collection may promote (the nursery and the survivors): a default
  // nursery is at most an eighth of the limit, so most of it stays usable.
  if (c.max_heap) default_nursery = std::min(default_nursery, c.max_heap / 8);
  c.nursery_size = parse_size(getenv("PYPY_GC_NURSERY"), default_nursery);
  c.nursery_size = std::max<size_t>((c.nursery_size + 4095) & ~(size_t)4095, 64 * 1024);
  if (const char* f = getenv("PYPY_GC_MAJOR_COLLECT")) {
    double v = strtod(f, nullptr);
    if (v > 1.0) c.major_factor = v;
  }
  // The old generation may reach this before a first major (PYPY_GC_MIN, as
  // PyPy's). Below a nursery: peak RSS is the nursery plus the old
  // generation, and a program with little live data must stay within twice
  // (live + nursery); majors of a small heap are cheap (marking is
  // proportional to what is live).
  c.min_major_threshold = c.debug ? 64 * 1024 : c.nursery_size / 4 * 3;
  c.min_major_threshold = parse_size(getenv("PYPY_GC_MIN"), c.min_major_threshold);
  G.next_major = c.min_major_threshold;
  // Marking must outpace promotion: a step marks at least twice what the
  // minor collection before it promoted (see major_step), as PyPy's.
  c.mark_budget = c.debug ? 512 : 4 * c.nursery_size;
  // Sweeping is cheaper per byte than marking (no tracing); it only has to
  // finish before the next major is due, which is at least a few nurseries
  // of promotion away.
  c.sweep_budget = c.debug ? 64 * kPageSize : 32 * c.nursery_size;
  c.log = open_log();
  if (c.log) atexit(write_summary);
  G.large_threshold = std::min<size_t>(c.nursery_size / 4, 128 * 1024);

  int nbuf = c.debug ? 2 : 1;
  for (int i = 0; i < nbuf; i++)
    G.nursery[i] = static_cast<char*>(c.debug ? map_or_die(c.nursery_size, PROT_READ | PROT_WRITE)
                                              : map_huge(c.nursery_size));
  // Large objects are malloc'ed one by one and freed by sweeping. With
  // glibc's defaults each one above 128 KB is its own mmap, unmapped when
  // freed: a program that keeps making big strings and lists paid a page
  // fault per 4 KB of each (half the faults of the string benchmarks).
  // Kept in the heap instead, freed blocks are reused.
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
  if (c.debug) mprotect(G.nursery[1], c.nursery_size, PROT_NONE);
  G.nursery_start = G.nursery[0];
  G.nursery_end = G.nursery_start + c.nursery_size;
  rpy_nursery_free = G.nursery_start;
  // In debug mode the inline fast path always fails, so every allocation
  // reaches the collector.
  G.zeroed_end = G.high_water = G.nursery_start;  // fresh mapping: zero
  rpy_nursery_top = G.nursery_start;
  G.stats.nursery_size = c.nursery_size;

  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  // Survivor spaces: half a nursery each by default, enough for a cycle's
  // survivors when most objects die young; more survivors than that are
  // promoted at once (a program keeping everything pays one copy, not two).
  G.surv_size = parse_size(getenv("RPY_GC_SURVIVOR"), c.nursery_size / 2);
  G.surv_size = (G.surv_size + page - 1) & ~(page - 1);
  if (G.surv_size) {
    for (char*& sp : G.surv)
      // Small pages: only the part a cycle's survivors use counts in RSS.
      sp = static_cast<char*>(map_or_die(G.surv_size, c.debug ? PROT_NONE : PROT_READ | PROT_WRITE));
    G.surv_end = G.surv[G.surv_cur];
  }
  char* ss = static_cast<char*>(map_or_die(kShadowStackBytes + page, PROT_READ | PROT_WRITE));
  mprotect(ss + kShadowStackBytes, page, PROT_NONE);  // overflow faults
  rpy_shadowstack_base = rpy_shadowstack_top = reinterpret_cast<void**>(ss);

  G.static_roots.push_back(reinterpret_cast<void**>(&rpy_exc_value));
}

void* rpy_gc_malloc_slowpath(uint32_t tid, size_t size) {
  if (__builtin_expect(!G.initialized, 0)) rpy_gc_init();
  if (G.cfg.debug) check_tid(tid, size, true);
  return allocate(tid, rpy_gc_round_size(size));
}

void* rpy_gc_malloc(uint32_t tid, size_t size) { return rpy_gc_malloc_fast(tid, size); }

void* rpy_gc_malloc_atomic(uint32_t tid, size_t size) { return rpy_gc_malloc_fast(tid, size); }

void* rpy_gc_malloc_varsize(uint32_t tid, size_t fixedsize, size_t itemsize, int64_t length,
                            size_t length_offset, bool atomic) {
  (void)atomic;  // the type table knows whether the items are refs
  size_t items, total;
  if (__builtin_expect(length < 0 || __builtin_mul_overflow((size_t)length, itemsize, &items) ||
                           __builtin_add_overflow(fixedsize, items, &total) || total > kMaxObjectSize,
                       0)) {
    raise_memory_error();
    return nullptr;
  }
  if (__builtin_expect(!G.initialized, 0)) rpy_gc_init();
  if (G.cfg.debug) check_tid(tid, total, false);
  total = rpy_gc_round_size(total);
  char* p;
  if (total <= G.large_threshold && (size_t)(rpy_nursery_top - rpy_nursery_free) >= total) {
    p = rpy_nursery_free;
    rpy_nursery_free = p + total;
    auto* h = reinterpret_cast<rpy_gchdr*>(p);
    h->tid = tid;
    h->gcflags = RPY_GCFLAG_NO_BARRIER;
  } else {
    p = static_cast<char*>(allocate(tid, total));
    if (!p) return nullptr;
  }
  *reinterpret_cast<int64_t*>(p + length_offset) = length;
  return p;
}

void rpy_gc_write_barrier(void* obj) {
  auto* h = static_cast<rpy_gchdr*>(obj);
  if (h->gcflags & RPY_GCFLAG_NO_BARRIER) return;
  if ((h->gcflags & (RPY_GCFLAG_PREBUILT | F_PREBUILT_ROOTED)) == RPY_GCFLAG_PREBUILT) {
    // From now on it may hold refs to heap objects: a root for every major.
    h->gcflags |= F_PREBUILT_ROOTED;
    G.prebuilt_roots.push_back(h);
  }
  h->gcflags |= RPY_GCFLAG_NO_BARRIER;
  G.remembered.push_back(h);
}

void rpy_gc_write_barrier_from_array(void* array, int64_t index) {
  auto* h = static_cast<rpy_gchdr*>(array);
  if (h->gcflags & RPY_GCFLAG_NO_BARRIER) return;
  if (!(h->gcflags & F_HAS_CARDS)) {
    rpy_gc_write_barrier(array);
    return;
  }
  if (h != G.last_carded) {
    std::vector<uint8_t>& c = card_table(h);
    G.last_carded = h;
    G.last_cards = c.data();
  }
  G.last_cards[(size_t)index >> kCardShift] = 1;
}

void rpy_gc_register_root(void** slot) {
  rpy_gc_init();
  G.static_roots.push_back(slot);
}

void rpy_gc_collect(void) {
  rpy_gc_init();
  full_collection();
}

int64_t rpy_gc_identityhash(void* obj) {
  auto* h = static_cast<rpy_gchdr*>(obj);
  if (in_young(obj)) {
    if (h->gcflags & F_HASHTAKEN) return G.nursery_hashes.at(obj);
    h->gcflags |= F_HASHTAKEN;
    // Nursery addresses are reused by every cycle: mix in which cycle.
    int64_t v = address_hash(obj) ^ (int64_t)(G.stats.minor_collections * 0x9E3779B97F4A7C15ull);
    G.nursery_hashes.emplace(obj, v);
    return v;
  }
  if (h->gcflags & F_HASHFIELD)
    return *reinterpret_cast<int64_t*>(static_cast<char*>(obj) + obj_size(h));
  return address_hash(obj);
}

bool rpy_gc_can_move(void* obj) { return in_young(obj); }

void rpy_gc_get_stats(rpy_gc_stats* out) {
  *out = G.stats;
  out->total_allocated = total_allocated();
  out->old_bytes = G.old_bytes;
  out->peak_old_bytes = G.peak_old_bytes;
  out->nursery_size = G.cfg.nursery_size;
}

int rpy_gc_debug_mode(void) { return G.cfg.debug; }

}  // extern "C"

extern "C" void rpy_gc_register_finalizer(void* obj, void (*fn)(void*)) {
  auto* h = static_cast<rpy_gchdr*>(obj);
  if (in_young(obj) || (h->gcflags & F_YOUNG_LARGE)) G.young_finalizers.push_back({h, fn});
  else G.old_finalizers.push_back({h, fn});
}

// ---- rpython.rlib.rweakref, rpython.rlib.rgc -------------------------------------

extern "C" {

rpy_weakref* rpy_weakref_create(rpy_object* obj) {
  rpy_gcref<rpy_object> target(obj);
  auto* w = static_cast<rpy_weakref*>(rpy_gc_malloc(RPY_TID_WEAKREF, sizeof(rpy_weakref)));
  w->target = target.get();
  // Always a nursery object (16 bytes), so it is young and needs no barrier.
  G.young_weakrefs.push_back(w);
  return w;
}

bool rpy_gc_can_move_obj(rpy_object* obj) { return rpy_gc_can_move(obj); }

bool rpy_gc_pin(rpy_object* obj) {
  rpy_gcref<rpy_object> r(obj);
  if (in_young(obj) && !G.in_collection) {
    G.promote_all = true;  // old now, so it stays where it is
    collect_step();
    G.promote_all = false;
  }
  r.get()->hdr.gcflags |= F_PINNED;
  return true;
}

void rpy_gc_unpin(rpy_object* obj) { obj->hdr.gcflags &= ~F_PINNED; }

bool rpy_gc_is_pinned(rpy_object* obj) { return obj->hdr.gcflags & F_PINNED; }

void rpy_gc_add_memory_pressure(Signed bytes) {
  if (bytes <= 0) return;
  G.memory_pressure += (size_t)bytes;
  if (G.state == State::Idle && G.old_bytes + G.memory_pressure > G.next_major && !G.in_collection) collect_step();
}

Signed rpy_gc_get_stat(Signed what) {
  rpy_gc_init();
  switch (what) {
    case RPY_STAT_TOTAL_MEMORY:
      return (Signed)(G.old_bytes + (size_t)(rpy_nursery_free - G.nursery_start) +
                      (size_t)(G.surv_end - G.surv[G.surv_cur]));
    case RPY_STAT_PEAK_MEMORY: return (Signed)G.peak_old_bytes;
    case RPY_STAT_MINOR_COLLECTIONS: return (Signed)G.stats.minor_collections;
    case RPY_STAT_MAJOR_COLLECTIONS: return (Signed)G.stats.major_collections;
    case RPY_STAT_TOTAL_ALLOCATED: return (Signed)total_allocated();
    case RPY_STAT_NURSERY_SIZE: return (Signed)G.cfg.nursery_size;
    case RPY_STAT_MEMORY_PRESSURE: return (Signed)G.memory_pressure;
    default: return -1;
  }
}

}  // extern "C"
