#define BOOST_TEST_MODULE rt_bytes
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>

#include "support/rt_bytes_cases.h"
#include "support/rt_test_util.h"

using namespace rt_test;

namespace {

rpy_bytes* B(const char* p, long long n) { return rpy_bytes_from_data(p, n); }
std::string btext(rpy_bytes* b) { return std::string(b->data, (size_t)b->nbytes); }

std::pair<char, std::string> run(const BytesOpCase& c) {
  std::string op = c.op;
  rpy_bytes* b = B(c.b, c.blen);
  std::string araw(c.a, (size_t)c.alen);
  rpy_bytes* a = B(araw.data(), (Signed)araw.size());
  auto byt = [](rpy_bytes* r) { return std::make_pair('Y', r ? btext(r) : std::string()); };
  auto num = [](Signed v) { return std::make_pair('I', std::to_string(v)); };
  auto boo = [](bool v) { return std::make_pair('B', std::string(v ? "1" : "0")); };
  if (op == "repr") return {'S', text(rpy_bytes_repr(b))};
  if (op == "len") return num(b->nbytes);
  if (op == "getitem") return num(rpy_bytes_getitem(b, c.i1));
  if (op == "slice") return byt(rpy_bytes_slice(b, c.i1, c.i2));
  if (op == "slice_step-1") return byt(rpy_bytes_slice_step(b, c.i1, c.i2, -1));
  if (op == "slice_step2") return byt(rpy_bytes_slice_step(b, c.i1, c.i2, 2));
  if (op == "concat") return byt(rpy_bytes_concat(b, a));
  if (op == "cmp") {
    Signed r = rpy_bytes_cmp(b, a);
    return num(r < 0 ? -1 : r > 0 ? 1 : 0);
  }
  if (op == "contains") return boo(rpy_bytes_contains(b, a));
  if (op == "contains_int") return boo(rpy_bytes_contains_int(b, c.i1));
  if (op == "find") return num(rpy_bytes_find(b, a, c.i1, c.i2));
  if (op == "rfind") return num(rpy_bytes_rfind(b, a, c.i1, c.i2));
  if (op == "count") return num(rpy_bytes_count(b, a, c.i1, c.i2));
  if (op == "decode") {
    size_t k = araw.find('\0');
    rpy_string* r = rpy_bytes_decode(b, S(araw.substr(0, k)), S(araw.substr(k + 1)));
    return {'S', r ? text(r) : std::string()};
  }
  BOOST_FAIL("unknown op " << op);
  return {};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(bytes, ExcFixture)

BOOST_AUTO_TEST_CASE(matches_cpython) {
  for (const auto& c : kBytesOpCases) {
    clear_exc();
    auto got = run(c);
    BOOST_TEST_CONTEXT("#" << (&c - kBytesOpCases) << " " << c.op << "(" << text(rpy_bytes_repr(B(c.b, c.blen)))
                           << ", " << text(rpy_bytes_repr(B(c.a, c.alen))) << ", " << c.i1 << ", " << c.i2 << ")") {
      if (c.rkind == 'E') {
        BOOST_TEST(exc_name() == std::string(c.exc));
        BOOST_TEST(exc_msg() == std::string(c.msg));
      } else {
        BOOST_TEST(rpy_exc_type == nullptr);
        if (rpy_exc_type) BOOST_TEST_MESSAGE(exc_name() << ": " << exc_msg());
        BOOST_TEST(got.first == c.rkind);
        BOOST_TEST(got.second == std::string(c.r, (size_t)c.rlen));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(layout_and_decoded_lengths) {
  rpy_bytes* b = B("caf\xc3\xa9", 5);
  BOOST_TEST(b->length == 5);
  BOOST_TEST(b->hdr.tid == RPY_TID_STRING);
  BOOST_TEST(b->data[5] == '\0');
  rpy_string* s = rpy_bytes_decode(b, nullptr, nullptr);
  BOOST_TEST(s->length == 4);
  rpy_string* l = rpy_bytes_decode(b, S("latin-1"), nullptr);
  BOOST_TEST(l->length == 5);
  BOOST_TEST(l->nbytes == 7);
  BOOST_TEST(rpy_bytes_hash(b) == rpy_str_hash(S("caf\xc3\xa9", 5)));
  // Encoding round-trips every code point (surrogates excepted).
  for (uint32_t cp = 0; cp < 0x110000; cp += 13) {
    if (cp >= 0xd800 && cp < 0xe000) continue;
    rpy_string* c = rpy_chr(cp);
    rpy_bytes* e = rpy_str_encode(c, nullptr, nullptr);
    BOOST_TEST_REQUIRE(rpy_str_eq(rpy_bytes_decode(e, nullptr, nullptr), c));
  }
}

BOOST_AUTO_TEST_SUITE_END()
