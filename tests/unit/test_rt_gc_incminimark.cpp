// The precise GC (gc/incminimark.cpp) under hand-written mutators: lists,
// trees, pointer arrays, strings, prebuilt objects, all kept on the shadow
// stack, with old-to-young stores through the write barrier. ctest runs this
// file twice: as is, and with RPY_GC_DEBUG=1 (a minor collection at every
// allocation, incremental marking in tiny steps, moved-from and freed memory
// poisoned and unmapped), where workloads shrink by `scale()`.
#define BOOST_TEST_MODULE rt_gc_incminimark
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <csignal>
#include <random>
#include <sys/wait.h>
#include <unistd.h>
#include <string>
#include <vector>

#include "support/gc_test_types.h"
#include "support/rt_test_util.h"

using namespace gc_test;
using namespace rt_test;

namespace {

// Workload sizes are divided by this in debug mode (every allocation collects).
Signed scale() { return rpy_gc_debug_mode() ? 20 : 1; }

void garbage(Signed n) {
  for (Signed i = 0; i < n; i++) new_node(i, nullptr);
}

// Allocates until a minor collection has happened (everything young moves).
void force_minor() {
  uint64_t m = minor_count();
  while (minor_count() == m) new_node(0, nullptr);
}

}  // namespace

struct GcFixture : ExcFixture {
  void** saved_top;
  GcFixture() {
    setup_gc();
    saved_top = rpy_shadowstack_top;
  }
  ~GcFixture() { BOOST_CHECK(rpy_shadowstack_top == saved_top); }
};

BOOST_FIXTURE_TEST_SUITE(incminimark, GcFixture)

BOOST_AUTO_TEST_CASE(fresh_objects_are_young_zeroed_and_tagged) {
  auto* n = static_cast<Node*>(rpy_gc_malloc(TID_Node, sizeof(Node)));
  BOOST_TEST(n->hdr.tid == (uint32_t)TID_Node);
  BOOST_TEST((n->hdr.gcflags & RPY_GCFLAG_NO_BARRIER) != 0u);
  BOOST_TEST(n->next == nullptr);
  BOOST_TEST(n->value == 0);
  BOOST_TEST(rpy_gc_can_move(n));
  IntArray* a = new_int_array(100);
  BOOST_TEST(a->length == 100);
  for (Signed i = 0; i < 100; i++) BOOST_TEST_REQUIRE(a->items[i] == 0);
}

BOOST_AUTO_TEST_CASE(linked_list_survives_minor_and_major_collections) {
  Frame f(1);
  const Signed n = 200000 / scale();
  uint64_t minors = minor_count();
  for (Signed i = 0; i < n; i++) {
    f.set(0, new_node(i, f.get<Node>(0)));
    garbage(3);
  }
  BOOST_TEST(minor_count() > minors);
  rpy_gc_collect();
  garbage(1000);
  Signed expect = n - 1;
  for (Node* p = f.get<Node>(0); p; p = p->next) {
    BOOST_TEST_REQUIRE(p->hdr.tid == (uint32_t)TID_Node);
    BOOST_TEST_REQUIRE(p->value == expect);
    expect--;
  }
  BOOST_TEST(expect == -1);
  BOOST_TEST(!rpy_gc_can_move(f.get<Node>(0)));  // promoted: old objects stay put
}

BOOST_AUTO_TEST_CASE(binary_trees_long_lived_and_short_lived) {
  const int max_depth = rpy_gc_debug_mode() ? 12 : 16;
  Frame f(2);
  f.set(0, bottom_up_tree(0, max_depth));  // long-lived
  uint64_t majors = major_count();
  for (int depth = 4; depth <= max_depth; depth += 2) {
    Signed iterations = (Signed)1 << (max_depth - depth + 4);
    if (rpy_gc_debug_mode()) iterations = std::max<Signed>(1, iterations / 64);
    Signed check = 0;
    for (Signed i = 1; i <= iterations; i++) {
      f.set(1, bottom_up_tree(i, depth));
      check += item_check(f.get<Tree>(1));
      f.set(1, bottom_up_tree(-i, depth));
      check += item_check(f.get<Tree>(1));
    }
    BOOST_TEST(check == -2 * iterations);  // each pair of trees checks to -2
    BOOST_TEST_REQUIRE(tree_ok(f.get<Tree>(0), 0, max_depth));
  }
  rpy_gc_collect();
  BOOST_TEST(major_count() > majors);
  BOOST_TEST(tree_ok(f.get<Tree>(0), 0, max_depth));
  BOOST_TEST(count_nodes(f.get<Tree>(0)) == ((Signed)1 << (max_depth + 1)) - 1);
}

