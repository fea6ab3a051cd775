// inline_call / inline_functions on hand-built low-level graphs: the copy
// has fresh variables, values live across the call ride along the copied
// blocks, exceptions keep their meaning, and the heuristic (size, recursion,
// _always_inline_ / _dont_inline_) is honoured.
#include <boost/test/unit_test.hpp>
#include <pybind11/embed.h>

#include "annotator/classdef.h"
#include "support/llgraph.h"

using namespace rpy;
using namespace rpy::testing;

namespace {

// add1(x) = x + 1
struct Add1 : G {
  Add1() : G("add1", {"x"}) { ret(g.startblock, op(g.startblock, "int_add", {arg(0), c(1)})); }
};

// absval(x) = -x if x < 0 else x: two return links.
struct Abs : G {
  Abs() : G("absval", {"x"}) {
    Block* s = g.startblock;
    Variable* cond = op(s, "int_lt", {arg(0), c(0)}, lltypes::Bool);
    Variable* n = var("n");
    Block* neg = block({n});
    ret(neg, op(neg, "int_neg", {n}));
    branch(s, cond, neg, {arg(0)}, g.returnblock, {arg(0)});
  }
};

void cleanup(FunctionGraph* g) {
  join_blocks(g);
  remove_dead_code(g);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mechanics)

BOOST_AUTO_TEST_CASE(straight_line_callee) {
  Add1 callee;
  G t("caller", {"a"});
  Block* s = t.g.startblock;
  Variable* r = t.call(s, &callee.g, {t.arg(0)});
  t.ret(s, t.op(s, "int_mul", {r, t.c(2)}));
  BOOST_TEST(inline_call(&t.g, s, 0));
  check_consistent(t.g);
  BOOST_TEST(count_ops(t.g, "direct_call") == 0u);
  cleanup(&t.g);
  check_consistent(t.g);
  BOOST_TEST(t.g.dump() ==
             "graph caller(a_3: Signed)\n"
             "block2(a_3: Signed):\n"
             "    v_7: Signed = int_add(a_3, 1)\n"
             "    v_5: Signed = int_mul(v_7, 2)\n"
             "    -> return(v_5)\n");
  // The callee is untouched.
  BOOST_TEST(callee.g.dump() ==
             "graph add1(x_3: Signed)\n"
             "block2(x_3: Signed):\n"
             "    v_4: Signed = int_add(x_3, 1)\n"
             "    -> return(v_4)\n");
}

BOOST_AUTO_TEST_CASE(values_live_across_the_call_are_carried) {
  Abs callee;
  G t("caller", {"a", "b"});
  Block* s = t.g.startblock;
  Variable* d = t.op(s, "int_sub", {t.arg(0), t.arg(1)});
  Variable* r = t.call(s, &callee.g, {d});
  Variable* sum = t.op(s, "int_add", {r, t.arg(1)});
  t.ret(s, t.op(s, "int_add", {sum, d}));
  BOOST_TEST(inline_call(&t.g, s, 1));
  check_consistent(t.g);
  cleanup(&t.g);
  check_consistent(t.g);
  BOOST_TEST(t.g.dump() ==
             "graph caller(a_3: Signed, b_4: Signed)\n"
             "block2(a_3: Signed, b_4: Signed):\n"
             "    v_5: Signed = int_sub(a_3, b_4)\n"
             "    v_17: Bool = int_lt(v_5, 0)\n"
             "    exitswitch: v_17\n"
             "    True: -> block5(v_5, b_4, v_5)\n"
             "    False: -> block3(v_5, b_4, v_5)\n"
             "block5(n_14: Signed, b_15: Signed, v_16: Signed):\n"
             "    v_18: Signed = int_neg(n_14)\n"
             "    -> block3(v_18, b_15, v_16)\n"
             "block3(v_6: Signed, b_9: Signed, v_10: Signed):\n"
             "    v_7: Signed = int_add(v_6, b_9)\n"
             "    v_8: Signed = int_add(v_7, v_10)\n"
             "    -> return(v_8)\n");
}

BOOST_AUTO_TEST_CASE(callee_raise_goes_to_the_callers_except_block) {
  // fail(x): raise if x == 0 (a link to its except block), else return x.
  G callee("fail", {"x"});
  Block* cs = callee.g.startblock;
  Variable* z = callee.op(cs, "int_eq", {callee.arg(0), callee.c(0)}, lltypes::Bool);
  Block* raise = callee.block({});
  Variable* e = callee.op(raise, "malloc", {callee.g.new_llconst("rpy_exception", Constant::Plain)},
                          lltypes::ExceptionPtr());
  Variable* vt = callee.op(raise, "getfield", {e, callee.field("typeptr")}, lltypes::VtablePtr());
  callee.link(raise, callee.g.exceptblock, {vt, e});
  callee.branch(cs, z, raise, {}, callee.g.returnblock, {callee.arg(0)});

  G t("caller", {"a"});
  Block* s = t.g.startblock;
  t.ret(s, t.call(s, &callee.g, {t.arg(0)}));
  BOOST_TEST(inline_call(&t.g, s, 0));
  check_consistent(t.g);
  size_t to_except = 0;
  for (Block* b : t.g.iterblocks())
    for (Link* l : b->exits) to_except += l->target == t.g.exceptblock;
  BOOST_TEST(to_except == 1u);
  for (Block* b : t.g.iterblocks())
    for (Link* l : b->exits) BOOST_TEST(l->target != callee.g.exceptblock);
}

BOOST_AUTO_TEST_CASE(callee_try_block_is_copied_with_its_handler) {
  // safe(x): try: x // x except: -1 -- its own canraise block.
  G callee("safe", {"x"});
  Block* cs = callee.g.startblock;
  Variable* q = callee.op(cs, "int_floordiv_zer", {callee.arg(0), callee.arg(0)});
  Variable* ev = callee.var("ev", lltypes::ExceptionPtr());
  Block* handler = callee.block({ev});
  callee.ret(handler, callee.c(-1));
  callee.canraise(cs, callee.g.returnblock, {q}, handler, {});

  G t("caller", {"a"});
  Block* s = t.g.startblock;
  Variable* r = t.call(s, &callee.g, {t.arg(0)});
  t.ret(s, t.op(s, "int_add", {r, t.arg(0)}));
  BOOST_TEST(inline_call(&t.g, s, 0));
  check_consistent(t.g);
  size_t canraise = 0;
  for (Block* b : t.g.iterblocks())
    if (b->canraise()) {
      ++canraise;
      BOOST_TEST(b->exitswitch == t.g.last_exception());
      BOOST_TEST(b->exits[1]->last_exc_value != nullptr);
      BOOST_TEST((b->exits[1]->last_exc_value == b->exits[1]->args[0]));
    }
  BOOST_TEST(canraise == 1u);
}

BOOST_AUTO_TEST_CASE(call_inside_a_try_block_to_a_raising_callee) {
  // try: return div(a) except: return 0 -- the callee's division now raises
  // into the caller's handler.
  G callee("div", {"x"});
  callee.ret(callee.g.startblock, callee.op(callee.g.startblock, "int_floordiv_zer", {callee.c(7), callee.arg(0)}));
  G t("caller", {"a"});
  Block* s = t.g.startblock;
  Variable* r = t.call(s, &callee.g, {t.arg(0)});
  Variable* ev = t.var("ev", lltypes::ExceptionPtr());
  Block* handler = t.block({ev});
  t.ret(handler, t.c(0));
  t.canraise(s, t.g.returnblock, {r}, handler, {});
  BOOST_TEST(inline_call(&t.g, s, 0));
  check_consistent(t.g);
  constant_fold(&t.g);
  cleanup(&t.g);
  check_consistent(t.g);
  BOOST_TEST(t.g.dump() ==
             "graph caller(a_3: Signed)\n"
             "block2(a_3: Signed):\n"
             "    v_8: Signed = int_floordiv_zer(7, a_3)\n"
             "    exitswitch: last_exception\n"
             "    -> block4(v_8)\n"
             "    except evalue_9: -> block3()\n"
             "block4(v_4: Signed):\n"
             "    -> return(v_4)\n"
             "block3():\n"
             "    -> return(0)\n");
}

BOOST_AUTO_TEST_CASE(raising_callee_block_that_also_branches_is_split) {
  // callee(x): q = 100 // x; return 1 if q < 5 else 2 -- one block that
  // raises and branches: inlined in a try, its operations keep the
  // exception exit and the branch moves to a block of its own.
  G callee("pick", {"x"});
  Block* cs = callee.g.startblock;
  Variable* q = callee.op(cs, "int_floordiv_zer", {callee.c(100), callee.arg(0)});
  Variable* lt = callee.op(cs, "int_lt", {q, callee.c(5)}, lltypes::Bool);
  callee.branch(cs, lt, callee.g.returnblock, {callee.c(1)}, callee.g.returnblock, {q});
  G t("caller", {"a"});
  Block* s = t.g.startblock;
  Variable* r = t.call(s, &callee.g, {t.arg(0)});
  Variable* ev = t.var("ev", lltypes::ExceptionPtr());
  Variable* ha = t.var("ha");
  Block* handler = t.block({ev, ha});
  t.ret(handler, ha);
  t.canraise(s, t.g.returnblock, {r}, handler, {t.arg(0)});
  BOOST_TEST(inline_call(&t.g, s, 0));
  check_consistent(t.g);
  constant_fold(&t.g);
  cleanup(&t.g);
  check_consistent(t.g);
  BOOST_TEST(t.g.dump() ==
             "graph caller(a_3: Signed)\n"
             "block2(a_3: Signed):\n"
             "    v_11: Signed = int_floordiv_zer(100, a_3)\n"
             "    v_12: Bool = int_lt(v_11, 5)\n"
             "    exitswitch: last_exception\n"
             "    -> block6(v_12, v_11)\n"
             "    except evalue_16: -> block3(a_3)\n"
             "block6(v_13: Bool, v_15: Signed):\n"
             "    exitswitch: v_13\n"
             "    True: -> block4(1)\n"
             "    False: -> block4(v_15)\n"
             "block4(v_4: Signed):\n"
             "    -> return(v_4)\n"
             "block3(ha_6: Signed):\n"
             "    -> return(ha_6)\n");
}

BOOST_AUTO_TEST_CASE(raise_of_a_known_class_goes_to_the_clause_that_matches) {
  // callee(x, e): if x < 0: raise e (its class a constant) else return x.
  // The caller's handler tests the class: for a matching class the raise
  // jumps to the clause's code, past the test; else to the other way out.
  for (bool matches : {true, false}) {
    ClassDef cd;
    cd.name = "StopIteration";
    cd.subclassrange_min = matches ? 14 : 20;
    cd.subclassrange_max = cd.subclassrange_min + 1;
    G callee("next", {"x"});
    Variable* e = callee.var("e", lltypes::ExceptionPtr());
    callee.g.startblock->inputargs.push_back(e);
    Block* cs = callee.g.startblock;
    Variable* neg = callee.op(cs, "int_lt", {callee.arg(0), callee.c(0)}, lltypes::Bool);
    Variable* re = callee.var("re", lltypes::ExceptionPtr());
    Block* raising = callee.block({re});
    Constant* etype = callee.g.new_llconst("StopIteration", Constant::Vtable, &cd);
    etype->concretetype = lltypes::VtablePtr();
    callee.link(raising, callee.g.exceptblock, {etype, re});
    callee.branch(cs, neg, raising, {e}, callee.g.returnblock, {callee.arg(0)});

    G t("caller", {"a"});
    Variable* te = t.var("te", lltypes::ExceptionPtr());
    t.g.startblock->inputargs.push_back(te);
    Block* s = t.g.startblock;
    Variable* r = t.call(s, &callee.g, {t.arg(0), te});
    Variable* he = t.var("he", lltypes::ExceptionPtr());
    Block* handler = t.block({he});
    Variable* isit = t.op(handler, "isinstance_range", {he, t.c(14), t.c(15)}, lltypes::Bool);
    Variable* oe = t.var("oe", lltypes::ExceptionPtr());
    Block* other = t.block({oe});
    Variable* tp = t.op(other, "getfield", {oe, t.field("typeptr")}, lltypes::VtablePtr());
    t.link(other, t.g.exceptblock, {tp, oe});
    t.branch(handler, isit, t.g.returnblock, {t.c(-1)}, other, {he});
    t.canraise(s, t.g.returnblock, {r}, handler, {});
    BOOST_TEST(inline_call(&t.g, s, 0));
    check_consistent(t.g);
    constant_fold(&t.g);
    cleanup(&t.g);
    check_consistent(t.g);
    // No class test is left: the callee raises nothing else.
    std::string raise_path = matches ? "block7():\n"
                                       "    -> return(-1)\n"
                                     : "block7(re_13: Ptr(GcStruct rpy_exception)):\n"
                                       "    v_9: Ptr(Struct rpy_vtable) = getfield(re_13, typeptr)\n"
                                       "    -> except(v_9, re_13)\n";
    BOOST_TEST(t.g.dump() ==
               "graph caller(a_3: Signed, te_4: Ptr(GcStruct rpy_exception))\n"
               "block2(a_3: Signed, te_4: Ptr(GcStruct rpy_exception)):\n"
               "    v_14: Bool = int_lt(a_3, 0)\n"
               "    exitswitch: v_14\n"
               "    True: -> block7(" + std::string(matches ? "" : "te_4") + ")\n"
               "    False: -> block5(a_3)\n" + raise_path +
               "block5(v_5: Signed):\n"
               "    -> return(v_5)\n");
  }
}

BOOST_AUTO_TEST_CASE(call_inside_a_try_block_to_a_callee_that_cannot_raise) {
  // try: q = 10 // a; r = add1(q) except: return 0 -- add1 cannot raise, so
  // it is inlined; the division before it keeps its exception exit.
  Add1 callee;
  G t("caller", {"a"});
  Block* s = t.g.startblock;
  Variable* q = t.op(s, "int_floordiv_zer", {t.c(10), t.arg(0)});
  Variable* r = t.call(s, &callee.g, {q});
  Variable* ev = t.var("ev", lltypes::ExceptionPtr());
  Variable* ha = t.var("ha");
  Block* handler = t.block({ev, ha});
  t.ret(handler, ha);
  t.canraise(s, t.g.returnblock, {r}, handler, {t.arg(0)});
  BOOST_TEST(inline_call(&t.g, s, 1));
  check_consistent(t.g);
  BOOST_TEST(count_ops(t.g, "direct_call") == 0u);
  BOOST_TEST(s->canraise());
  BOOST_REQUIRE(s->exits.size() == 2u);
  BOOST_TEST(s->exits[1]->target == handler);
  BOOST_TEST(s->exits[1]->args[1] == t.arg(0));
  // Nothing after the division can raise: folding drops the other copy of
  // the exception exit.
  constant_fold(&t.g);
  join_blocks(&t.g);
  remove_dead_code(&t.g);
  check_consistent(t.g);
  size_t canraise = 0;
  for (Block* b : t.g.iterblocks()) canraise += b->canraise();
  BOOST_TEST(canraise == 1u);
}

BOOST_AUTO_TEST_CASE(void_callee_and_two_calls_in_one_block) {
  G callee("noop", {"x"}, lltypes::Void);
  callee.link(callee.g.startblock, callee.g.returnblock, {callee.none(lltypes::Void)});
  Add1 add1;
  G t("caller", {"a"});
  Block* s = t.g.startblock;
  t.call(s, &callee.g, {t.arg(0)});
  Variable* r = t.call(s, &add1.g, {t.arg(0)});
  t.ret(s, r);
  BOOST_TEST(inline_functions({&t.g, &callee.g, &add1.g}, 100) == 2u);
  check_consistent(t.g);
  cleanup(&t.g);
  BOOST_TEST(t.g.dump() ==
             "graph caller(a_3: Signed)\n"
             "block2(a_3: Signed):\n"
             "    v_10: Signed = int_add(a_3, 1)\n"
             "    -> return(v_10)\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(heuristic)

BOOST_AUTO_TEST_CASE(leaves_first_then_their_callers) {
  // top -> mid -> add1: add1 goes into mid first, then mid (now without a
  // call) into top.
  Add1 add1;
  G mid("mid", {"x"});
  Block* ms = mid.g.startblock;
  mid.ret(ms, mid.op(ms, "int_mul", {mid.call(ms, &add1.g, {mid.arg(0)}), mid.c(3)}));
  G top("top", {"a"});
  Block* ts = top.g.startblock;
  top.ret(ts, top.call(ts, &mid.g, {top.arg(0)}));
  BOOST_TEST(inline_functions({&top.g, &mid.g, &add1.g}, 100) == 2u);
  BOOST_TEST(count_ops(top.g, "direct_call") == 0u);
  BOOST_TEST(count_ops(mid.g, "direct_call") == 0u);
  cleanup(&top.g);
  check_consistent(top.g);
  BOOST_TEST(count_ops(top.g, "int_add") == 1u);
  BOOST_TEST(count_ops(top.g, "int_mul") == 1u);
}

BOOST_AUTO_TEST_CASE(recursive_graphs_are_not_inlined) {
  G rec("rec", {"x"});
  Block* rs = rec.g.startblock;
  rec.ret(rs, rec.call(rs, &rec.g, {rec.arg(0)}));
  G t("caller", {"a"});
  t.ret(t.g.startblock, t.call(t.g.startblock, &rec.g, {t.arg(0)}));
  BOOST_TEST(inline_functions({&t.g, &rec.g}, 1000) == 0u);
  // Mutual recursion too.
  G even("even", {"x"});
  G odd("odd", {"x"});
  even.ret(even.g.startblock, even.call(even.g.startblock, &odd.g, {even.arg(0)}));
  odd.ret(odd.g.startblock, odd.call(odd.g.startblock, &even.g, {odd.arg(0)}));
  G u("caller2", {"a"});
  u.ret(u.g.startblock, u.call(u.g.startblock, &even.g, {u.arg(0)}));
  BOOST_TEST(inline_functions({&u.g, &even.g, &odd.g}, 1000) == 0u);
}

BOOST_AUTO_TEST_CASE(threshold_bounds_the_callee_size) {
  G big("big", {"x"});
  Block* bs = big.g.startblock;
  Value* acc = big.arg(0);
  for (int i = 0; i < 40; ++i) acc = big.op(bs, "int_add", {acc, big.c(i)});
  big.ret(bs, acc);
  G t("caller", {"a"});
  t.ret(t.g.startblock, t.call(t.g.startblock, &big.g, {t.arg(0)}));
  BOOST_TEST(inline_functions({&t.g, &big.g}, 32) == 0u);
  BOOST_TEST(inline_functions({&t.g, &big.g}, 120) == 1u);
}

BOOST_AUTO_TEST_CASE(always_and_dont_inline_attributes) {
  py::dict ns;
  py::exec("def f(x): return x\ndef g(x): return x\nf._always_inline_ = True\ng._dont_inline_ = True\n", ns);
  G big("big", {"x"});
  Block* bs = big.g.startblock;
  Value* acc = big.arg(0);
  for (int i = 0; i < 40; ++i) acc = big.op(bs, "int_add", {acc, big.c(i)});
  big.ret(bs, acc);
  big.g.func = ns["f"];
  G t("caller", {"a"});
  t.ret(t.g.startblock, t.call(t.g.startblock, &big.g, {t.arg(0)}));
  BOOST_TEST(inline_functions({&t.g, &big.g}, 32) == 1u);

  Add1 small;
  small.g.func = ns["g"];
  G u("caller2", {"a"});
  u.ret(u.g.startblock, u.call(u.g.startblock, &small.g, {u.arg(0)}));
  BOOST_TEST(inline_functions({&u.g, &small.g}, 1000) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
