#define BOOST_TEST_MODULE rt_gc
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <vector>

#include "support/rt_test_util.h"

// Boehm's own header is shadowed by gc/gc.h (see gc/boehm.cpp); this is the
// one extra entry point the tests need.
extern "C" void GC_gcollect(void);

using namespace rt_test;

namespace {

struct Node {
  rpy_gchdr hdr;
  Node* next;
  Signed value;
};

struct IntArray {  // a GcArray of Signed: header, length, items
  rpy_gchdr hdr;
  int64_t length;
  Signed items[1];
};

constexpr uint32_t kNodeTid = RPY_FIRST_PROGRAM_TID;
constexpr uint32_t kArrayTid = RPY_FIRST_PROGRAM_TID + 1;

bool all_zero(const void* p, size_t n) {
  auto* b = static_cast<const unsigned char*>(p);
  for (size_t i = 0; i < n; i++)
    if (b[i]) return false;
  return true;
}

}  // namespace

struct GcFixture : ExcFixture {
  GcFixture() { rpy_gc_init(); }
};

BOOST_FIXTURE_TEST_SUITE(gc, GcFixture)

BOOST_AUTO_TEST_CASE(malloc_sets_tid_and_zeroes) {
  auto* n = static_cast<Node*>(rpy_gc_malloc(kNodeTid, sizeof(Node)));
  BOOST_REQUIRE(n != nullptr);
  BOOST_TEST(n->hdr.tid == kNodeTid);
  BOOST_TEST(n->hdr.gcflags == 0u);
  BOOST_TEST(n->next == nullptr);
  BOOST_TEST(n->value == 0);
}

BOOST_AUTO_TEST_CASE(atomic_malloc_zeroes_recycled_memory) {
  // Dirty many atomic blocks, let them die, and check that reused memory
  // comes back zeroed.
  for (int round = 0; round < 3; round++) {
    for (int i = 0; i < 20000; i++) {
      auto* p = static_cast<unsigned char*>(rpy_gc_malloc_atomic(kArrayTid, 64));
      memset(p, 0xff, 64);
    }
    GC_gcollect();
    for (int i = 0; i < 20000; i++) {
      auto* p = static_cast<unsigned char*>(rpy_gc_malloc_atomic(kArrayTid, 64));
      BOOST_TEST_REQUIRE(reinterpret_cast<rpy_gchdr*>(p)->tid == kArrayTid);
      BOOST_TEST_REQUIRE(reinterpret_cast<rpy_gchdr*>(p)->gcflags == 0u);
      BOOST_TEST_REQUIRE(all_zero(p + 8, 56));
      memset(p, 0xff, 64);
    }
  }
}

BOOST_AUTO_TEST_CASE(varsize_stores_length) {
  for (bool atomic : {false, true}) {
    auto* a = static_cast<IntArray*>(rpy_gc_malloc_varsize(
        kArrayTid, offsetof(IntArray, items), sizeof(Signed), 1000, offsetof(IntArray, length),
        atomic));
    BOOST_REQUIRE(a != nullptr);
    BOOST_TEST(a->hdr.tid == kArrayTid);
    BOOST_TEST(a->length == 1000);
    BOOST_TEST(all_zero(a->items, 1000 * sizeof(Signed)));
    a->items[999] = 7;  // the whole extent is usable
  }
  auto* empty = static_cast<IntArray*>(rpy_gc_malloc_varsize(
      kArrayTid, offsetof(IntArray, items), sizeof(Signed), 0, offsetof(IntArray, length), false));
  BOOST_REQUIRE(empty != nullptr);
  BOOST_TEST(empty->length == 0);
  BOOST_TEST(rpy_exc_type == nullptr);
}

BOOST_AUTO_TEST_CASE(varsize_overflow_raises_memory_error) {
  const int64_t bad_lengths[] = {-1, INT64_MIN, INT64_MAX, (int64_t)1 << 61};
  for (int64_t len : bad_lengths) {
    clear_exc();
    void* p = rpy_gc_malloc_varsize(kArrayTid, 16, sizeof(Signed), len, 8, false);
    BOOST_TEST_CONTEXT("length " << len) {
      BOOST_TEST(p == nullptr);
      BOOST_TEST(rpy_exc_type == &rpy_vt_MemoryError);
      BOOST_TEST(exc_msg() == "<no message>");
    }
  }
}

BOOST_AUTO_TEST_CASE(unsatisfiable_varsize_raises_memory_error) {
  // Does not overflow size_t but no machine has 2**60 bytes.
  void* p = rpy_gc_malloc_varsize(kArrayTid, 16, 1, (int64_t)1 << 60, 8, true);
  BOOST_TEST(p == nullptr);
  BOOST_TEST(rpy_exc_type == &rpy_vt_MemoryError);
}

BOOST_AUTO_TEST_CASE(reachable_objects_survive_collections) {
  Node* head = nullptr;
  for (Signed i = 0; i < 10000; i++) {
    auto* n = static_cast<Node*>(rpy_gc_malloc(kNodeTid, sizeof(Node)));
    n->value = i;
    n->next = head;
    head = n;
    // Garbage in between so that collections happen meanwhile.
    for (int j = 0; j < 10; j++) rpy_gc_malloc(kNodeTid, 48);
  }
  GC_gcollect();
  for (int j = 0; j < 100000; j++) rpy_gc_malloc(kNodeTid, 32);
  Signed expect = 9999;
  for (Node* n = head; n; n = n->next) {
    BOOST_TEST_REQUIRE(n->hdr.tid == kNodeTid);
    BOOST_TEST_REQUIRE(n->value == expect);
    expect--;
  }
  BOOST_TEST(expect == -1);
}

BOOST_AUTO_TEST_SUITE_END()