BOOST_AUTO_TEST_CASE(old_object_pointing_to_young_ones_via_barrier) {
  Frame f(2);
  const Signed n = 5000 / scale();
  f.set(0, new_ptr_array(n));
  rpy_gc_collect();  // the array is old now: stores into it need the barrier
  BOOST_TEST(!rpy_gc_can_move(f.get(0)));
  for (int round = 0; round < 5; round++) {
    for (Signed i = 0; i < n; i++) {
      Node* young = new_node(round * 100000 + i, nullptr);
      store_item(f.get<PtrArray>(0), i, young);
      if (i % 7 == 0) garbage(20);
    }
    garbage(2000 / scale());
    auto* a = f.get<PtrArray>(0);
    for (Signed i = 0; i < n; i++) {
      auto* node = static_cast<Node*>(a->items[i]);
      BOOST_TEST_REQUIRE(node->hdr.tid == (uint32_t)TID_Node);
      BOOST_TEST_REQUIRE(node->value == round * 100000 + i);
    }
    if (round == 2) rpy_gc_collect();
  }
  // A field store too: an old node gets a young successor.
  f.set(1, new_node(-1, nullptr));
  rpy_gc_collect();
  Node* young = new_node(-2, nullptr);
  store(f.get<Node>(1), f.get<Node>(1)->next, young);
  garbage(50000 / scale());
  BOOST_TEST(f.get<Node>(1)->next->value == -2);
}

BOOST_AUTO_TEST_CASE(large_pointer_array_outside_the_nursery) {
  Frame f(1);
  const Signed n = 200000 / scale();  // 1.6 MB: far beyond the large-object threshold
  f.set(0, new_ptr_array(n));
  BOOST_TEST(!rpy_gc_can_move(f.get(0)));  // large objects never move
  for (Signed i = 0; i < n; i++) {
    Node* node = new_node(i, nullptr);
    store_item(f.get<PtrArray>(0), i, node);
  }
  rpy_gc_collect();
  for (Signed i = 0; i < n; i += 3) store_item(f.get<PtrArray>(0), i, new_node(-i, nullptr));
  garbage(10000 / scale());
  auto* a = f.get<PtrArray>(0);
  BOOST_TEST(a->length == n);
  for (Signed i = 0; i < n; i++)
    BOOST_TEST_REQUIRE(static_cast<Node*>(a->items[i])->value == (i % 3 == 0 ? -i : i));
  // Unreachable large objects are freed: churn through many without growth.
  for (int i = 0; i < 50; i++) new_int_array(100000);
  rpy_gc_collect();
  rpy_gc_stats s;
  rpy_gc_get_stats(&s);
  BOOST_TEST(s.old_bytes < (uint64_t)(n * 8 + n * 16 + (8 << 20)));
}

BOOST_AUTO_TEST_CASE(strings_built_by_the_runtime_survive) {
  Frame f(2);
  const Signed n = 3000 / scale();
  f.set(0, new_ptr_array(n));
  for (Signed i = 0; i < n; i++) {
    // concat allocates while holding its operands: it roots them itself.
    // The caller roots each operand until the call (as the transform will).
    f.set(1, rpy_int2str(i));
    rpy_string* x = S("-x");
    rpy_string* s = rpy_str_concat(f.get<rpy_string>(1), x);
    f.set(1, s);
    rpy_string* t = rpy_int2str(i * 7);
    s = rpy_str_concat(f.get<rpy_string>(1), t);
    store_item(f.get<PtrArray>(0), i, s);
  }
  rpy_gc_collect();
  garbage(1000);
  auto* a = f.get<PtrArray>(0);
  for (Signed i = 0; i < n; i++)
    BOOST_TEST_REQUIRE(text(static_cast<rpy_string*>(a->items[i])) ==
                       std::to_string(i) + "-x" + std::to_string(i * 7));
}

