#define BOOST_TEST_MODULE rt_strmethods
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>

#include "support/rt_str_cases.h"
#include "support/rt_test_util.h"

using namespace rt_test;

namespace {

std::string list_repr(rpy_strlist* l) {
  std::string r = "[";
  for (Signed i = 0; i < l->length; i++) {
    if (i) r += ", ";
    r += text(rpy_str_repr(l->items->items[i]));
  }
  return r + "]";
}

std::string bytes_text(rpy_bytes* b) { return std::string(b->data, (size_t)b->nbytes); }

// Splits "a\0b" into its two parts (the generator packs two arguments so).
std::pair<std::string, std::string> two(const std::string& a) {
  size_t k = a.find('\0');
  return {a.substr(0, k), a.substr(k + 1)};
}

rpy_strlist* make_list(const std::string& packed, Signed n) {
  rpy_strlist* l = rpy_strlist_new(n);
  size_t pos = 0;
  for (Signed i = 0; i < n; i++) {
    size_t k = packed.find('\0', pos);
    if (k == std::string::npos) k = packed.size();
    l->items->items[i] = S(packed.substr(pos, k - pos));
    pos = k + 1;
  }
  return l;
}

// Runs one case; the result as (kind, text) in the generator's terms.
std::pair<char, std::string> run(const StrOpCase& c) {
  std::string op = c.op;
  rpy_string* s = S(c.s, c.slen);
  std::string araw(c.a, (size_t)c.alen);
  rpy_string* a = c.a_none ? nullptr : S(araw);
  auto str = [](rpy_string* r) { return std::make_pair('S', r ? text(r) : std::string()); };
  auto num = [](Signed v) { return std::make_pair('I', std::to_string(v)); };
  auto boo = [](bool v) { return std::make_pair('B', std::string(v ? "1" : "0")); };
  auto lst = [](rpy_strlist* l) { return std::make_pair('L', l ? list_repr(l) : std::string()); };
  if (op == "len") return num(s->length);
  if (op == "getitem") return str(rpy_str_getitem(s, c.i1));
  if (op == "slice") return str(rpy_str_slice(s, c.i1, c.i2));
  if (op.rfind("slice_step", 0) == 0) return str(rpy_str_slice_step(s, c.i1, c.i2, std::stoll(op.substr(10))));
  if (op == "strip") return str(rpy_str_strip(s, a));
  if (op == "lstrip") return str(rpy_str_lstrip(s, a));
  if (op == "rstrip") return str(rpy_str_rstrip(s, a));
  if (op == "lower") return str(rpy_str_lower(s));
  if (op == "upper") return str(rpy_str_upper(s));
  if (op == "isdigit") return boo(rpy_str_isdigit(s));
  if (op == "isalpha") return boo(rpy_str_isalpha(s));
  if (op == "isalnum") return boo(rpy_str_isalnum(s));
  if (op == "isspace") return boo(rpy_str_isspace(s));
  if (op == "isdecimal") return boo(rpy_str_isdecimal(s));
  if (op == "isnumeric") return boo(rpy_str_isnumeric(s));
  if (op == "islower") return boo(rpy_str_islower(s));
  if (op == "isupper") return boo(rpy_str_isupper(s));
  if (op == "capitalize") return str(rpy_str_capitalize(s));
  if (op == "title") return str(rpy_str_title(s));
  if (op == "swapcase") return str(rpy_str_swapcase(s));
  if (op == "casefold") return str(rpy_str_casefold(s));
  if (op == "istitle") return boo(rpy_str_istitle(s));
  if (op == "isascii") return boo(rpy_str_isascii(s));
  if (op == "isprintable") return boo(rpy_str_isprintable(s));
  if (op == "isidentifier") return boo(rpy_str_isidentifier(s));
  if (op == "expandtabs") return str(rpy_str_expandtabs(s, c.i1));
  if (op == "zfill") return str(rpy_str_zfill(s, c.i1));
  if (op == "ljust") return str(rpy_str_ljust(s, c.i1, a));
  if (op == "rjust") return str(rpy_str_rjust(s, c.i1, a));
  if (op == "center") return str(rpy_str_center(s, c.i1, a));
  if (op == "splitlines") return lst(rpy_str_splitlines(s, c.i1 != 0));
  if (op == "split") return lst(rpy_str_split(s, a, c.i1));
  if (op == "rsplit") return lst(rpy_str_rsplit(s, a, c.i1));
  if (op == "contains") return boo(rpy_str_contains(s, a));
  if (op == "cmp") {
    Signed r = rpy_str_cmp(s, a);
    return num(r < 0 ? -1 : r > 0 ? 1 : 0);
  }
  if (op == "find") return num(rpy_str_find(s, a, c.i1, c.i2));
  if (op == "rfind") return num(rpy_str_rfind(s, a, c.i1, c.i2));
  if (op == "index") return num(rpy_str_index(s, a, c.i1, c.i2));
  if (op == "rindex") return num(rpy_str_rindex(s, a, c.i1, c.i2));
  if (op == "count") return num(rpy_str_count(s, a, c.i1, c.i2));
  if (op == "startswith") return boo(rpy_str_startswith(s, a, c.i1, c.i2));
  if (op == "endswith") return boo(rpy_str_endswith(s, a, c.i1, c.i2));
  if (op == "replace") {
    auto [o, r] = two(araw);
    return str(rpy_str_replace(s, S(o), S(r), c.i1));
  }
  if (op == "mul") return str(rpy_str_mul(s, c.i1));
  if (op == "encode") {
    auto [enc, err] = two(araw);
    rpy_bytes* b = rpy_str_encode(s, S(enc), S(err));
    return {'Y', b ? bytes_text(b) : std::string()};
  }
  if (op == "ord") return num(rpy_str_ord(s));
  if (op == "chr") return str(rpy_chr(c.i1));
  if (op == "join") {
    rpy_strlist* l = make_list(araw, c.i1);
    return str(rpy_str_join(s, l));
  }
  BOOST_FAIL("unknown op " << op);
  return {};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(strmethods, ExcFixture)

BOOST_AUTO_TEST_CASE(matches_cpython) {
  int n = 0;
  for (const auto& c : kStrOpCases) {
    clear_exc();
    std::pair<char, std::string> got;
    // Exceptions leave results unspecified: only the exception is compared.
    if (c.rkind == 'E') {
      std::string op = c.op;
      run(c);
    } else {
      got = run(c);
    }
    BOOST_TEST_CONTEXT("#" << (&c - kStrOpCases) << " " << c.op << "(" << rpy_str_repr(S(c.s, c.slen))->data
                           << ", " << rpy_str_repr(S(c.a, c.alen))->data << ", " << c.i1 << ", " << c.i2 << ")") {
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
    n++;
  }
  BOOST_TEST_MESSAGE(n << " cases");
}

BOOST_AUTO_TEST_CASE(results_have_consistent_lengths) {
  // Every str result must carry its code point count and a trailing NUL.
  for (const auto& c : kStrOpCases) {
    if (c.rkind != 'S') continue;
    clear_exc();
    auto got = run(c);
    (void)got;
  }
  rpy_string* s = S("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 10);
  for (Signed i = 0; i <= 4; i++)
    for (Signed j = 0; j <= 4; j++) {
      rpy_string* r = rpy_str_slice(s, i, j);
      BOOST_TEST(r->length == rpy_str_from_utf8(r->data, r->nbytes)->length);
      BOOST_TEST(r->data[r->nbytes] == '\0');
    }
  rpy_string* u = rpy_str_upper(S("stra\xc3\x9f" "e", 7));
  BOOST_TEST(text(u) == "STRASSE");
  BOOST_TEST(u->length == 7);
}

BOOST_AUTO_TEST_CASE(indexing_non_ascii_walks) {
  // Sequential, reverse and random access over a long non-ASCII string all
  // agree with a reference decoding (exercising the index cache).
  std::string big;
  std::vector<std::string> chars;
  const char* pieces[] = {"a", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "z"};
  for (int i = 0; i < 3000; i++) {
    const char* p = pieces[(i * 7 + i / 13) % 5];
    chars.push_back(p);
    big += p;
  }
  rpy_string* s = S(big);
  BOOST_TEST(s->length == 3000);
  for (Signed i = 0; i < 3000; i++) BOOST_TEST_REQUIRE(text(rpy_str_getitem(s, i)) == chars[(size_t)i]);
  for (Signed i = 2999; i >= 0; i--) BOOST_TEST_REQUIRE(text(rpy_str_getitem(s, i)) == chars[(size_t)i]);
  uint64_t st = 12345;
  for (int k = 0; k < 5000; k++) {
    st = st * 6364136223846793005ull + 1442695040888963407ull;
    Signed i = (Signed)((st >> 33) % 3000);
    BOOST_TEST_REQUIRE(text(rpy_str_getitem(s, i - 3000)) == chars[(size_t)i]);
    BOOST_TEST_REQUIRE(rpy_str_ord_at(s, i) == rpy_str_ord(S(chars[(size_t)i])));
  }
  rpy_str_index_cache_clear();
  BOOST_TEST(text(rpy_str_getitem(s, 1500)) == chars[1500]);
}

BOOST_AUTO_TEST_CASE(split_join_large) {
  std::string t;
  for (int i = 0; i < 5000; i++) t += "w" + std::to_string(i) + (i % 3 ? " " : "\t\n ");
  rpy_strlist* l = rpy_str_split(S(t), nullptr, -1);
  BOOST_TEST(l->length == 5000);
  BOOST_TEST(l->items->length >= l->length);
  rpy_string* j = rpy_str_join(S(",", 1), l);
  rpy_strlist* l2 = rpy_str_split(j, S(",", 1), -1);
  BOOST_TEST(l2->length == 5000);
  for (Signed i = 0; i < 5000; i++) BOOST_TEST_REQUIRE(rpy_str_eq(l->items->items[i], l2->items->items[i]));
  // None inside the list is CPython's TypeError.
  l2->items->items[3] = nullptr;
  BOOST_TEST(rpy_str_join(S(",", 1), l2) == nullptr);
  BOOST_TEST(exc_name() == "TypeError");
  BOOST_TEST(exc_msg() == "sequence item 3: expected str instance, NoneType found");
}

BOOST_AUTO_TEST_CASE(ascii_lower_upper_casefold_every_byte) {
  // The vectorized ASCII loop: every byte from 1 to 127 (each at an offset
  // of its own, so the vector body and the scalar tail both see it), and the
  // input returned as is when nothing changes.
  std::string all;
  for (int rep = 0; rep < 3; rep++)
    for (int c = 1; c < 128; c++) all.push_back((char)c);
  std::string up = all, lo = all;
  for (char& c : up) c = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
  for (char& c : lo) c = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
  rpy_string* s = S(all);
  BOOST_TEST(text(rpy_str_upper(s)) == up);
  BOOST_TEST(text(rpy_str_lower(s)) == lo);
  BOOST_TEST(text(rpy_str_casefold(s)) == lo);
  BOOST_TEST(rpy_str_upper(s)->length == (Signed)all.size());
  rpy_string* already = S("ALREADY UPPER 123", 17);
  BOOST_TEST(rpy_str_upper(already) == already);
}

BOOST_AUTO_TEST_CASE(lower_upper_all_code_points_round_trip_lengths) {
  // Every code point lowers/uppers to valid UTF-8 with a correct cached length.
  for (uint32_t cp = 0; cp < 0x110000; cp += 7) {
    if (cp >= 0xd800 && cp < 0xe000) continue;
    rpy_string* c = rpy_chr(cp);
    rpy_string* lo = rpy_str_lower(c);
    rpy_string* up = rpy_str_upper(c);
    BOOST_TEST_REQUIRE(lo->length == rpy_str_from_utf8(lo->data, lo->nbytes)->length);
    BOOST_TEST_REQUIRE(up->length == rpy_str_from_utf8(up->data, up->nbytes)->length);
  }
}

BOOST_AUTO_TEST_CASE(case_mappings_all_code_points_match_tables) {
  // title()/casefold()/swapcase() of every code point give valid UTF-8 with a
  // correct cached length; a few full mappings checked by value.
  for (uint32_t cp = 0; cp < 0x110000; cp += 5) {
    if (cp >= 0xd800 && cp < 0xe000) continue;
    rpy_string* c = rpy_chr(cp);
    for (rpy_string* r : {rpy_str_title(c), rpy_str_casefold(c), rpy_str_swapcase(c), rpy_str_capitalize(c)})
      BOOST_TEST_REQUIRE(r->length == rpy_str_from_utf8(r->data, r->nbytes)->length);
  }
  BOOST_TEST(text(rpy_str_casefold(S("\xc3\x9f"))) == "ss");                    // U+00DF
  BOOST_TEST(text(rpy_str_title(S("\xef\xac\x81"))) == "Fi");                  // U+FB01
  BOOST_TEST(text(rpy_str_title(S("\xc7\x86"))) == "\xc7\x85");                 // U+01C6 -> U+01C5
  BOOST_TEST(text(rpy_str_capitalize(S("\xc3\x9f" "a"))) == "Ssa");
  BOOST_TEST(text(rpy_str_swapcase(S("a\xce\xa3"))) == "A\xcf\x82");           // final sigma
  BOOST_TEST(rpy_str_isidentifier(S("_\xc3\xa9t\xc3\xa9")));
  BOOST_TEST(!rpy_str_isidentifier(S("")));
  BOOST_TEST(rpy_str_isprintable(S("")));
}

BOOST_AUTO_TEST_CASE(case_mappings_long_inputs) {
  std::string t;
  for (int i = 0; i < 2000; i++) t += i % 2 ? "\xc3\x9f word\t" : "ascii Word\t";
  rpy_string* s = S(t);
  rpy_string* f = rpy_str_casefold(s);
  rpy_string* x = rpy_str_expandtabs(s, 4);
  BOOST_TEST(f->length == rpy_str_from_utf8(f->data, f->nbytes)->length);
  BOOST_TEST(f->length == s->length + 1000);  // each \xdf folds to "ss"
  BOOST_TEST(x->length == rpy_str_from_utf8(x->data, x->nbytes)->length);
  std::string a;
  for (int i = 0; i < 3000; i++) a += "ab Cd ";
  rpy_string* t2 = rpy_str_title(S(a));
  BOOST_TEST(text(t2).substr(0, 12) == "Ab Cd Ab Cd ");
  BOOST_TEST(rpy_str_istitle(t2));
}

BOOST_AUTO_TEST_SUITE_END()
