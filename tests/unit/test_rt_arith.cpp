#define BOOST_TEST_MODULE rt_arith
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <cstdint>

#include "support/rt_cases.h"
#include "support/rt_test_util.h"

using namespace rt_test;

BOOST_FIXTURE_TEST_SUITE(arith, ExcFixture)

BOOST_AUTO_TEST_CASE(int_floordiv_mod_match_cpython) {
  for (const auto& c : kIntDivCases) {
    BOOST_TEST_CONTEXT(c.a << " // " << c.b) {
      BOOST_TEST(rpy_int_floordiv(c.a, c.b) == c.floordiv);
      BOOST_TEST(rpy_int_mod(c.a, c.b) == c.mod);
    }
  }
}

BOOST_AUTO_TEST_CASE(int_shifts) {
  BOOST_TEST(rpy_int_lshift(1, 3) == 8);
  BOOST_TEST(rpy_int_lshift(1, 63) == INT64_MIN);
  BOOST_TEST(rpy_int_lshift(5, 64) == 0);
  BOOST_TEST(rpy_int_lshift(-1, 200) == 0);
  BOOST_TEST(rpy_int_rshift(-8, 1) == -4);
  BOOST_TEST(rpy_int_rshift(-1, 100) == -1);
  BOOST_TEST(rpy_int_rshift(12345, 64) == 0);
  BOOST_TEST(rpy_int_rshift(-7, 1) == -4);  // floors, like Python
}

BOOST_AUTO_TEST_CASE(int_pow_wraps_like_cpython_mod_2_64) {
  for (const auto& c : kIntPowCases) {
    BOOST_TEST_CONTEXT(c.base << " ** " << c.exp) {
      BOOST_TEST(rpy_int_pow(c.base, c.exp) == c.value);
      BOOST_TEST(rpy_exc_type == nullptr);
    }
  }
}

BOOST_AUTO_TEST_CASE(int_pow_negative_exponent) {
  rpy_int_pow(2, -1);
  BOOST_TEST(rpy_exc_type == &rpy_vt_ValueError);
  BOOST_TEST(exc_msg() == "negative exponent in integer power");
}

template <size_t N>
static void check_float_binop(const FloatBinCase (&cases)[N], double (*op)(double, double),
                              const char* sym) {
  for (const auto& c : cases) {
    clear_exc();
    double v = op(c.a, c.b);
    BOOST_TEST_CONTEXT(std::hexfloat << c.a << " " << sym << " " << c.b) {
      if (c.ok) {
        BOOST_TEST(rpy_exc_type == nullptr);
        BOOST_TEST(same_double(v, c.value), std::hexfloat << v << " != " << c.value);
      } else {
        BOOST_TEST(exc_name() == std::string(c.exc));
        BOOST_TEST(exc_msg() == std::string(c.msg));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(float_floordiv_matches_cpython) {
  check_float_binop(kFloatFloorDivCases, rpy_float_floordiv, "//");
}

BOOST_AUTO_TEST_CASE(float_mod_matches_cpython) {
  check_float_binop(kFloatModCases, rpy_float_mod, "%");
}

BOOST_AUTO_TEST_CASE(float_pow_matches_cpython) {
  check_float_binop(kFloatPowCases, rpy_float_pow, "**");
}

BOOST_AUTO_TEST_CASE(float_pow_error_types) {
  rpy_float_pow(0.0, -1.0);
  BOOST_TEST(rpy_exc_type == &rpy_vt_ZeroDivisionError);
  clear_exc();
  rpy_float_pow(-2.0, 0.5);
  BOOST_TEST(rpy_exc_type == &rpy_vt_ValueError);
  clear_exc();
  rpy_float_pow(10.0, 400.0);
  BOOST_TEST(rpy_exc_type == &rpy_vt_OverflowError);
  clear_exc();
  BOOST_TEST(rpy_float_pow(10.0, -400.0) == 0.0);  // underflow is not an error
  BOOST_TEST(rpy_exc_type == nullptr);
}

BOOST_AUTO_TEST_CASE(float2int_matches_cpython) {
  for (const auto& c : kFloat2IntCases) {
    clear_exc();
    Signed v = rpy_float2int(c.x);
    BOOST_TEST_CONTEXT("int(" << std::hexfloat << c.x << ")") {
      if (c.ok) {
        BOOST_TEST(rpy_exc_type == nullptr);
        BOOST_TEST(v == c.value);
      } else {
        BOOST_TEST(exc_name() == std::string(c.exc));
        BOOST_TEST(exc_msg() == std::string(c.msg));
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