// rpy_str_concat3/4 (a fused chain a + b + c) hold three or four operands
// across their one allocation.
BOOST_AUTO_TEST_CASE(fused_concatenations_root_every_piece) {
  Frame f(4);
  const Signed n = 3000 / scale();
  f.set(0, new_ptr_array(n));
  for (Signed i = 0; i < n; i++) {
    // Allocated last, the first pieces are still young at the call (in
    // debug mode: in the nursery and in a survivor space).
    f.set(3, rpy_int2str(i * 3));
    f.set(2, S("\xc3\xa9"));
    f.set(1, rpy_int2str(i));
    rpy_string* s = i % 2 ? rpy_str_concat3(f.get<rpy_string>(1), f.get<rpy_string>(2), f.get<rpy_string>(3))
                          : rpy_str_concat4(f.get<rpy_string>(2), f.get<rpy_string>(1), f.get<rpy_string>(3),
                                            f.get<rpy_string>(1));
    store_item(f.get<PtrArray>(0), i, s);
  }
  rpy_gc_collect();
  garbage(1000);
  auto* a = f.get<PtrArray>(0);
  for (Signed i = 0; i < n; i++) {
    auto* s = static_cast<rpy_string*>(a->items[i]);
    std::string want = i % 2 ? std::to_string(i) + "\xc3\xa9" + std::to_string(i * 3)
                             : "\xc3\xa9" + std::to_string(i) + std::to_string(i * 3) + std::to_string(i);
    BOOST_TEST_REQUIRE(text(s) == want);
    BOOST_TEST_REQUIRE(s->length == (Signed)want.size() - 1);
  }
}

BOOST_AUTO_TEST_CASE(structs_and_inline_item_structs) {
  Frame f(2);
  const Signed n = 2000 / scale();
  f.set(0, rpy_gc_malloc_varsize(TID_EntryArray, offsetof(EntryArray, items), sizeof(Entry), n,
                                 offsetof(EntryArray, length), false));
  rpy_gc_collect();
  for (Signed i = 0; i < n; i++) {
    rpy_string* k = rpy_int2str(i);
    f.set(1, k);
    Node* v = new_node(i * 3, nullptr);
    auto* ea = f.get<EntryArray>(0);
    rpy_gc_wb(ea);
    ea->items[i].key = f.get<rpy_string>(1);
    ea->items[i].hash = i;
    ea->items[i].value = v;
  }
  garbage(20000 / scale());
  rpy_gc_collect();
  auto* ea = f.get<EntryArray>(0);
  for (Signed i = 0; i < n; i++) {
    BOOST_TEST_REQUIRE(text(ea->items[i].key) == std::to_string(i));
    BOOST_TEST_REQUIRE(ea->items[i].value->value == i * 3);
  }
  // A Pair holding a string and a node.
  rpy_string* s = S("pair");
  f.set(1, s);
  auto* p = static_cast<Pair*>(rpy_gc_malloc(TID_Pair, sizeof(Pair)));
  p->s = f.get<rpy_string>(1);
  f.set(1, p);
  Node* n2 = new_node(77, nullptr);
  store(f.get<Pair>(1), f.get<Pair>(1)->n, n2);
  garbage(5000);
  BOOST_TEST(text(f.get<Pair>(1)->s) == "pair");
  BOOST_TEST(f.get<Pair>(1)->n->value == 77);
}

// Static data as codegen emits it: flags = RPY_GCFLAG_PREBUILT only.
static Node prebuilt_node = {{TID_Node, RPY_GCFLAG_PREBUILT}, nullptr, 42};
static Pair prebuilt_pair = {{TID_Pair, RPY_GCFLAG_PREBUILT}, nullptr, &prebuilt_node, 1};

