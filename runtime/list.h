// The slow path of resizable lists: growing the items array. Everything
// else a list does (length, indexing, the fast path of append and pop) is
// low-level operations in the rtyped graphs (rtyper/rlist.cpp), as RPython's
// rlist does, so the JIT sees them; this is the one call they make, declared
// in the rtyper as an external with its effects (oopspec list.resize_ge).
//
// Layouts (low-level types the rtyper builds per item type):
//   struct L { hdr; Signed length; A* items; }       // length <= items->length
//   struct A { hdr; Signed length; T items[]; }      // length = capacity
// Items in [length, capacity) are zero: pop clears the slot it frees, so
// the GC never keeps a popped object alive and a grown list starts clean.
// Generated code includes this after rpy.h.
#pragma once
#include <cstring>
#include <type_traits>

// Codegen specializes this per array type: its type id, item size and
// offset, and whether the items are GC refs the collector must trace.
template <class A>
struct rpy_array_info;

template <>
struct rpy_array_info<rpy_strarray> {
  static constexpr uint32_t tid = RPY_TID_STRARRAY;
  static constexpr size_t itemsize = sizeof(rpy_string*), itemsoffset = offsetof(rpy_strarray, items);
  static constexpr bool gcrefs = true;
};

// Makes room for at least `newlength` items (the length is unchanged).
// Over-allocates geometrically, so n appends cost O(n) copies in total.
// Collects (the list is rooted across the allocation); on MemoryError the
// list is left as it was, with the exception set.
template <class L>
__attribute__((noinline)) void rpy_list_resize_ge(L* l, Signed newlength) {
  using A = std::remove_pointer_t<decltype(l->items)>;
  using I = rpy_array_info<A>;
  Signed cap = l->items->length;
  if (newlength <= cap) return;
  // Doubling: what the previous hand-written append did, measured faster
  // than CPython's 1/8 over-allocation on append-heavy programs.
  Signed want = cap * 2 + 4;
  if (want < newlength) want = newlength;
  rpy_gcref<L> root(l);
  A* na = (A*)rpy_gc_malloc_varsize(I::tid, I::itemsoffset, I::itemsize, want, offsetof(A, length), !I::gcrefs);
  if (RPY_UNLIKELY(na == nullptr)) return;
  l = root.get();
  std::memcpy((char*)na + I::itemsoffset, (const char*)l->items + I::itemsoffset, I::itemsize * (size_t)l->length);
  // A big array may be allocated old: it now holds refs to young objects.
  if (I::gcrefs) rpy_gc_wb(na);
  rpy_gc_wb(l);
  l->items = na;
}
