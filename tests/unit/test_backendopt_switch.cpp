// merge_switches (backendopt/switch.cpp) on hand-built low-level graphs: a
// chain of `x == C` tests becomes one multi-way exit whose links carry the
// values the absorbed blocks received; anything else is left alone.
#include <boost/test/unit_test.hpp>

#include "support/llgraph.h"

using namespace rpy;
using namespace rpy::testing;

namespace {

// A block returning `x * k`: a distinct body per case.
Block* body(G& t, int64_t k) {
  Variable* x = t.var("x");
  Block* b = t.block({x});
  t.link(b, t.g.returnblock, {t.op(b, "int_mul", {x, t.c(k)})});
  return b;
}

void check_switch_consistent(const FunctionGraph& g) {
  for (Block* b : g.iterblocks()) {
    std::set<Value*> defined(b->inputargs.begin(), b->inputargs.end());
    for (auto& op : b->operations) {
      for (Value* a : op.args) BOOST_TEST((a->is_const() || defined.count(a)));
      if (op.result) defined.insert(op.result);
    }
    if (b->exitswitch) BOOST_TEST((b->exitswitch->is_const() || defined.count(b->exitswitch)));
    for (Link* l : b->exits) {
      BOOST_TEST(l->prevblock == b);
      BOOST_TEST(l->args.size() == l->target->inputargs.size());
      for (Value* a : l->args) BOOST_TEST((a->is_const() || defined.count(a)));
    }
  }
}

// if x == 1: x*10 elif x == 2: x*20 elif <k2> == 3: x*30 else: x*40, where
// each test block receives x (and, for the last, also the previous test's
// result, which must become a constant on the re-made links).
struct Chain {
  G t{"dispatch", {"x"}};
  Block* s;
  Block* b2;
  Block* b3;
  explicit Chain(bool last_on_other_var = false, int64_t third = 3) {
    s = t.g.startblock;
    Variable* x = s->inputargs[0];
    Variable* c1 = t.op(s, "int_eq", {x, t.c(1)}, lltypes::Bool);
    Variable* x2 = t.var("x");
    b2 = t.block({x2});
    t.branch(s, c1, body(t, 10), {x}, b2, {x});
    Variable* c2 = t.op(b2, "int_eq", {t.c(2), x2}, lltypes::Bool);  // constant first
    Variable* x3 = t.var("x");
    Variable* prev = t.var("prev", lltypes::Bool);
    Variable* y3 = t.var("y");
    b3 = t.block({x3, prev, y3});
    t.branch(b2, c2, body(t, 20), {x2}, b3, {x2, c2, t.c(7)});
    Variable* c3 = t.op(b3, "int_eq", {last_on_other_var ? y3 : x3, t.c(third)}, lltypes::Bool);
    Variable* px = t.var("x");
    Variable* pp = t.var("p", lltypes::Bool);
    Block* last = t.block({px, pp});
    t.link(last, t.g.returnblock, {t.op(last, "int_mul", {px, t.c(40)})});
    t.branch(b3, c3, body(t, 30), {x3}, last, {x3, prev});
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(backendopt_switch)

BOOST_AUTO_TEST_CASE(chain_of_equality_tests_becomes_one_switch) {
  Chain ch;
  FunctionGraph& g = ch.t.g;
  BOOST_TEST(merge_switches(&g) == 2u);
  check_switch_consistent(g);
  Block* s = g.startblock;
  BOOST_TEST(s->exitswitch == s->inputargs[0]);
  BOOST_REQUIRE(s->exits.size() == 4u);
  BOOST_TEST(s->exits[0]->exitcase->i == 1);
  BOOST_TEST(s->exits[1]->exitcase->i == 2);
  BOOST_TEST(s->exits[2]->exitcase->i == 3);
  BOOST_TEST(is_switch_default(s->exits[3]));
  // The default link gets the absorbed test's result as the constant False.
  BOOST_TEST(g.dump() ==
             "graph dispatch(x_3: Signed)\n"
             "block2(x_3: Signed):\n"
             "    v_4: Bool = int_eq(x_3, 1)\n"
             "    exitswitch: x_3\n"
             "    1: -> block4(x_3)\n"
             "    2: -> block6(x_3)\n"
             "    3: -> block8(x_3)\n"
             "    'default': -> block7(x_3, False)\n"
             "block4(x_6: Signed):\n"
             "    v_7: Signed = int_mul(x_6, 10)\n"
             "    -> return(v_7)\n"
             "block6(x_12: Signed):\n"
             "    v_13: Signed = int_mul(x_12, 20)\n"
             "    -> return(v_13)\n"
             "block8(x_18: Signed):\n"
             "    v_19: Signed = int_mul(x_18, 30)\n"
             "    -> return(v_19)\n"
             "block7(x_15: Signed, p_16: Bool):\n"
             "    v_17: Signed = int_mul(x_15, 40)\n"
             "    -> return(v_17)\n");
  // Already merged: nothing more to do.
  BOOST_TEST(merge_switches(&g) == 0u);
}

BOOST_AUTO_TEST_CASE(chain_stops_at_a_test_of_another_variable) {
  Chain ch(true);
  BOOST_TEST(merge_switches(&ch.t.g) == 1u);
  check_switch_consistent(ch.t.g);
  Block* s = ch.t.g.startblock;
  BOOST_REQUIRE(s->exits.size() == 3u);
  BOOST_TEST(s->exits[2]->target == ch.b3);  // the default goes to the other test
  BOOST_TEST(s->exits[2]->args[0] == s->inputargs[0]);
  BOOST_TEST(s->exits[2]->args[1]->is_const());  // c2 is False on the default link
}

BOOST_AUTO_TEST_CASE(a_value_tested_twice_keeps_its_first_case) {
  Chain ch(false, 1);
  BOOST_TEST(merge_switches(&ch.t.g) == 2u);
  check_switch_consistent(ch.t.g);
  Block* s = ch.t.g.startblock;
  BOOST_REQUIRE(s->exits.size() == 3u);  // 1, 2, default: the second `== 1` is dead
  BOOST_TEST(s->exits[0]->exitcase->i == 1);
  BOOST_TEST(s->exits[1]->exitcase->i == 2);
  BOOST_TEST(is_switch_default(s->exits[2]));
}

BOOST_AUTO_TEST_CASE(test_block_with_two_predecessors_is_not_absorbed) {
  Chain ch;
  // A second way into b2: it must stay, so the chain ends before it.
  Block* s = ch.t.g.startblock;
  Variable* x = ch.t.var("x");
  Block* pre = ch.t.block({x});
  ch.t.link(pre, ch.b2, {x});
  Variable* v = ch.t.var("v");
  Block* entry = ch.t.block({v});
  Variable* c = ch.t.op(entry, "int_lt", {v, ch.t.c(0)}, lltypes::Bool);
  ch.t.branch(entry, c, pre, {v}, s, {v});
  ch.t.g.startblock = entry;
  BOOST_TEST(merge_switches(&ch.t.g) == 1u);  // only b3 into b2
  check_switch_consistent(ch.t.g);
  BOOST_TEST(s->exits.size() == 2u);
  BOOST_TEST(s->exitswitch != s->inputargs[0]);
  BOOST_TEST(ch.b2->exitswitch == ch.b2->inputargs[0]);
  BOOST_TEST(ch.b2->exits.size() == 3u);
}

BOOST_AUTO_TEST_CASE(single_test_stays_a_two_way_exit) {
  G t("one", {"x"});
  Block* s = t.g.startblock;
  Variable* c = t.op(s, "int_eq", {s->inputargs[0], t.c(5)}, lltypes::Bool);
  t.branch(s, c, body(t, 1), {s->inputargs[0]}, body(t, 2), {s->inputargs[0]});
  std::string before = t.g.dump();
  BOOST_TEST(merge_switches(&t.g) == 0u);
  BOOST_TEST(t.g.dump() == before);
}

BOOST_AUTO_TEST_CASE(constant_fold_takes_the_case_of_a_constant_switch) {
  for (int64_t value : {2, 9}) {
    Chain ch;
    FunctionGraph& g = ch.t.g;
    BOOST_REQUIRE(merge_switches(&g) == 2u);
    Block* s = g.startblock;
    Block* want = value == 2 ? s->exits[1]->target : s->exits[3]->target;
    s->exitswitch = ch.t.c(value);
    constant_fold(&g);
    check_switch_consistent(g);
    BOOST_REQUIRE(s->exits.size() == 1u);
    BOOST_TEST(!s->exitswitch);
    BOOST_TEST(s->exits[0]->target == want);
  }
}

BOOST_AUTO_TEST_SUITE_END()