BOOST_AUTO_TEST_CASE(prebuilt_objects_written_to_are_roots) {
  BOOST_TEST((prebuilt_node.hdr.gcflags & RPY_GCFLAG_NO_BARRIER) == 0u);
  Node* young = new_node(1000, nullptr);
  store(&prebuilt_node, prebuilt_node.next, young);
  for (int i = 0; i < 5; i++) {
    garbage(30000 / scale());
    // Rewrite after collections: the barrier must fire again each time.
    Node* y = new_node(prebuilt_node.next->value + 1, prebuilt_node.next);
    store(&prebuilt_node, prebuilt_node.next, y);
    if (i == 2) rpy_gc_collect();
  }
  rpy_gc_collect();
  Signed expect = 1005;
  for (Node* p = prebuilt_node.next; p; p = p->next) BOOST_TEST_REQUIRE(p->value == expect--);
  BOOST_TEST(expect == 999);
  // A prebuilt object pointing to another prebuilt one: neither is collected.
  BOOST_TEST(prebuilt_pair.n == &prebuilt_node);
  BOOST_TEST(prebuilt_node.value == 42);
  BOOST_TEST((prebuilt_node.hdr.gcflags & RPY_GCFLAG_PREBUILT) != 0u);
  store(&prebuilt_node, prebuilt_node.next, (Node*)nullptr);
}

BOOST_AUTO_TEST_CASE(identity_hash_survives_moves) {
  Frame f(1);
  const Signed n = 1000;
  f.set(0, new_ptr_array(n));
  std::vector<int64_t> hashes(n);
  for (Signed i = 0; i < n; i++) {
    Node* node = new_node(i, nullptr);
    BOOST_TEST_REQUIRE(rpy_gc_can_move(node));
    hashes[i] = rpy_identity_hash(node);
    BOOST_TEST_REQUIRE(hashes[i] == rpy_identity_hash(node));
    store_item(f.get<PtrArray>(0), i, node);
  }
  force_minor();  // first survival: to a survivor space (or old, if it is full)
  for (Signed i = 0; i < n; i++) {
    auto* node = static_cast<Node*>(f.get<PtrArray>(0)->items[i]);
    BOOST_TEST_REQUIRE(node->value == i);
    BOOST_TEST_REQUIRE(rpy_identity_hash(node) == hashes[i]);
  }
  force_minor();  // second: the survivors move to the old generation
  for (Signed i = 0; i < n; i++) {
    auto* node = static_cast<Node*>(f.get<PtrArray>(0)->items[i]);
    BOOST_TEST_REQUIRE(!rpy_gc_can_move(node));
    BOOST_TEST_REQUIRE(node->value == i);
    BOOST_TEST_REQUIRE(rpy_identity_hash(node) == hashes[i]);
  }
  rpy_gc_collect();
  for (Signed i = 0; i < n; i++)
    BOOST_TEST_REQUIRE(rpy_identity_hash(f.get<PtrArray>(0)->items[i]) == hashes[i]);
  // Hashes are spread out, not all equal.
  std::sort(hashes.begin(), hashes.end());
  Signed distinct = std::unique(hashes.begin(), hashes.end()) - hashes.begin();
  BOOST_TEST(distinct > n / 2);
  BOOST_TEST(rpy_identity_hash(nullptr) == 0);
}

BOOST_AUTO_TEST_CASE(pending_exception_is_a_root) {
  rpy_raise_cstr(&rpy_vt_ValueError, "kept alive by rpy_exc_value");
  garbage(50000 / scale());
  rpy_gc_collect();
  BOOST_TEST(exc_name() == "ValueError");
  BOOST_TEST(exc_msg() == "kept alive by rpy_exc_value");
  clear_exc();
}

BOOST_AUTO_TEST_CASE(varsize_errors_raise_memory_error) {
  const int64_t bad_lengths[] = {-1, INT64_MIN, INT64_MAX, (int64_t)1 << 61};
  for (int64_t len : bad_lengths) {
    clear_exc();
    void* p = rpy_gc_malloc_varsize(TID_PtrArray, 16, 8, len, 8, false);
    BOOST_TEST(p == nullptr);
    BOOST_TEST(rpy_exc_type == &rpy_vt_MemoryError);
  }
  clear_exc();
  // Does not overflow but no machine has it.
  void* p = rpy_gc_malloc_varsize(TID_IntArray, 16, 1, (int64_t)1 << 60, 8, true);
  BOOST_TEST(p == nullptr);
  BOOST_TEST(rpy_exc_type == &rpy_vt_MemoryError);
  clear_exc();
}

