#define BOOST_TEST_MODULE rt_format
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "support/rt_cases.h"
#include "support/rt_format_cases.h"
#include "support/rt_test_util.h"

using namespace rt_test;

namespace {

std::string args_text(const TestArg* a, int n) {
  std::string r;
  for (int i = 0; i < n; i++) {
    if (i) r += ", ";
    switch (a[i].kind) {
      case RPY_FMTARG_INT: r += std::to_string(a[i].i); break;
      case RPY_FMTARG_BOOL: r += a[i].i ? "True" : "False"; break;
      case RPY_FMTARG_FLOAT: r += text(rpy_float2str(a[i].f)); break;
      case RPY_FMTARG_STR: r += text(rpy_str_repr(S(a[i].s, a[i].slen))); break;
      default: r += "None";
    }
  }
  return r;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(format, ExcFixture)

BOOST_AUTO_TEST_CASE(percent_matches_cpython) {
  for (const auto& c : kPercentCases) {
    clear_exc();
    std::vector<rpy_fmtarg> args;
    for (int i = 0; i < c.nargs; i++) {
      const TestArg& a = c.args[i];
      args.push_back(rpy_fmtarg{a.kind, a.i, a.f, a.kind == RPY_FMTARG_STR ? S(a.s, a.slen) : nullptr});
    }
    rpy_string* r = rpy_str_mod(S(c.fmt, c.fmtlen), args.data(), (Signed)args.size());
    BOOST_TEST_CONTEXT("#" << (&c - kPercentCases) << " " << text(rpy_str_repr(S(c.fmt, c.fmtlen))) << " % ("
                           << args_text(c.args, c.nargs) << ")") {
      if (c.ok) {
        BOOST_TEST(rpy_exc_type == nullptr);
        if (rpy_exc_type) BOOST_TEST_MESSAGE(exc_name() << ": " << exc_msg());
        BOOST_TEST((r ? text(r) : std::string("<null>")) == std::string(c.r, (size_t)c.rlen));
        if (r) BOOST_TEST(r->length == S(c.r, c.rlen)->length);
      } else {
        BOOST_TEST(exc_name() == std::string(c.exc));
        BOOST_TEST(exc_msg() == std::string(c.msg));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(format_spec_matches_cpython) {
  for (const auto& c : kSpecCases) {
    clear_exc();
    rpy_string* spec = S(c.spec, c.speclen);
    rpy_string* r = nullptr;
    switch (c.kind) {
      case 'i': r = rpy_format_int(c.i, spec); break;
      case 'b': r = rpy_format_bool(c.i != 0, spec); break;
      case 'f': r = rpy_format_float(c.f, spec); break;
      default: r = rpy_format_str(S(c.s, c.slen), spec); break;
    }
    BOOST_TEST_CONTEXT("#" << (&c - kSpecCases) << " format(" << c.kind << ":" << c.i << "/"
                           << text(rpy_float2str(c.f)) << "/" << std::string(c.s, (size_t)c.slen) << ", "
                           << text(rpy_str_repr(spec)) << ")") {
      if (c.ok) {
        BOOST_TEST(rpy_exc_type == nullptr);
        if (rpy_exc_type) BOOST_TEST_MESSAGE(exc_name() << ": " << exc_msg());
        BOOST_TEST((r ? text(r) : std::string("<null>")) == std::string(c.r, (size_t)c.rlen));
        if (r) BOOST_TEST(r->length == S(c.r, c.rlen)->length);
      } else {
        BOOST_TEST(exc_name() == std::string(c.exc));
        BOOST_TEST(exc_msg() == std::string(c.msg));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(empty_spec_is_str_of_float) {
  // format(x, "") and "%s" % x are repr(x) for every float of the repr table.
  rpy_string* empty = S("", 0);
  for (const auto& c : kFloatReprCases) {
    BOOST_TEST_REQUIRE(text(rpy_format_float(c.x, empty)) == std::string(c.repr));
    rpy_fmtarg a{RPY_FMTARG_FLOAT, 0, c.x, nullptr};
    BOOST_TEST_REQUIRE(text(rpy_str_mod(S("%s", 2), &a, 1)) == std::string(c.repr));
  }
}

BOOST_AUTO_TEST_CASE(repr_helpers) {
  BOOST_TEST(text(rpy_none2str()) == "None");
  BOOST_TEST(text(rpy_bool2str(true)) == "True");
  BOOST_TEST(text(rpy_str_ascii(S("caf\xc3\xa9 \xf0\x9f\x98\x80'"))) == "\"caf\\xe9 \\U0001f600'\"");
  BOOST_TEST(text(rpy_int_tohex(-255)) == "-0xff");
  BOOST_TEST(text(rpy_int_tooct(8)) == "0o10");
  BOOST_TEST(text(rpy_int_tobin(INT64_MIN)) == "-0b1" + std::string(63, '0'));
}

BOOST_AUTO_TEST_SUITE_END()
