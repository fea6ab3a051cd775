#define BOOST_TEST_MODULE rt_str
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <cstdint>

#include "support/rt_cases.h"
#include "support/rt_test_util.h"

using namespace rt_test;

BOOST_FIXTURE_TEST_SUITE(strings, ExcFixture)

BOOST_AUTO_TEST_CASE(from_utf8_counts_code_points) {
  rpy_string* s = S("h\xc3\xa9llo \xe4\xb8\xad \xf0\x9f\x98\x80", 15);
  BOOST_TEST(s->nbytes == 15);
  BOOST_TEST(s->length == 9);
  BOOST_TEST(s->hash == 0);
  BOOST_TEST(s->hdr.tid == RPY_TID_STRING);
  BOOST_TEST(s->data[15] == '\0');
  rpy_string* e = S("", 0);
  BOOST_TEST(e->nbytes == 0);
  BOOST_TEST(e->length == 0);
  BOOST_TEST(e->data[0] == '\0');
  // Embedded NULs are ordinary characters.
  rpy_string* z = S(std::string("a\0b", 3));
  BOOST_TEST(z->length == 3);
}

BOOST_AUTO_TEST_CASE(from_utf8_long_input) {
  std::string big;
  for (int i = 0; i < 10000; i++) big += "x\xc3\xa9\xe2\x82\xac";
  rpy_string* s = S(big);
  BOOST_TEST(s->nbytes == 60000);
  BOOST_TEST(s->length == 30000);
  BOOST_TEST(text(s) == big);
}

BOOST_AUTO_TEST_CASE(concat) {
  rpy_string* a = S("ab\xc3\xa9", 4);
  rpy_string* b = S("\xe2\x82\xac!", 4);
  rpy_string* c = rpy_str_concat(a, b);
  BOOST_TEST(text(c) == "ab\xc3\xa9\xe2\x82\xac!");
  BOOST_TEST(c->length == 5);
  BOOST_TEST(c->nbytes == 8);
  BOOST_TEST(c->data[8] == '\0');
  BOOST_TEST(text(a) == "ab\xc3\xa9");  // operands untouched
  rpy_string* e = S("", 0);
  BOOST_TEST(text(rpy_str_concat(e, a)) == text(a));
  BOOST_TEST(text(rpy_str_concat(a, e)) == text(a));
  BOOST_TEST(rpy_str_concat(e, e)->nbytes == 0);
}

BOOST_AUTO_TEST_CASE(concat3_and_concat4) {
  rpy_string* a = S("ab\xc3\xa9", 4);
  rpy_string* b = S("+", 1);
  rpy_string* c = S("\xe2\x82\xac", 3);
  rpy_string* e = S("", 0);
  rpy_string* abc = rpy_str_concat3(a, b, c);
  BOOST_TEST(text(abc) == "ab\xc3\xa9+\xe2\x82\xac");
  BOOST_TEST(abc->length == 5);
  BOOST_TEST(abc->data[abc->nbytes] == '\0');
  rpy_string* abca = rpy_str_concat4(a, b, c, a);
  BOOST_TEST(text(abca) == "ab\xc3\xa9+\xe2\x82\xac" "ab\xc3\xa9");
  BOOST_TEST(abca->length == 8);
  // Empty pieces drop out, down to sharing the one non-empty piece.
  BOOST_TEST(text(rpy_str_concat3(e, b, e)) == "+");
  BOOST_TEST(rpy_str_concat3(e, b, e) == b);
  BOOST_TEST(rpy_str_concat4(e, e, e, c) == c);
  BOOST_TEST(text(rpy_str_concat4(a, e, c, e)) == "ab\xc3\xa9\xe2\x82\xac");
  BOOST_TEST(rpy_str_concat4(e, e, e, e)->nbytes == 0);
}

