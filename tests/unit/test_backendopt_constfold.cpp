// constant_fold on hand-built low-level graphs: folded values must be what
// the generated C++ computes (wrapping, flooring, IEEE), and structure
// changes (pruned switches, constant block inputs) must keep graphs valid.
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "support/llgraph.h"

using namespace rpy;
using namespace rpy::testing;

namespace {

// Folds `name(args)` in a one-block graph returning it; the returned constant
// (or nullptr when the op stayed).
Constant* fold1(G& t, const std::string& name, std::vector<Value*> args, const LLType* rt = lltypes::Signed) {
  Block* s = t.g.startblock;
  Variable* r = t.op(s, name, std::move(args), rt);
  t.g.returnblock->inputargs[0]->concretetype = rt;
  t.ret(s, r);
  constant_fold(&t.g);
  check_consistent(t.g);
  return dynamic_cast<Constant*>(s->exits[0]->args[0]);
}

int64_t folded_int(const std::string& name, int64_t a, int64_t b) {
  G t("f", {});
  Constant* c = fold1(t, name, {t.c(a), t.c(b)});
  BOOST_REQUIRE(c);
  BOOST_TEST(c->concretetype == lltypes::Signed);
  BOOST_TEST((c->value.kind == ConstValue::Int));
  return c->value.i;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(arithmetic)

BOOST_AUTO_TEST_CASE(int_ops_wrap_in_64_bits) {
  BOOST_TEST(folded_int("int_add", INT64_MAX, 1) == INT64_MIN);
  BOOST_TEST(folded_int("int_sub", INT64_MIN, 1) == INT64_MAX);
  BOOST_TEST(folded_int("int_mul", INT64_MAX, 2) == -2);
  BOOST_TEST(folded_int("int_mul", 6, 7) == 42);
  G t("neg", {});
  Constant* c = fold1(t, "int_neg", {t.c(INT64_MIN)});
  BOOST_REQUIRE(c);
  BOOST_TEST(c->value.i == INT64_MIN);
}

BOOST_AUTO_TEST_CASE(floordiv_and_mod_floor_like_python) {
  BOOST_TEST(folded_int("int_floordiv", -7, 2) == -4);
  BOOST_TEST(folded_int("int_floordiv", 7, -2) == -4);
  BOOST_TEST(folded_int("int_floordiv", -7, -2) == 3);
  BOOST_TEST(folded_int("int_mod", -7, 2) == 1);
  BOOST_TEST(folded_int("int_mod", 7, -2) == -1);
  BOOST_TEST(folded_int("int_floordiv", INT64_MIN, -1) == INT64_MIN);
  BOOST_TEST(folded_int("int_mod", INT64_MIN, -1) == 0);
}

BOOST_AUTO_TEST_CASE(shifts_saturate) {
  BOOST_TEST(folded_int("int_lshift", 1, 63) == INT64_MIN);
  BOOST_TEST(folded_int("int_lshift", 1, 64) == 0);
  BOOST_TEST(folded_int("int_rshift", -5, 100) == -1);
  BOOST_TEST(folded_int("int_rshift", -5, 1) == -3);
}

BOOST_AUTO_TEST_CASE(undefined_cases_are_left_alone) {
  G t("div0", {});
  BOOST_TEST(!fold1(t, "int_floordiv", {t.c(1), t.c(0)}));
  BOOST_TEST(count_ops(t.g, "int_floordiv") == 1u);
  G u("negshift", {});
  BOOST_TEST(!fold1(u, "int_lshift", {u.c(1), u.c(-1)}));
}

BOOST_AUTO_TEST_CASE(comparisons_give_bool_constants) {
  G t("cmp", {});
  Constant* c = fold1(t, "int_lt", {t.c(-1), t.c(0)}, lltypes::Bool);
  BOOST_REQUIRE(c);
  BOOST_TEST(c->concretetype == lltypes::Bool);
  BOOST_TEST((c->value.kind == ConstValue::Bool));
  BOOST_TEST(c->value.b);
  G u("fcmp", {});
  Constant* d = fold1(u, "float_eq", {u.f(NAN), u.f(NAN)}, lltypes::Bool);
  BOOST_REQUIRE(d);
  BOOST_TEST(!d->value.b);
}

BOOST_AUTO_TEST_CASE(float_ops_are_ieee) {
  G t("fdiv", {});
  Constant* c = fold1(t, "float_truediv", {t.f(1.0), t.f(0.0)}, lltypes::Float);
  BOOST_REQUIRE(c);
  BOOST_TEST((c->value.kind == ConstValue::Float));
  BOOST_TEST(std::isinf(c->value.f));
  G u("fadd", {});
  Constant* d = fold1(u, "float_add", {u.f(0.1), u.f(0.2)}, lltypes::Float);
  BOOST_REQUIRE(d);
  BOOST_TEST(d->value.f == 0.1 + 0.2);
  G v("cast", {});
  Constant* e = fold1(v, "cast_int_to_float", {v.c(3)}, lltypes::Float);
  BOOST_REQUIRE(e);
  BOOST_TEST((e->value.kind == ConstValue::Float));
  BOOST_TEST(e->value.f == 3.0);
}

BOOST_AUTO_TEST_CASE(checked_division_by_a_nonzero_constant_becomes_plain) {
  G t("zer", {"x"});
  Block* s = t.g.startblock;
  Variable* q = t.op(s, "int_floordiv_zer", {t.arg(0), t.c(3)});
  Variable* r = t.op(s, "int_mod_zer", {q, t.c(0)});  // stays: raises at run time
  t.ret(s, r);
  constant_fold(&t.g);
  check_consistent(t.g);
  BOOST_TEST(t.g.dump() ==
             "graph zer(x_3: Signed)\n"
             "block2(x_3: Signed):\n"
             "    v_4: Signed = int_floordiv(x_3, 3)\n"
             "    v_5: Signed = int_mod_zer(v_4, 0)\n"
             "    -> return(v_5)\n");
}

BOOST_AUTO_TEST_CASE(chains_fold_and_same_as_is_propagated) {
  G t("chain", {"x"});
  Block* s = t.g.startblock;
  Variable* a = t.op(s, "int_add", {t.c(2), t.c(3)});
  Variable* b = t.op(s, "int_mul", {a, a});
  Variable* c = t.op(s, "same_as", {t.arg(0)});
  Variable* d = t.op(s, "int_add", {c, b});
  t.ret(s, d);
  BOOST_TEST(constant_fold(&t.g) > 0u);
  check_consistent(t.g);
  BOOST_TEST(t.g.dump() ==
             "graph chain(x_3: Signed)\n"
             "block2(x_3: Signed):\n"
             "    v_7: Signed = int_add(x_3, 25)\n"
             "    -> return(v_7)\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(structure)

BOOST_AUTO_TEST_CASE(switch_on_a_constant_keeps_the_taken_link) {
  G t("sw", {"x"});
  Block* s = t.g.startblock;
  Variable* cond = t.op(s, "int_gt", {t.c(5), t.c(0)}, lltypes::Bool);
  Variable* p = t.var("p");
  Block* yes = t.block({p});
  t.ret(yes, t.op(yes, "int_neg", {p}));
  Variable* q = t.var("q");
  Block* no = t.block({q});
  t.ret(no, q);
  t.branch(s, cond, yes, {t.arg(0)}, no, {t.arg(0)});
  constant_fold(&t.g);
  check_consistent(t.g);
  BOOST_TEST(!s->exitswitch);
  BOOST_REQUIRE(s->exits.size() == 1u);
  BOOST_TEST(s->exits[0]->target == yes);
  BOOST_TEST(!s->exits[0]->exitcase.has_value());
  BOOST_TEST(nblocks(t.g) == 3u);  // start, yes, return
}

BOOST_AUTO_TEST_CASE(input_with_the_same_constant_on_every_link_becomes_it) {
  // Both branches pass 7 as k: k is 7 in the join, and k + 1 folds.
  G t("same", {"x"});
  Block* s = t.g.startblock;
  Variable* cond = t.op(s, "int_lt", {t.arg(0), t.c(0)}, lltypes::Bool);
  Variable* j = t.var("j");
  Variable* k = t.var("k");
  Block* join = t.block({j, k});
  Variable* lx = t.var("lx");
  Block* left = t.block({lx});
  t.branch(s, cond, left, {t.arg(0)}, join, {t.arg(0), t.c(7)});
  t.link(left, join, {t.op(left, "int_neg", {lx}), t.c(7)});
  t.ret(join, t.op(join, "int_add", {j, t.op(join, "int_add", {k, t.c(1)})}));
  constant_fold(&t.g);
  check_consistent(t.g);
  BOOST_TEST(join->inputargs.size() == 1u);
  BOOST_REQUIRE(join->operations.size() == 1u);
  BOOST_TEST(join->operations[0].args[1]->repr() == "8");
}

BOOST_AUTO_TEST_CASE(different_constants_do_not_merge) {
  G t("diff", {"x"});
  Block* s = t.g.startblock;
  Variable* cond = t.op(s, "int_lt", {t.arg(0), t.c(0)}, lltypes::Bool);
  Variable* k = t.var("k");
  Block* join = t.block({k});
  t.branch(s, cond, join, {t.c(1)}, join, {t.c(2)});
  t.ret(join, k);
  std::string before = t.g.dump();
  BOOST_TEST(constant_fold(&t.g) == 0u);
  BOOST_TEST(t.g.dump() == before);
}

BOOST_AUTO_TEST_CASE(loop_invariant_constant_is_found) {
  // start -> header(i=0, step=2); body passes step through unchanged: the
  // optimistic propagation sees that step is 2 on every path.
  G t("loop", {"n"});
  Block* s = t.g.startblock;
  Variable* i = t.var("i");
  Variable* step = t.var("step");
  Variable* n = t.var("n");
  Block* header = t.block({i, step, n});
  t.link(s, header, {t.c(0), t.c(2), t.arg(0)});
  Variable* c = t.op(header, "int_lt", {i, n}, lltypes::Bool);
  Variable* bi = t.var("bi");
  Variable* bstep = t.var("bstep");
  Variable* bn = t.var("bn");
  Block* body = t.block({bi, bstep, bn});
  t.branch(header, c, body, {i, step, n}, t.g.returnblock, {i});
  t.link(body, header, {t.op(body, "int_add", {bi, bstep}), bstep, bn});
  constant_fold(&t.g);
  check_consistent(t.g);
  BOOST_TEST(header->inputargs.size() == 2u);
  BOOST_TEST(body->inputargs.size() == 2u);
  BOOST_REQUIRE(body->operations.size() == 1u);
  BOOST_TEST(body->operations[0].args[1]->repr() == "2");
}

BOOST_AUTO_TEST_CASE(exception_exit_nothing_can_take_goes) {
  // A canraise block whose division by 4 became plain: no exception exit.
  G t("exc", {"x"});
  Block* s = t.g.startblock;
  Variable* q = t.op(s, "int_floordiv_zer", {t.arg(0), t.c(4)});
  Variable* r = t.var("r");
  Block* ok = t.block({r});
  t.ret(ok, r);
  Variable* e = t.var("e", lltypes::ExceptionPtr());
  Block* handler = t.block({e});
  t.ret(handler, t.c(-1));
  t.canraise(s, ok, {q}, handler, {});
  constant_fold(&t.g);
  check_consistent(t.g);
  BOOST_TEST(!s->canraise());
  BOOST_TEST(s->exits.size() == 1u);
  BOOST_TEST(nblocks(t.g) == 3u);
}

BOOST_AUTO_TEST_CASE(exception_exit_stays_while_an_op_can_raise) {
  G t("exc2", {"x"});
  Block* s = t.g.startblock;
  Variable* q = t.op(s, "int_floordiv_zer", {t.c(4), t.arg(0)});
  Variable* r = t.var("r");
  Block* ok = t.block({r});
  t.ret(ok, r);
  Variable* e = t.var("e", lltypes::ExceptionPtr());
  Block* handler = t.block({e});
  t.ret(handler, t.c(-1));
  t.canraise(s, ok, {q}, handler, {});
  constant_fold(&t.g);
  BOOST_TEST(s->canraise());
  BOOST_TEST(s->exits.size() == 2u);
}

BOOST_AUTO_TEST_CASE(pointer_nullness_of_constants) {
  const LLType* S = lltypes::StrPtr();
  G t("ptr", {});
  Constant* c = fold1(t, "ptr_iszero", {t.none(S)}, lltypes::Bool);
  BOOST_REQUIRE(c);
  BOOST_TEST(c->value.b);
  G u("ptr2", {});
  Constant* d = fold1(u, "ptr_nonzero", {u.none(S)}, lltypes::Bool);
  BOOST_REQUIRE(d);
  BOOST_TEST(!d->value.b);
}

BOOST_AUTO_TEST_SUITE_END()