// The incremental marking's invariant under attack: while majors are in
// progress, refs move between old containers (through the barrier) and out
// of them into young objects and the stack, then the originals are cleared.
BOOST_AUTO_TEST_CASE(mutation_during_incremental_marking) {
  Frame f(5);
  const Signed n = 20000 / scale();
  f.set(0, new_ptr_array(n));  // A
  f.set(1, new_ptr_array(n));  // B
  for (Signed i = 0; i < n; i++) {
    Node* node = new_node(i, nullptr);
    store_item(f.get<PtrArray>(0), i, node);
  }
  rpy_gc_collect();
  std::mt19937 rng(12345);
  uint64_t majors = major_count();
  const int rounds = rpy_gc_debug_mode() ? 20000 : 400000;
  // Each node is in exactly one of A[i], B[i], or the young list at slot 2.
  for (int r = 0; r < rounds; r++) {
    Signed i = (Signed)(rng() % (uint32_t)n);
    auto* a = f.get<PtrArray>(0);
    auto* b = f.get<PtrArray>(1);
    switch (rng() % 3) {
      case 0:  // A -> B
        if (a->items[i]) {
          store_item(b, i, a->items[i]);
          store_item(a, i, nullptr);
        }
        break;
      case 1:  // B -> A
        if (b->items[i]) {
          store_item(a, i, b->items[i]);
          store_item(b, i, nullptr);
        }
        break;
      case 2: {  // A or B -> a young holder on the stack, and back later
        void*& slot = a->items[i] ? a->items[i] : b->items[i];
        if (slot) {
          void* node = slot;
          PtrArray* owner = a->items[i] ? a : b;
          f.set(3, node);
          store_item(owner, i, nullptr);
          auto* holder = static_cast<Pair*>(rpy_gc_malloc(TID_Pair, sizeof(Pair)));
          holder->n = f.get<Node>(3);
          holder->tag = i;
          f.set(3, nullptr);
          f.set(2, new_node(i, reinterpret_cast<Node*>(holder)));  // chain through a young cell
          garbage(10);
          auto* cell = f.get<Node>(2);
          auto* h = reinterpret_cast<Pair*>(cell->next);
          store_item(f.get<PtrArray>(rng() % 2 ? 0 : 1), h->tag, h->n);
          f.set(2, nullptr);
        }
        break;
      }
    }
    // Garbage that survives a while (slot 4), so it is promoted and grows
    // the old generation until majors start, then dies there.
    for (uint32_t k = rng() % 8; k > 0; k--) f.set(4, new_node(-1, f.get<Node>(4)));
    if (r % 100000 == 0) f.set(4, nullptr);
  }
  BOOST_TEST(major_count() > majors);
  std::vector<int> seen(n, 0);
  auto* a = f.get<PtrArray>(0);
  auto* b = f.get<PtrArray>(1);
  for (Signed i = 0; i < n; i++) {
    BOOST_TEST_REQUIRE(!(a->items[i] && b->items[i]));
    auto* node = static_cast<Node*>(a->items[i] ? a->items[i] : b->items[i]);
    BOOST_TEST_REQUIRE(node != nullptr);
    BOOST_TEST_REQUIRE(node->hdr.tid == (uint32_t)TID_Node);
    BOOST_TEST_REQUIRE(node->value == i);
    seen[i]++;
  }
  rpy_gc_collect();
  for (Signed i = 0; i < n; i++) {
    auto* node = static_cast<Node*>(f.get<PtrArray>(0)->items[i] ? f.get<PtrArray>(0)->items[i]
                                                                  : f.get<PtrArray>(1)->items[i]);
    BOOST_TEST_REQUIRE(node->value == i);
  }
}