BOOST_AUTO_TEST_CASE(ascii_char_table) {
  // What generated code reads inline for s[i] on ASCII text: the same
  // objects the runtime's s[i] returns, valid one-character strings.
  rpy_string* s = S("a~\x01", 3);
  BOOST_TEST(rpy_str_is_ascii(s));
  BOOST_TEST(!rpy_str_is_ascii(S("\xc3\xa9", 2)));
  for (Signed i = 0; i < 3; i++) {
    rpy_string* c = rpy_ascii_char_at(s, i);
    BOOST_TEST(c == rpy_str_getitem_nonneg(s, i));
    BOOST_TEST(c->length == 1);
    BOOST_TEST(c->nbytes == 1);
    BOOST_TEST(c->data[0] == s->data[i]);
    BOOST_TEST(c->data[1] == '\0');
  }
  BOOST_TEST(rpy_ascii_chars.c[128].nbytes == 0);
}

BOOST_AUTO_TEST_CASE(concat_int) {
  rpy_string* a = S("\xc3\xa9t\xc3\xa9 ", 6);
  rpy_string* e = S("", 0);
  rpy_string* s = rpy_str_concat_int(a, -9223372036854775807LL - 1, S("!", 1));
  BOOST_TEST(text(s) == "\xc3\xa9t\xc3\xa9 -9223372036854775808!");
  BOOST_TEST(s->length == 25);
  BOOST_TEST(s->data[s->nbytes] == '\0');
  BOOST_TEST(text(rpy_str_concat_int(e, 0, e)) == "0");
  BOOST_TEST(text(rpy_str_concat_int(S("w", 1), 976, e)) == "w976");
  BOOST_TEST(rpy_str_concat_int(e, 42, e)->length == 2);
}

// compute_hash() of a str: the values rpython.rlib.objectmodel gives
// untranslated (tests/rlib/test_objectmodel.py checks the same ones), over
// word boundaries and UTF-8.
BOOST_AUTO_TEST_CASE(hash_matches_the_untranslated_values) {
  BOOST_TEST(rpy_str_hash(S("", 0)) == 0);
  BOOST_TEST(rpy_str_hash(S("a", 1)) == INT64_C(-2597814575613651509));
  BOOST_TEST(rpy_str_hash(S("abc", 3)) == INT64_C(1698730324192885976));
  BOOST_TEST(rpy_str_hash(S("hello world", 11)) == INT64_C(3233409639348152086));
  BOOST_TEST(rpy_str_hash(S("abcdefgh", 8)) == INT64_C(6140184944705988111));
  BOOST_TEST(rpy_str_hash(S("abcdefghijklmnop", 16)) == INT64_C(-3956855841656747921));
  BOOST_TEST(rpy_str_hash(S("abcdefghijklmnopq", 17)) == INT64_C(-5994845636940050681));
  BOOST_TEST(rpy_str_hash(S("h\xc3\xa9llo w\xc3\xb6rld!!", 15)) == INT64_C(-6768915210735745798));
  rpy_string* s = S("abc", 3);
  rpy_str_hash(s);
  BOOST_TEST(s->hash == INT64_C(1698730324192885976));  // cached
  // The tail is read as a whole word: bytes past the NUL (reused memory
  // holds anything there) must not change the hash.
  rpy_string* dirty = S("hello world", 11);
  for (int k = 12; k < 16; k++) dirty->data[k] = (char)0xa5;
  BOOST_TEST(rpy_str_hash(dirty) == INT64_C(3233409639348152086));
}

BOOST_AUTO_TEST_CASE(eq) {
  rpy_string* a = S("hello", 5);
  rpy_string* b = S("hello", 5);
  rpy_string* c = S("hellp", 5);
  rpy_string* d = S("hell", 4);
  BOOST_TEST(rpy_str_eq(a, a));
  BOOST_TEST(rpy_str_eq(a, b));
  BOOST_TEST(!rpy_str_eq(a, c));
  BOOST_TEST(!rpy_str_eq(a, d));
  BOOST_TEST(rpy_str_eq(S("", 0), S("", 0)));
  BOOST_TEST(rpy_str_eq(nullptr, nullptr));
  BOOST_TEST(!rpy_str_eq(a, nullptr));
  BOOST_TEST(!rpy_str_eq(nullptr, a));
  // Cached hashes that differ short-cut to "not equal"; equal ones still compare.
  c->hash = 1;
  a->hash = 2;
  BOOST_TEST(!rpy_str_eq(a, c));
  b->hash = 2;
  BOOST_TEST(rpy_str_eq(a, b));
}

