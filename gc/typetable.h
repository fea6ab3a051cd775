// The type table: what the GC (and later the JIT) knows about each type id.
// One entry per type id; the generated program registers its table at startup,
// the runtime's own types (string, exception) are built in. docs/GC.md.
#pragma once
#include <cstddef>
#include <cstdint>

extern "C" {

enum : uint32_t {
  RPY_TI_VARSIZE = 1u << 0,        // has a length field and items after the fixed part
  RPY_TI_HAS_FINALIZER = 1u << 1,  // finalizer != NULL (not run yet: see docs/GC.md)
  RPY_TI_CUSTOM_TRACE = 1u << 2,   // custom_trace visits refs the offsets do not describe
  RPY_TI_WEAKREF = 1u << 3,        // rpy_weakref: the ref at offset 8 is weak (not in ptr_offsets)
};

typedef void (*rpy_gc_visit_fn)(void** slot, void* ctx);

struct rpy_typeinfo {
  uint32_t flags;          // RPY_TI_*
  uint32_t fixedsize;      // bytes of an instance with 0 items (header included,
                           // for strings the trailing NUL too)
  uint32_t itemsize;       // varsize: bytes per item
  uint32_t length_offset;  // varsize: offset of the int64 item count
  uint32_t items_offset;   // varsize: offset of item 0 (<= fixedsize)
  uint32_t n_ptrs;         // GC refs in the fixed part ...
  const uint32_t* ptr_offsets;   // ... at these byte offsets
  uint32_t n_item_ptrs;    // GC refs in each item (1 with offset 0 for an array of refs) ...
  const uint32_t* item_ptr_offsets;  // ... at these offsets inside the item
  void (*finalizer)(void* obj);
  // For objects whose refs depend on their contents (JIT frames): called on
  // every trace in addition to the offsets.
  void (*custom_trace)(void* obj, rpy_gc_visit_fn visit, void* ctx);
  const char* name;        // for debugging and gc logs
};

// table[i] describes type id i. Entries below RPY_FIRST_PROGRAM_TID are
// ignored (the runtime's, built in) and may be zero. The table must outlive
// the program (codegen emits it as static data); registering again replaces
// the previous program table.
void rpy_gc_register_types(const rpy_typeinfo* table, size_t n);

// The merged table, indexed by type id (NULL entries for unknown ids), for
// the JIT's descriptors and for debugging tools.
const rpy_typeinfo* rpy_gc_typeinfo(uint32_t tid);
size_t rpy_gc_num_types(void);

// The same table as an array, for the collector's inner loops (valid after
// rpy_gc_types_init() or any registration; entries with fixedsize 0 are unknown ids).
extern const rpy_typeinfo* rpy_gc_types;
extern size_t rpy_gc_ntypes;
void rpy_gc_types_init(void);

}  // extern "C"
