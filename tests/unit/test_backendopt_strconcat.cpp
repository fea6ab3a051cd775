// fuse_str_concats (backendopt/strconcat.cpp) on hand-built low-level
// graphs: which chains of rpy_str_concat become one rpy_str_concat3/4 or
// rpy_str_concat_int, and which intermediates must stay because something
// else reads them.
#include <boost/test/unit_test.hpp>

#include "rtyper/externals.h"
#include "support/llgraph.h"

using namespace rpy;
using namespace rpy::testing;

namespace {

// G with four str arguments a, b, c, d.
struct Strs : G {
  explicit Strs(const std::string& name) : G(name, {}, lltypes::StrPtr()) {
    g.startblock->inputargs = {var("a", S()), var("b", S()), var("c", S()), var("d", S())};
  }
  static const LLType* S() { return lltypes::StrPtr(); }
  Variable* concat(Block* b, Value* x, Value* y) {
    Constant* fn = g.new_llconst("rpy_str_concat", Constant::External, external("rpy_str_concat"));
    fn->concretetype = lltypes::Void;
    return op(b, "direct_call", {fn, x, y}, S());
  }
  Variable* int2str(Block* b, Value* x) {
    Constant* fn = g.new_llconst("rpy_int2str", Constant::External, external("rpy_int2str"));
    fn->concretetype = lltypes::Void;
    return op(b, "direct_call", {fn, x}, S());
  }
  // A fifth argument n: Signed, for str(n) pieces.
  Variable* add_int_arg() {
    Variable* n = var("n", lltypes::Signed);
    g.startblock->inputargs.push_back(n);
    return n;
  }
  Variable* a() { return arg(0); }
  Variable* b() { return arg(1); }
  Variable* c() { return arg(2); }
  Variable* d() { return arg(3); }
};

// The dump without the (long) type of every str variable.
std::string dump(const FunctionGraph& g) {
  std::string d = g.dump(), type = ": Ptr(GcStruct rpy_string)";
  for (size_t i; (i = d.find(type)) != std::string::npos;) d.erase(i, type.size());
  return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backendopt_strconcat)

BOOST_AUTO_TEST_CASE(left_chain_of_three_is_one_call) {
  Strs t("three");
  Block* s = t.g.startblock;
  t.ret(s, t.concat(s, t.concat(s, t.a(), t.b()), t.c()));
  BOOST_TEST(fuse_str_concats(&t.g) == 1u);
  check_consistent(t.g);
  BOOST_TEST(dump(t.g) ==
             "graph three(a_3, b_4, c_5, d_6)\n"
             "block2(a_3, b_4, c_5, d_6):\n"
             "    v_8 = direct_call(rpy_str_concat3, a_3, b_4, c_5)\n"
             "    -> return(v_8)\n");
  BOOST_TEST(fuse_str_concats(&t.g) == 0u);
}

BOOST_AUTO_TEST_CASE(right_nested_and_four_pieces) {
  Strs t("four");
  Block* s = t.g.startblock;
  // a + (b + (c + d)): associativity makes it one call of four pieces.
  Variable* cd = t.concat(s, t.c(), t.d());
  Variable* bcd = t.concat(s, t.b(), cd);
  t.ret(s, t.concat(s, t.a(), bcd));
  BOOST_TEST(fuse_str_concats(&t.g) == 2u);
  check_consistent(t.g);
  BOOST_TEST(dump(t.g) ==
             "graph four(a_3, b_4, c_5, d_6)\n"
             "block2(a_3, b_4, c_5, d_6):\n"
             "    v_9 = direct_call(rpy_str_concat4, a_3, b_4, c_5, d_6)\n"
             "    -> return(v_9)\n");
}

BOOST_AUTO_TEST_CASE(five_pieces_split_into_two_calls) {
  Strs t("five");
  Block* s = t.g.startblock;
  Variable* x = t.concat(s, t.a(), t.b());
  x = t.concat(s, x, t.c());
  x = t.concat(s, x, t.d());
  x = t.concat(s, x, t.a());  // a fifth piece: no rpy_str_concat5
  t.ret(s, x);
  BOOST_TEST(fuse_str_concats(&t.g) == 2u);
  check_consistent(t.g);
  BOOST_TEST(dump(t.g) ==
             "graph five(a_3, b_4, c_5, d_6)\n"
             "block2(a_3, b_4, c_5, d_6):\n"
             "    v_9 = direct_call(rpy_str_concat4, a_3, b_4, c_5, d_6)\n"
             "    v_10 = direct_call(rpy_str_concat, v_9, a_3)\n"
             "    -> return(v_10)\n");
}

BOOST_AUTO_TEST_CASE(intermediate_read_elsewhere_stays) {
  // Read by another operation, by a link, by a block of its own: each keeps
  // the intermediate string (it is needed as a value).
  {
    Strs t("used_twice");
    Block* s = t.g.startblock;
    Variable* ab = t.concat(s, t.a(), t.b());
    Variable* abc = t.concat(s, ab, t.c());
    t.ret(s, t.concat(s, abc, ab));
    // a + b stays (read twice); (ab + c) + ab is one call.
    BOOST_TEST(fuse_str_concats(&t.g) == 1u);
    check_consistent(t.g);
    BOOST_TEST(dump(t.g) ==
               "graph used_twice(a_3, b_4, c_5, d_6)\n"
               "block2(a_3, b_4, c_5, d_6):\n"
               "    v_7 = direct_call(rpy_str_concat, a_3, b_4)\n"
               "    v_9 = direct_call(rpy_str_concat3, v_7, c_5, v_7)\n"
               "    -> return(v_9)\n");
  }
  {
    Strs t("passed_on");
    Block* s = t.g.startblock;
    Variable* ab = t.concat(s, t.a(), t.b());
    Variable* abc = t.concat(s, ab, t.c());
    Block* next = t.block({t.var("x", Strs::S()), t.var("y", Strs::S())});
    t.link(s, next, {ab, abc});
    t.ret(next, t.concat(next, next->inputargs[0], next->inputargs[1]));
    BOOST_TEST(fuse_str_concats(&t.g) == 0u);
    check_consistent(t.g);
  }
  {
    // Across blocks: the chain is only followed inside one block.
    Strs t("two_blocks");
    Block* s = t.g.startblock;
    Variable* ab = t.concat(s, t.a(), t.b());
    Block* next = t.block({t.var("x", Strs::S()), t.var("c", Strs::S())});
    t.link(s, next, {ab, t.c()});
    t.ret(next, t.concat(next, next->inputargs[0], next->inputargs[1]));
    BOOST_TEST(fuse_str_concats(&t.g) == 0u);
  }
}

BOOST_AUTO_TEST_CASE(decimal_int_is_formatted_into_the_result) {
  {
    Strs t("prefix");
    Block* s = t.g.startblock;
    Variable* n = t.add_int_arg();
    t.ret(s, t.concat(s, t.a(), t.int2str(s, n)));
    BOOST_TEST(fuse_str_concats(&t.g) == 1u);
    check_consistent(t.g);
    BOOST_TEST(dump(t.g) ==
               "graph prefix(a_3, b_4, c_5, d_6, n_7: Signed)\n"
               "block2(a_3, b_4, c_5, d_6, n_7: Signed):\n"
               "    v_9 = direct_call(rpy_str_concat_int, a_3, n_7, '')\n"
               "    -> return(v_9)\n");
    BOOST_TEST(fuse_str_concats(&t.g) == 0u);
  }
  {
    // str(n) + a, and "<" + str(n) + ">" as a chain of two concatenations.
    Strs t("around");
    Block* s = t.g.startblock;
    Variable* n = t.add_int_arg();
    Variable* first = t.concat(s, t.int2str(s, n), t.a());
    Variable* second = t.concat(s, t.concat(s, t.b(), t.int2str(s, n)), t.c());
    t.ret(s, t.concat(s, first, second));
    // (b + str(n)) + c is one piece of three, formatted in place; the
    // outer call joins it with the first chain, whose int is not in the
    // middle of three pieces and stays a string.
    BOOST_TEST(fuse_str_concats(&t.g) == 3u);
    check_consistent(t.g);
    BOOST_TEST(dump(t.g) ==
               "graph around(a_3, b_4, c_5, d_6, n_7: Signed)\n"
               "block2(a_3, b_4, c_5, d_6, n_7: Signed):\n"
               "    v_8 = direct_call(rpy_int2str, n_7)\n"
               "    v_12 = direct_call(rpy_str_concat_int, b_4, n_7, c_5)\n"
               "    v_13 = direct_call(rpy_str_concat3, v_8, a_3, v_12)\n"
               "    -> return(v_13)\n");
  }
  {
    Strs t("middle");
    Block* s = t.g.startblock;
    Variable* n = t.add_int_arg();
    t.ret(s, t.concat(s, t.concat(s, t.b(), t.int2str(s, n)), t.c()));
    BOOST_TEST(fuse_str_concats(&t.g) == 2u);
    check_consistent(t.g);
    BOOST_TEST(dump(t.g) ==
               "graph middle(a_3, b_4, c_5, d_6, n_7: Signed)\n"
               "block2(a_3, b_4, c_5, d_6, n_7: Signed):\n"
               "    v_10 = direct_call(rpy_str_concat_int, b_4, n_7, c_5)\n"
               "    -> return(v_10)\n");
  }
  for (const char* spec : {"d", "5d"}) {
    // "%d!" % n: rpy_format_int with spec "d" is str(n); another spec is not.
    Strs t("percent_d");
    Block* s = t.g.startblock;
    Variable* n = t.add_int_arg();
    Constant* fn = t.g.new_llconst("rpy_format_int", Constant::External, external("rpy_format_int"));
    fn->concretetype = lltypes::Void;
    Constant* c = t.g.new_const_str(spec);
    c->concretetype = Strs::S();
    t.ret(s, t.concat(s, t.op(s, "direct_call", {fn, n, c}, Strs::S()), t.a()));
    BOOST_TEST(fuse_str_concats(&t.g) == (spec[0] == 'd' ? 1u : 0u));
    check_consistent(t.g);
    BOOST_TEST((dump(t.g).find("rpy_str_concat_int, '', n_7, a_3)") != std::string::npos) == (spec[0] == 'd'));
  }
  {
    // str(n) read again: it stays a string of its own.
    Strs t("reused");
    Block* s = t.g.startblock;
    Variable* n = t.add_int_arg();
    Variable* text = t.int2str(s, n);
    t.ret(s, t.concat(s, t.concat(s, t.a(), text), text));
    BOOST_TEST(fuse_str_concats(&t.g) == 1u);
    check_consistent(t.g);
    BOOST_TEST(dump(t.g) ==
               "graph reused(a_3, b_4, c_5, d_6, n_7: Signed)\n"
               "block2(a_3, b_4, c_5, d_6, n_7: Signed):\n"
               "    v_8 = direct_call(rpy_int2str, n_7)\n"
               "    v_10 = direct_call(rpy_str_concat3, a_3, v_8, v_8)\n"
               "    -> return(v_10)\n");
  }
}

BOOST_AUTO_TEST_SUITE_END()