// Aging: a nursery object that survives one minor collection is copied to
// a survivor space (still young, still movable) and promoted by the next.
// That makes old-to-young refs no barrier saw: an old object written once
// whose young target survives twice, a promoted object pointing to a
// survivor, a card-marked array whose items survive twice. The next minor
// collection must find each of them again.
BOOST_AUTO_TEST_CASE(aging_keeps_old_to_survivor_refs) {
  Frame f(3);
  f.set(0, new_node(-1, nullptr));
  rpy_gc_collect();
  store(f.get<Node>(0), f.get<Node>(0)->next, new_node(7, nullptr));
  for (int k = 0; k < 3; k++) {
    force_minor();
    BOOST_TEST_REQUIRE(f.get<Node>(0)->next->value == 7);
  }
  BOOST_TEST(!rpy_gc_can_move(f.get<Node>(0)->next));

  f.set(1, new_node(1, nullptr));
  force_minor();  // the head survives once
  Node* tail = new_node(2, nullptr);
  store(f.get<Node>(1), f.get<Node>(1)->next, tail);  // young into young: no barrier needed
  force_minor();  // the head is promoted, the tail survives once
  garbage(1000 / scale());
  force_minor();  // the tail is promoted: the old head's field follows it
  BOOST_TEST(f.get<Node>(1)->next->value == 2);
  BOOST_TEST(!rpy_gc_can_move(f.get<Node>(1)->next));

  const Signed n = 50000 / scale();
  f.set(2, new_ptr_array(n));
  rpy_gc_collect();
  for (Signed i = 0; i < n; i += 5) store_item(f.get<PtrArray>(2), i, new_node(i, nullptr));
  for (int k = 0; k < 3; k++) {
    force_minor();
    auto* a = f.get<PtrArray>(2);
    for (Signed i = 0; i < n; i++) {
      if (i % 5) BOOST_TEST_REQUIRE(a->items[i] == nullptr);
      else BOOST_TEST_REQUIRE(static_cast<Node*>(a->items[i])->value == i);
    }
  }
  // Identity hashes of survivors, weakly referenced survivors.
  f.set(0, new_node(5, nullptr));
  int64_t h = rpy_identity_hash(f.get(0));
  force_minor();
  const char* surv = getenv("RPY_GC_SURVIVOR");
  if (!surv || strtod(surv, nullptr) > 0) BOOST_TEST(rpy_gc_can_move(f.get(0)));  // a survivor, still young
  BOOST_TEST(rpy_identity_hash(f.get(0)) == h);
  force_minor();
  BOOST_TEST(rpy_identity_hash(f.get(0)) == h);
}

// Old objects referenced only from survivors while majors mark and sweep:
// the survivors are roots for marking (they are written without barrier).
// Nodes move between an old array and a chain of young cells that live for
// a random while, so cells sit in a survivor space when marking steps run.
BOOST_AUTO_TEST_CASE(survivors_hold_the_only_refs_while_marking) {
  Frame f(4);
  const Signed n = 5000 / scale();
  f.set(0, new_ptr_array(n));
  for (Signed i = 0; i < n; i++) store_item(f.get<PtrArray>(0), i, new_node(i, nullptr));
  rpy_gc_collect();
  std::mt19937 rng(777);
  uint64_t majors = major_count();
  const int rounds = rpy_gc_debug_mode() ? 20000 : 400000;
  Signed held = 0;
  for (int r = 0; r < rounds; r++) {
    Signed i = (Signed)(rng() % (uint32_t)n);
    if (rng() % 3 && f.get<PtrArray>(0)->items[i]) {
      // A[i] -> a new cell at the head of the chain (slot 1)
      f.set(2, f.get<PtrArray>(0)->items[i]);
      store_item(f.get<PtrArray>(0), i, nullptr);
      f.set(1, new_tree(f.get<Tree>(2), f.get<Tree>(1), i));
      f.set(2, nullptr);
      held++;
    } else if (held) {
      // the head cell's node goes back to A
      auto* cell = f.get<Tree>(1);
      store_item(f.get<PtrArray>(0), cell->item, cell->left);
      f.set(1, f.get<Tree>(1)->right);
      held--;
    }
    // Garbage that lives long enough to be promoted (more than two
    // nurseries of allocation), so the old generation grows and majors run.
    for (uint32_t k = rng() % 16; k > 0; k--) f.set(3, new_node(-1, f.get<Node>(3)));
    if (r % 200000 == 0) f.set(3, nullptr);
  }
  BOOST_TEST(major_count() > majors);
  while (held) {
    auto* cell = f.get<Tree>(1);
    store_item(f.get<PtrArray>(0), cell->item, cell->left);
    f.set(1, f.get<Tree>(1)->right);
    held--;
  }
  rpy_gc_collect();
  auto* a = f.get<PtrArray>(0);
  for (Signed i = 0; i < n; i++) {
    auto* node = static_cast<Node*>(a->items[i]);
    BOOST_TEST_REQUIRE(node != nullptr);
    BOOST_TEST_REQUIRE(node->hdr.tid == (uint32_t)TID_Node);
    BOOST_TEST_REQUIRE(node->value == i);
  }
}

