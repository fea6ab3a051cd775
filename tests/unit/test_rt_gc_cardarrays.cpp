// An old card-marked array (>= 1024 ref items) that also has a ref in its
// fixed part, or one reached by a custom trace: the fixed part has no card,
// so a young ref there keeps the whole array remembered until it is old.
#define BOOST_TEST_MODULE rt_gc_cardarrays
#include <boost/test/unit_test.hpp>
#include <cstddef>
#include "support/gc_test_types.h"
#include "support/rt_test_util.h"
using namespace gc_test;
using namespace rt_test;

namespace {
struct HeadArray {  // fixed ref field + varsize array of refs
  rpy_gchdr hdr;
  Node* head;
  Node* extra;  // reached through custom_trace only
  Signed length;
  void* items[];
};
enum : uint32_t { TID_HeadArray = TID_END, TID_END2 };
const uint32_t kHeadPtrs[] = {offsetof(HeadArray, head)};
void trace_extra(void* obj, rpy_gc_visit_fn visit, void* ctx) {
  visit(reinterpret_cast<void**>(&static_cast<HeadArray*>(obj)->extra), ctx);
}
const rpy_typeinfo* table2() {
  static rpy_typeinfo t[TID_END2] = {};
  const rpy_typeinfo* base = test_type_table();
  for (uint32_t i = 0; i < TID_END; i++) t[i] = base[i];
  t[TID_HeadArray] = {RPY_TI_VARSIZE | RPY_TI_CUSTOM_TRACE, offsetof(HeadArray, items), sizeof(void*),
                      offsetof(HeadArray, length), offsetof(HeadArray, items), 1, kHeadPtrs, 1, kItemIsPtr,
                      nullptr, trace_extra, "HeadArray"};
  return t;
}
void force_minor() {
  uint64_t m = minor_count();
  while (minor_count() == m) new_node(0, nullptr);
}
struct Fx : ExcFixture {
  Fx() { rpy_gc_init(); rpy_gc_register_types(table2(), TID_END2); }
};
}  // namespace

BOOST_FIXTURE_TEST_SUITE(cardarrays, Fx)

BOOST_AUTO_TEST_CASE(card_array_fixed_field_to_survivor) {
  Frame f(1);
  f.set(0, rpy_gc_malloc_varsize(TID_HeadArray, offsetof(HeadArray, items), sizeof(void*), 2000,
                                 offsetof(HeadArray, length), false));
  rpy_gc_collect();  // old, F_HAS_CARDS
  BOOST_TEST_REQUIRE(!rpy_gc_can_move(f.get(0)));
  Node* n = new_node(42, nullptr);
  auto* a = f.get<HeadArray>(0);
  store(a, a->head, n);  // whole-object barrier: remembered
  force_minor();         // head -> survivor space; the array should stay remembered
  force_minor();         // head should be promoted; else it died with the from-space
  for (int i = 0; i < 3; i++) force_minor();
  Node* h = f.get<HeadArray>(0)->head;
  BOOST_TEST_REQUIRE(h->hdr.tid == (uint32_t)TID_Node);
  BOOST_TEST(h->value == 42);
}

BOOST_AUTO_TEST_CASE(card_array_custom_trace_ref) {
  Frame f(1);
  f.set(0, rpy_gc_malloc_varsize(TID_HeadArray, offsetof(HeadArray, items), sizeof(void*), 2000,
                                 offsetof(HeadArray, length), false));
  rpy_gc_collect();
  Node* n = new_node(43, nullptr);
  auto* a = f.get<HeadArray>(0);
  store(a, a->extra, n);  // remembered: custom_trace must find it at the next minor
  for (int i = 0; i < 4; i++) force_minor();
  Node* h = f.get<HeadArray>(0)->extra;
  BOOST_TEST_REQUIRE(h->hdr.tid == (uint32_t)TID_Node);
  BOOST_TEST(h->value == 43);
}

BOOST_AUTO_TEST_SUITE_END()
