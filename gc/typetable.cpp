// The merged type table: the runtime's built-in types plus the program's.
// Shared by both GC implementations (Boehm only keeps it for the JIT).
#include "gc/typetable.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "runtime/rpy.h"

namespace {

// rpy_exception derives from rpy_object (not standard-layout, so no
// offsetof): msg follows the base.
const uint32_t kExceptionPtrs[] = {sizeof(rpy_object)};
const uint32_t kItemIsPtr[] = {0};
const uint32_t kStrlistPtrs[] = {offsetof(rpy_strlist, items)};
const uint32_t kBytearrayPtrs[] = {offsetof(rpy_bytearray, buf)};

rpy_typeinfo builtin(uint32_t tid) {
  rpy_typeinfo ti{};
  switch (tid) {
    case RPY_TID_STRING:
      ti.flags = RPY_TI_VARSIZE;
      // The NUL after the data is part of every string, so it counts in the
      // fixed size; the "length" the size depends on is nbytes.
      ti.fixedsize = offsetof(rpy_string, data) + 1;
      ti.itemsize = 1;
      ti.length_offset = offsetof(rpy_string, nbytes);
      ti.items_offset = offsetof(rpy_string, data);
      ti.name = "str";
      break;
    case RPY_TID_EXCEPTION:
      ti.fixedsize = sizeof(rpy_exception);
      ti.n_ptrs = 1;
      ti.ptr_offsets = kExceptionPtrs;
      ti.name = "exception";
      break;
    case RPY_TID_STRLIST:
      ti.fixedsize = sizeof(rpy_strlist);
      ti.n_ptrs = 1;
      ti.ptr_offsets = kStrlistPtrs;
      ti.name = "list[str]";
      break;
    case RPY_TID_STRARRAY:
      ti.flags = RPY_TI_VARSIZE;
      ti.fixedsize = offsetof(rpy_strarray, items);
      ti.itemsize = sizeof(rpy_string*);
      ti.length_offset = offsetof(rpy_strarray, length);
      ti.items_offset = offsetof(rpy_strarray, items);
      ti.n_item_ptrs = 1;
      ti.item_ptr_offsets = kItemIsPtr;
      ti.name = "array[str]";
      break;
    case RPY_TID_DICTINDEX:
      ti.flags = RPY_TI_VARSIZE;
      ti.fixedsize = offsetof(rpy_dictindex, items);
      ti.itemsize = sizeof(int32_t);
      ti.length_offset = offsetof(rpy_dictindex, length);
      ti.items_offset = offsetof(rpy_dictindex, items);
      ti.name = "dict index";
      break;
    case RPY_TID_BYTEARRAY:
      ti.fixedsize = sizeof(rpy_bytearray);
      ti.n_ptrs = 1;
      ti.ptr_offsets = kBytearrayPtrs;
      ti.name = "bytearray";
      break;
    case RPY_TID_WEAKREF:
      ti.flags = RPY_TI_WEAKREF;
      ti.fixedsize = sizeof(rpy_weakref);
      ti.name = "weakref";
      break;
    default:
      break;
  }
  return ti;
}

std::vector<rpy_typeinfo>& table() {
  static std::vector<rpy_typeinfo> t = [] {
    std::vector<rpy_typeinfo> v(RPY_FIRST_PROGRAM_TID);
    for (uint32_t i = 0; i < RPY_FIRST_PROGRAM_TID; i++) v[i] = builtin(i);
    rpy_gc_types = v.data();
    rpy_gc_ntypes = v.size();
    return v;
  }();
  return t;
}

}  // namespace

extern "C" {

const rpy_typeinfo* rpy_gc_types = nullptr;
size_t rpy_gc_ntypes = 0;

void rpy_gc_register_types(const rpy_typeinfo* program, size_t n) {
  auto& t = table();
  t.resize(RPY_FIRST_PROGRAM_TID);
  for (size_t i = RPY_FIRST_PROGRAM_TID; i < n; i++) {
    rpy_typeinfo ti = program[i];
    if ((ti.flags & RPY_TI_VARSIZE) && ti.items_offset > ti.fixedsize) {
      fprintf(stderr, "fatal error: type table entry %zu: items_offset beyond fixedsize\n", i);
      abort();
    }
    t.push_back(ti);
  }
  rpy_gc_types = t.data();
  rpy_gc_ntypes = t.size();
}

const rpy_typeinfo* rpy_gc_typeinfo(uint32_t tid) {
  auto& t = table();
  if (tid >= t.size() || t[tid].fixedsize == 0) return nullptr;
  return &t[tid];
}

size_t rpy_gc_num_types(void) { return table().size(); }

void rpy_gc_types_init(void) { (void)table(); }

}  // extern "C"