BOOST_AUTO_TEST_CASE(int2str) {
  BOOST_TEST(text(rpy_int2str(0)) == "0");
  BOOST_TEST(text(rpy_int2str(7)) == "7");
  BOOST_TEST(text(rpy_int2str(-42)) == "-42");
  BOOST_TEST(text(rpy_int2str(INT64_MAX)) == "9223372036854775807");
  BOOST_TEST(text(rpy_int2str(INT64_MIN)) == "-9223372036854775808");
  rpy_string* s = rpy_int2str(-1234567);
  BOOST_TEST(s->length == 8);
  BOOST_TEST(s->data[8] == '\0');
  for (Signed v = -100000; v <= 100000; v += 7)
    BOOST_TEST_REQUIRE(text(rpy_int2str(v)) == std::to_string(v));
}

BOOST_AUTO_TEST_CASE(bool2str) {
  BOOST_TEST(text(rpy_bool2str(true)) == "True");
  BOOST_TEST(text(rpy_bool2str(false)) == "False");
  BOOST_TEST(rpy_bool2str(false)->length == 5);
}

BOOST_AUTO_TEST_CASE(repr_matches_cpython) {
  for (const auto& c : kReprCases) {
    rpy_string* r = rpy_str_repr(S(c.in, c.len));
    BOOST_TEST_CONTEXT("input #" << (&c - kReprCases)) {
      BOOST_TEST(text(r) == std::string(c.repr));
      BOOST_TEST(r->length == S(c.repr, (long long)strlen(c.repr))->length);
    }
  }
}

BOOST_AUTO_TEST_CASE(str2int_matches_cpython) {
  for (const auto& c : kStr2IntCases) {
    clear_exc();
    Signed v = rpy_str2int(S(c.in, c.len));
    BOOST_TEST_CONTEXT("int(" << std::string(c.in, (size_t)std::min(c.len, 60LL)) << ")") {
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

BOOST_AUTO_TEST_CASE(str2int_raises_value_error_type) {
  rpy_str2int(S("nope", 4));
  BOOST_TEST(rpy_exc_type == &rpy_vt_ValueError);
  BOOST_TEST(rpy_exc_value->typeptr == &rpy_vt_ValueError);
  clear_exc();
  rpy_str2int(S("99999999999999999999", 20));
  BOOST_TEST(rpy_exc_type == &rpy_vt_OverflowError);
}

BOOST_AUTO_TEST_CASE(str2float_matches_cpython) {
  for (const auto& c : kStr2FloatCases) {
    clear_exc();
    double v = rpy_str2float(S(c.in, c.len));
    BOOST_TEST_CONTEXT("float(" << std::string(c.in, (size_t)std::min(c.len, 60LL)) << ")") {
      if (c.ok) {
        BOOST_TEST(rpy_exc_type == nullptr);
        BOOST_TEST(same_double(v, c.value), std::hexfloat << v << " != " << c.value);
      } else {
        BOOST_TEST(rpy_exc_type == &rpy_vt_ValueError);
        BOOST_TEST(exc_msg() == std::string(c.msg));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(str2float_round_trips_float2str) {
  uint64_t state = 0x243f6a8885a308d3ull;
  for (int i = 0; i < 5000; i++) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    double x;
    memcpy(&x, &state, sizeof x);
    double back = rpy_str2float(rpy_float2str(x));
    BOOST_TEST_REQUIRE(rpy_exc_type == nullptr);
    BOOST_TEST_REQUIRE(same_double(x, back));
  }
}

BOOST_AUTO_TEST_SUITE_END()