BOOST_AUTO_TEST_CASE(shadow_stack_protocol_push_call_reload) {
  // What the GC transform emits around a call that can collect: push the
  // live refs, call, pop, reload.
  Node* a = new_node(1, nullptr);
  rpy_shadowstack_top[0] = a;
  rpy_shadowstack_top += 1;
  Node* b = new_node(2, nullptr);  // the call: may move a
  rpy_shadowstack_top -= 1;
  a = static_cast<Node*>(rpy_shadowstack_top[0]);
  rpy_shadowstack_top[0] = a;
  rpy_shadowstack_top[1] = b;
  rpy_shadowstack_top += 2;
  rpy_gc_collect();
  rpy_shadowstack_top -= 2;
  a = static_cast<Node*>(rpy_shadowstack_top[0]);
  b = static_cast<Node*>(rpy_shadowstack_top[1]);
  BOOST_TEST(a->value == 1);
  BOOST_TEST(b->value == 2);
  BOOST_TEST(!rpy_gc_can_move(a));
  // NULLs and odd markers on the shadow stack are skipped.
  rpy_shadowstack_top[0] = nullptr;
  rpy_shadowstack_top[1] = reinterpret_cast<void*>(0x11);
  rpy_shadowstack_top += 2;
  rpy_gc_collect();
  rpy_shadowstack_top -= 2;
  BOOST_TEST(rpy_shadowstack_top[1] == reinterpret_cast<void*>(0x11));
}

BOOST_AUTO_TEST_CASE(inline_fast_path_matches_the_interface) {
  // Generated code and the JIT bump rpy_nursery_free themselves.
  Frame f(1);
  for (int i = 0; i < 100000 / scale(); i++) {
    auto* n = static_cast<Node*>(rpy_gc_malloc_fast(TID_Node, sizeof(Node)));
    BOOST_TEST_REQUIRE(n->hdr.tid == (uint32_t)TID_Node);
    BOOST_TEST_REQUIRE(n->next == nullptr);
    n->value = i;
    n->next = f.get<Node>(0);
    f.set(0, n);
  }
  Signed expect = 100000 / scale() - 1;
  for (Node* p = f.get<Node>(0); p; p = p->next) BOOST_TEST_REQUIRE(p->value == expect--);
  BOOST_TEST(expect == -1);
}

// Whether `body` run in a child process dies of a signal.
template <class F>
bool dies_in_child(F body) {
  fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    // Boost's handlers would turn the fault into a report and carry on.
    signal(SIGSEGV, SIG_DFL);
    signal(SIGBUS, SIG_DFL);
    body();
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status);
}

BOOST_AUTO_TEST_CASE(debug_mode_makes_mutator_bugs_crash) {
  if (!rpy_gc_debug_mode()) return;  // only meaningful under RPY_GC_DEBUG=1
  // A ref kept in a C++ local across an allocation, not on the shadow stack.
  BOOST_TEST(dies_in_child([] {
    Node* n = new_node(1, nullptr);
    new_node(2, nullptr);
    volatile Signed v = n->value;
    (void)v;
  }));
  // A store of a young ref into an old object without the barrier.
  BOOST_TEST(dies_in_child([] {
    Frame f(1);
    f.set(0, new_node(1, nullptr));
    rpy_gc_collect();
    Node* young = new_node(2, nullptr);
    f.get<Node>(0)->next = young;  // no rpy_gc_wb
    new_node(3, nullptr);
    volatile Signed v = f.get<Node>(0)->next->value;
    (void)v;
  }));
  // The same, correctly written, lives.
  BOOST_TEST(!dies_in_child([] {
    Frame f(1);
    f.set(0, new_node(1, nullptr));
    rpy_gc_collect();
    Node* young = new_node(2, nullptr);
    store(f.get<Node>(0), f.get<Node>(0)->next, young);
    new_node(3, nullptr);
    volatile Signed v = f.get<Node>(0)->next->value;
    (void)v;
  }));
}

BOOST_AUTO_TEST_SUITE_END()
