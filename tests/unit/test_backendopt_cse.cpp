// common_subexpressions (backendopt/cse.cpp) on hand-built low-level
// graphs: which repeated operations and field reads are reused, and which
// writes and calls in between keep a read.
#include <boost/test/unit_test.hpp>

#include "support/llgraph.h"

using namespace rpy;
using namespace rpy::testing;

namespace {

const LLType* node_struct() {
  static const LLType* t = lltypes::new_gcstruct("cse_node_t", {{"a", lltypes::Signed}, {"b", lltypes::Signed}});
  return t;
}
const LLType* P() { return lltypes::ptr_to(node_struct()); }

size_t count(const FunctionGraph& g, const std::string& name) {
  size_t n = 0;
  for (Block* b : g.iterblocks())
    for (auto& op : b->operations) n += op.opname == name;
  return n;
}

// G with two node pointers p, q and an int x as arguments.
struct Nodes : G {
  Nodes(const std::string& name) : G(name, {}) {
    g.startblock->inputargs = {var("p", P()), var("q", P()), var("x")};
  }
  Variable* p() { return arg(0); }
  Variable* q() { return arg(1); }
  Variable* x() { return arg(2); }
  Variable* get(Value* obj, const char* f) { return op(g.startblock, "getfield", {obj, field(f)}); }
  void set(Value* obj, const char* f, Value* v) { op(g.startblock, "setfield", {obj, field(f), v}, lltypes::Void); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(backendopt_cse)

BOOST_AUTO_TEST_CASE(repeated_pure_operation_is_computed_once) {
  G t("pure", {"x", "y"});
  Block* s = t.g.startblock;
  Variable* a = t.op(s, "int_add", {t.arg(0), t.c(1)});
  Variable* b = t.op(s, "int_add", {t.arg(0), t.c(1)});  // a separate constant 1: same value
  Variable* c = t.op(s, "int_add", {t.arg(1), t.c(1)});  // another argument: kept
  Variable* m = t.op(s, "int_mul", {a, b});
  t.ret(s, t.op(s, "int_sub", {m, c}));
  BOOST_TEST(common_subexpressions(&t.g) == 1u);
  check_consistent(t.g);
  BOOST_TEST(t.g.dump() ==
             "graph pure(x_3: Signed, y_4: Signed)\n"
             "block2(x_3: Signed, y_4: Signed):\n"
             "    v_5: Signed = int_add(x_3, 1)\n"
             "    v_7: Signed = int_add(y_4, 1)\n"
             "    v_8: Signed = int_mul(v_5, v_5)\n"
             "    v_9: Signed = int_sub(v_8, v_7)\n"
             "    -> return(v_9)\n");
  BOOST_TEST(common_subexpressions(&t.g) == 0u);
}

BOOST_AUTO_TEST_CASE(field_read_twice_is_read_once) {
  Nodes t("reads");
  Variable* a1 = t.get(t.p(), "a");
  Variable* a2 = t.get(t.p(), "a");
  Variable* b1 = t.get(t.p(), "b");  // another field
  Variable* qa = t.get(t.q(), "a");  // another object
  Variable* s1 = t.op(t.g.startblock, "int_add", {a1, a2});
  Variable* s2 = t.op(t.g.startblock, "int_add", {b1, qa});
  t.ret(t.g.startblock, t.op(t.g.startblock, "int_add", {s1, s2}));
  BOOST_TEST(common_subexpressions(&t.g) == 1u);
  check_consistent(t.g);
  BOOST_TEST(count(t.g, "getfield") == 3u);
}

BOOST_AUTO_TEST_CASE(write_to_the_field_of_a_possible_alias_keeps_the_read) {
  Nodes t("alias");
  Variable* a1 = t.get(t.p(), "a");
  t.set(t.q(), "a", t.x());  // q may be p
  Variable* a2 = t.get(t.p(), "a");
  t.ret(t.g.startblock, t.op(t.g.startblock, "int_add", {a1, a2}));
  BOOST_TEST(common_subexpressions(&t.g) == 0u);
  BOOST_TEST(count(t.g, "getfield") == 2u);
}

BOOST_AUTO_TEST_CASE(write_to_another_field_keeps_what_is_known) {
  Nodes t("other_field");
  Variable* a1 = t.get(t.p(), "a");
  t.set(t.q(), "b", t.x());
  Variable* a2 = t.get(t.p(), "a");
  t.ret(t.g.startblock, t.op(t.g.startblock, "int_add", {a1, a2}));
  BOOST_TEST(common_subexpressions(&t.g) == 1u);
  BOOST_TEST(count(t.g, "getfield") == 1u);
}

BOOST_AUTO_TEST_CASE(stored_value_is_forwarded_to_the_next_read) {
  Nodes t("forward");
  t.set(t.p(), "a", t.x());
  Variable* a = t.get(t.p(), "a");
  t.ret(t.g.startblock, t.op(t.g.startblock, "int_mul", {a, a}));
  BOOST_TEST(common_subexpressions(&t.g) == 1u);
  check_consistent(t.g);
  BOOST_TEST(count(t.g, "getfield") == 0u);
  BOOST_TEST(t.g.startblock->operations.back().args[0] == t.x());
}

BOOST_AUTO_TEST_CASE(call_in_between_keeps_the_read) {
  G callee_t("callee", {});
  callee_t.ret(callee_t.g.startblock, callee_t.c(0));
  Nodes t("call");
  Variable* a1 = t.get(t.p(), "a");
  t.call(t.g.startblock, &callee_t.g, {});
  Variable* a2 = t.get(t.p(), "a");
  t.ret(t.g.startblock, t.op(t.g.startblock, "int_add", {a1, a2}));
  BOOST_TEST(common_subexpressions(&t.g) == 0u);
  BOOST_TEST(count(t.g, "getfield") == 2u);
}

BOOST_AUTO_TEST_CASE(replaced_results_are_renamed_in_the_exits) {
  G t("exits", {"x"});
  Block* s = t.g.startblock;
  Variable* a = t.op(s, "int_lt", {t.arg(0), t.c(3)}, lltypes::Bool);
  Variable* b = t.op(s, "int_lt", {t.arg(0), t.c(3)}, lltypes::Bool);
  Variable* y = t.var("y");
  Block* r = t.block({y});
  t.ret(r, y);
  Variable* z = t.var("z", lltypes::Bool);
  Block* r2 = t.block({z});
  t.ret(r2, t.c(1));
  t.branch(s, b, r, {t.arg(0)}, r2, {b});
  (void)a;
  BOOST_TEST(common_subexpressions(&t.g) == 1u);
  check_consistent(t.g);
  BOOST_TEST(s->exitswitch == a);
  BOOST_TEST(s->exits[1]->args[0] == a);
}

BOOST_AUTO_TEST_CASE(second_identical_bounds_check_goes) {
  // l[i] = l[i] + 1: two checks of i against the same length.
  G t("index", {"i", "n"});
  Block* s = t.g.startblock;
  Variable* i1 = t.op(s, "int_index_check", {t.arg(0), t.arg(1)});
  Variable* v = t.op(s, "int_add", {i1, t.c(1)});
  Variable* i2 = t.op(s, "int_index_check", {t.arg(0), t.arg(1)});
  t.ret(s, t.op(s, "int_add", {v, i2}));
  BOOST_TEST(common_subexpressions(&t.g) == 1u);
  check_consistent(t.g);
  BOOST_TEST(count(t.g, "int_index_check") == 1u);
}

BOOST_AUTO_TEST_CASE(check_caught_by_the_exception_exit_stays) {
  G t("caught", {"i", "n"});
  Block* s = t.g.startblock;
  t.op(s, "int_index_check", {t.arg(0), t.arg(1)});
  Variable* i2 = t.op(s, "int_index_check", {t.arg(0), t.arg(1)});
  Variable* r = t.var("r");
  Block* normal = t.block({r});
  t.ret(normal, r);
  Block* handler = t.block({t.var("e", lltypes::ExceptionPtr())});
  t.ret(handler, t.c(-1));
  t.canraise(s, normal, {i2}, handler, {});
  BOOST_TEST(common_subexpressions(&t.g) == 0u);
  BOOST_TEST(count(t.g, "int_index_check") == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
