// Hand-written "mutator" types and helpers for the precise GC's unit tests:
// what codegen and the GC transform will emit, written out by hand.
#pragma once
#include <cstddef>
#include <cstdint>

#include "runtime/rpy.h"

namespace gc_test {

struct Node {  // a linked-list cell
  rpy_gchdr hdr;
  Node* next;
  Signed value;
};

struct Tree {
  rpy_gchdr hdr;
  Tree* left;
  Tree* right;
  Signed item;
};

struct PtrArray {  // GcArray(Ptr(...))
  rpy_gchdr hdr;
  Signed length;
  void* items[];
};

struct IntArray {  // GcArray(Signed)
  rpy_gchdr hdr;
  Signed length;
  Signed items[];
};

struct Pair {  // a struct with a string and a node
  rpy_gchdr hdr;
  rpy_string* s;
  Node* n;
  Signed tag;
};

struct Entry {  // an inline struct item, as in a dict's entry array
  rpy_string* key;
  Signed hash;
  Node* value;
};
struct EntryArray {
  rpy_gchdr hdr;
  Signed length;
  Entry items[];
};

enum : uint32_t {
  TID_Node = RPY_FIRST_PROGRAM_TID,
  TID_Tree,
  TID_PtrArray,
  TID_IntArray,
  TID_Pair,
  TID_EntryArray,
  TID_END
};

inline const uint32_t kNodePtrs[] = {offsetof(Node, next)};
inline const uint32_t kTreePtrs[] = {offsetof(Tree, left), offsetof(Tree, right)};
inline const uint32_t kPairPtrs[] = {offsetof(Pair, s), offsetof(Pair, n)};
inline const uint32_t kItemIsPtr[] = {0};
inline const uint32_t kEntryPtrs[] = {offsetof(Entry, key), offsetof(Entry, value)};

// What codegen will emit: one entry per type id, the runtime's ids left zero.
inline const rpy_typeinfo* test_type_table() {
  static rpy_typeinfo t[TID_END] = {};
  t[TID_Node] = {0, sizeof(Node), 0, 0, 0, 1, kNodePtrs, 0, nullptr, nullptr, nullptr, "Node"};
  t[TID_Tree] = {0, sizeof(Tree), 0, 0, 0, 2, kTreePtrs, 0, nullptr, nullptr, nullptr, "Tree"};
  t[TID_PtrArray] = {RPY_TI_VARSIZE, offsetof(PtrArray, items), sizeof(void*), offsetof(PtrArray, length),
                     offsetof(PtrArray, items), 0, nullptr, 1, kItemIsPtr, nullptr, nullptr, "PtrArray"};
  t[TID_IntArray] = {RPY_TI_VARSIZE, offsetof(IntArray, items), sizeof(Signed), offsetof(IntArray, length),
                     offsetof(IntArray, items), 0, nullptr, 0, nullptr, nullptr, nullptr, "IntArray"};
  t[TID_Pair] = {0, sizeof(Pair), 0, 0, 0, 2, kPairPtrs, 0, nullptr, nullptr, nullptr, "Pair"};
  t[TID_EntryArray] = {RPY_TI_VARSIZE, offsetof(EntryArray, items), sizeof(Entry), offsetof(EntryArray, length),
                       offsetof(EntryArray, items), 0, nullptr, 2, kEntryPtrs, nullptr, nullptr, "EntryArray"};
  return t;
}

inline void setup_gc() {
  rpy_gc_init();
  rpy_gc_register_types(test_type_table(), TID_END);
}

// A frame of shadow-stack slots used directly as the function's GC locals:
// what the GC transform does around each call, collapsed (every access reads
// the slot, so a moved object is always seen at its new address).
class Frame {
 public:
  explicit Frame(size_t n) : base_(rpy_shadowstack_top) {
    for (size_t i = 0; i < n; i++) base_[i] = nullptr;
    rpy_shadowstack_top += n;
  }
  ~Frame() { rpy_shadowstack_top = base_; }
  template <class T = void>
  T* get(size_t i) const { return static_cast<T*>(base_[i]); }
  void set(size_t i, void* p) { base_[i] = p; }

 private:
  void** base_;
};

// Allocation helpers keep their GC arguments rooted across the allocation,
// as every runtime helper that allocates must.
inline Node* new_node(Signed value, Node* next) {
  rpy_gcref<Node> r(next);
  auto* n = static_cast<Node*>(rpy_gc_malloc(TID_Node, sizeof(Node)));
  n->value = value;
  n->next = r.get();  // a fresh object is young: no barrier needed
  return n;
}

inline Tree* new_tree(Tree* left, Tree* right, Signed item) {
  rpy_gcref<Tree> l(left), r(right);
  auto* t = static_cast<Tree*>(rpy_gc_malloc(TID_Tree, sizeof(Tree)));
  t->left = l.get();
  t->right = r.get();
  t->item = item;
  return t;
}

inline PtrArray* new_ptr_array(Signed n) {
  return static_cast<PtrArray*>(rpy_gc_malloc_varsize(TID_PtrArray, offsetof(PtrArray, items), sizeof(void*), n,
                                                      offsetof(PtrArray, length), false));
}

inline IntArray* new_int_array(Signed n) {
  return static_cast<IntArray*>(rpy_gc_malloc_varsize(TID_IntArray, offsetof(IntArray, items), sizeof(Signed), n,
                                                      offsetof(IntArray, length), true));
}

// A store of a GC ref into a GC object, with its barrier, as generated code does it.
template <class T>
inline void store(void* obj, T*& field, T* value) {
  rpy_gc_wb(obj);
  field = value;
}
inline void store_item(PtrArray* a, Signed i, void* value) {
  if (!(a->hdr.gcflags & RPY_GCFLAG_NO_BARRIER)) rpy_gc_write_barrier_from_array(a, i);
  a->items[i] = value;
}

// Binary-trees: a full tree of the given depth; item numbering lets a check
// find any misplaced node.
inline Tree* bottom_up_tree(Signed item, int depth) {
  if (depth <= 0) return new_tree(nullptr, nullptr, item);
  Tree* l = bottom_up_tree(2 * item - 1, depth - 1);
  rpy_gcref<Tree> rl(l);
  Tree* r = bottom_up_tree(2 * item, depth - 1);
  return new_tree(rl.get(), r, item);
}

inline Signed item_check(const Tree* t) {
  if (!t->left) return t->item;
  return t->item + item_check(t->left) - item_check(t->right);
}

inline Signed count_nodes(const Tree* t) { return t ? 1 + count_nodes(t->left) + count_nodes(t->right) : 0; }

// Every node of a tree built by bottom_up_tree(item, depth) is where it belongs.
inline bool tree_ok(const Tree* t, Signed item, int depth) {
  if (!t || t->hdr.tid != TID_Tree || t->item != item) return false;
  if (depth <= 0) return !t->left && !t->right;
  return tree_ok(t->left, 2 * item - 1, depth - 1) && tree_ok(t->right, 2 * item, depth - 1);
}

inline uint64_t minor_count() {
  rpy_gc_stats s;
  rpy_gc_get_stats(&s);
  return s.minor_collections;
}
inline uint64_t major_count() {
  rpy_gc_stats s;
  rpy_gc_get_stats(&s);
  return s.major_collections;
}

}  // namespace gc_test
