// A random mutator checked against a model of its object graph: nodes in a
// big (card-marked) array, a small young array that ages, chains, weakrefs
// (cleared exactly when the target is unreachable), identity hashes,
// finalizers and full collections. Written to review the aging collector;
// SEED, ROUNDS and NSLOTS in the environment vary it.
#define BOOST_TEST_MODULE rt_gc_model
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <cstdlib>
#include <random>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "support/gc_test_types.h"
#include "support/rt_test_util.h"

using namespace gc_test;
using namespace rt_test;

namespace {
Signed scale() { return rpy_gc_debug_mode() ? 20 : 1; }
uint64_t g_finalized = 0;
void fin(void* p) {
  auto* n = static_cast<Node*>(p);
  if (n->hdr.tid != TID_Node) abort();
  g_finalized++;
}
long envl(const char* n, long d) {
  const char* s = getenv(n);
  return s ? atol(s) : d;
}
}  // namespace

struct GcFixture : ExcFixture {
  GcFixture() { setup_gc(); }
};

BOOST_FIXTURE_TEST_SUITE(model, GcFixture)

BOOST_AUTO_TEST_CASE(random_graph_against_model) {
  Frame f(6);
  const Signed n = envl("NSLOTS", 3000);  // >= 1024: card marked when old
  const Signed nw = 400;
  f.set(0, new_ptr_array(n));
  f.set(1, new_ptr_array(nw));
  f.set(3, new_ptr_array(64));  // a small, non-carded young array (ages)
  std::vector<Signed> slot(n, -1), small(64, -1);
  std::unordered_map<Signed, Signed> next;  // id -> next id (-1)
  std::vector<Signed> wtarget(nw, -2);       // -2: no weakref
  std::unordered_map<Signed, int64_t> hashes;
  Signed ids = 0;
  std::mt19937 rng((unsigned)envl("SEED", 1));
  const long rounds = envl("ROUNDS", 300000) / scale();
  auto node_at = [&](Signed i) { return static_cast<Node*>(f.get<PtrArray>(0)->items[i]); };
  auto check = [&](bool full) {
    std::unordered_set<Signed> reach;
    std::vector<Signed> stack;
    for (Signed i = 0; i < n; i++) if (slot[i] >= 0) stack.push_back(slot[i]);
    for (Signed i = 0; i < 64; i++) if (small[i] >= 0) stack.push_back(small[i]);
    while (!stack.empty()) {
      Signed id = stack.back();
      stack.pop_back();
      if (!reach.insert(id).second) continue;
      if (next[id] >= 0) stack.push_back(next[id]);
    }
    auto* a = f.get<PtrArray>(0);
    for (Signed i = 0; i < n; i++) {
      auto* nd = static_cast<Node*>(a->items[i]);
      if (slot[i] < 0) { BOOST_TEST_REQUIRE(nd == nullptr); continue; }
      BOOST_TEST_REQUIRE(nd->hdr.tid == (uint32_t)TID_Node);
      BOOST_TEST_REQUIRE(nd->value == slot[i]);
      Signed nx = next[slot[i]];
      if (nx < 0) BOOST_TEST_REQUIRE(nd->next == nullptr);
      else {
        BOOST_TEST_REQUIRE(nd->next->hdr.tid == (uint32_t)TID_Node);
        BOOST_TEST_REQUIRE(nd->next->value == nx);
      }
      if (full && hashes.count(slot[i])) BOOST_TEST_REQUIRE(rpy_identity_hash(nd) == hashes[slot[i]]);
    }
    auto* s = f.get<PtrArray>(3);
    for (Signed i = 0; i < 64; i++) {
      auto* nd = static_cast<Node*>(s->items[i]);
      if (small[i] < 0) { BOOST_TEST_REQUIRE(nd == nullptr); continue; }
      BOOST_TEST_REQUIRE(nd->hdr.tid == (uint32_t)TID_Node);
      BOOST_TEST_REQUIRE(nd->value == small[i]);
    }
    auto* w = f.get<PtrArray>(1);
    for (Signed k = 0; k < nw; k++) {
      if (wtarget[k] == -2) continue;
      auto* wr = static_cast<rpy_weakref*>(w->items[k]);
      BOOST_TEST_REQUIRE(wr->hdr.tid == (uint32_t)RPY_TID_WEAKREF);
      auto* t = static_cast<Node*>(wr->target);
      if (t) {
        BOOST_TEST_REQUIRE(t->hdr.tid == (uint32_t)TID_Node);
        BOOST_TEST_REQUIRE(t->value == wtarget[k]);
      } else {
        BOOST_TEST_REQUIRE(!reach.count(wtarget[k]));
      }
    }
  };
  for (long r = 0; r < rounds; r++) {
    uint32_t op = rng() % 100;
    Signed i = (Signed)(rng() % (uint32_t)n), j = (Signed)(rng() % (uint32_t)n);
    if (op < 25) {
      Signed id = ids++;
      Node* nd = new_node(id, nullptr);
      next[id] = -1;
      if (rng() % 4 == 0) rpy_gc_register_finalizer(nd, fin);
      store_item(f.get<PtrArray>(0), i, nd);
      slot[i] = id;
    } else if (op < 40) {
      store_item(f.get<PtrArray>(0), i, f.get<PtrArray>(0)->items[j]);
      slot[i] = slot[j];
    } else if (op < 55) {
      if (slot[i] >= 0) {
        Node* a = node_at(i);
        Node* b = node_at(j);
        store(a, a->next, b);
        next[slot[i]] = slot[j];
      }
    } else if (op < 60) {
      store_item(f.get<PtrArray>(0), i, nullptr);
      slot[i] = -1;
    } else if (op < 65) {
      if (slot[i] >= 0) {
        Signed k = (Signed)(rng() % (uint32_t)nw);
        rpy_weakref* wr = rpy_weakref_create(reinterpret_cast<rpy_object*>(node_at(i)));
        store_item(f.get<PtrArray>(1), k, wr);
        wtarget[k] = slot[i];
      }
    } else if (op < 70) {
      if (slot[i] >= 0) {
        int64_t h = rpy_identity_hash(node_at(i));
        auto it = hashes.find(slot[i]);
        if (it == hashes.end()) hashes[slot[i]] = h;
        else BOOST_TEST_REQUIRE(it->second == h);
      }
    } else if (op < 75) {
      Signed k = (Signed)(rng() % 64);
      store_item(f.get<PtrArray>(3), k, f.get<PtrArray>(0)->items[i]);
      small[k] = slot[i];
    } else if (op < 77) {
      // a chain through slot 4: young objects of a few cycles pointing at the array's nodes
      f.set(4, new_node(-5, f.get<Node>(4)));
      if (slot[i] >= 0) { Node* h = f.get<Node>(4); store(h, h->next, node_at(i)); }
      if (rng() % 50 == 0) f.set(4, nullptr);
    } else if (op < 78) {
      // replace the small array by a fresh young one, copying
      PtrArray* na = new_ptr_array(64);
      for (Signed k = 0; k < 64; k++) na->items[k] = f.get<PtrArray>(3)->items[k];
      f.set(3, na);
    } else {
      for (uint32_t k = rng() % 40; k > 0; k--) f.set(5, new_node(-1, rng() % 8 ? nullptr : f.get<Node>(5)));
      if (rng() % 64 == 0) f.set(5, nullptr);
    }
    if (r % envl("COLLECT", 20011) == 0) rpy_gc_collect();
    if (r % 997 == 0) check(r % 9973 == 0);
  }
  check(true);
  rpy_gc_collect();
  check(true);
  BOOST_TEST_MESSAGE("finalized " << g_finalized << " majors " << major_count() << " minors " << minor_count());
}

BOOST_AUTO_TEST_SUITE_END()
