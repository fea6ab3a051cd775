#define BOOST_TEST_MODULE rt_floatrepr
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <cfloat>
#include <cstdlib>

#include "support/rt_cases.h"
#include "support/rt_test_util.h"

using namespace rt_test;

BOOST_AUTO_TEST_CASE(matches_cpython_repr_table) {
  for (const auto& c : kFloatReprCases) {
    rpy_string* s = rpy_float2str(c.x);
    BOOST_TEST_CONTEXT("x = " << std::hexfloat << c.x) {
      BOOST_TEST(text(s) == std::string(c.repr));
      BOOST_TEST(s->length == s->nbytes);
      BOOST_TEST(s->data[s->nbytes] == '\0');
      BOOST_TEST(s->hdr.tid == RPY_TID_STRING);
    }
  }
}

BOOST_AUTO_TEST_CASE(layout_rules) {
  BOOST_TEST(text(rpy_float2str(1e16)) == "1e+16");
  BOOST_TEST(text(rpy_float2str(1.5e-05)) == "1.5e-05");
  BOOST_TEST(text(rpy_float2str(1e-05)) == "1e-05");
  BOOST_TEST(text(rpy_float2str(0.0001)) == "0.0001");
  BOOST_TEST(text(rpy_float2str(100.0)) == "100.0");
  BOOST_TEST(text(rpy_float2str(1234567890123456.0)) == "1234567890123456.0");
  BOOST_TEST(text(rpy_float2str(-0.0)) == "-0.0");
  BOOST_TEST(text(rpy_float2str(-NAN)) == "nan");
  BOOST_TEST(text(rpy_float2str(-INFINITY)) == "-inf");
  BOOST_TEST(text(rpy_float2str(DBL_MAX)) == "1.7976931348623157e+308");
  BOOST_TEST(text(rpy_float2str(-DBL_TRUE_MIN)) == "-5e-324");
}

// Shortest repr must round-trip: parse it back and get the same bits.
BOOST_AUTO_TEST_CASE(round_trips) {
  uint64_t state = 0x9e3779b97f4a7c15ull;
  for (int i = 0; i < 20000; i++) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    double x;
    memcpy(&x, &state, sizeof x);
    if (std::isnan(x)) continue;
    std::string r = text(rpy_float2str(x));
    double back = std::strtod(r.c_str(), nullptr);
    if (!same_double(x, back)) BOOST_ERROR("no round trip for " << std::hexfloat << x << ": " << r);
  }
}
