// simplify_exception_edges (backendopt/exceptions.cpp): an exception exit
// that re-raises what it caught goes; one that does anything else stays.
#include <boost/test/unit_test.hpp>

#include "annotator/classdef.h"
#include "support/llgraph.h"

using namespace rpy;
using namespace rpy::testing;

namespace {

// f(x) = g(x) + 1 where the call to g has an exception exit to `handler`
// (built by the caller), carrying x too.
struct Caught {
  G callee{"g", {"x"}};
  G t{"f", {"x"}};
  Block* s;
  Block* normal;
  Variable* exc;
  Caught() {
    callee.ret(callee.g.startblock, callee.arg(0));
    s = t.g.startblock;
    Variable* r = t.call(s, &callee.g, {t.arg(0)});
    Variable* rr = t.var("r");
    normal = t.block({rr});
    t.ret(normal, t.op(normal, "int_add", {rr, t.c(1)}));
    (void)r;
  }
  // The handler: reads typeptr of the caught instance and raises it again.
  Block* reraiser() {
    Variable* e = t.var("e", lltypes::ExceptionPtr());
    Variable* x = t.var("x");
    Block* h = t.block({e, x});
    Variable* ty = t.op(h, "getfield", {e, t.field("typeptr")}, lltypes::VtablePtr());
    t.link(h, t.g.exceptblock, {ty, e});
    return h;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(backendopt_exceptions)

BOOST_AUTO_TEST_CASE(exit_that_reraises_goes) {
  Caught c;
  Block* h = c.reraiser();
  c.t.canraise(c.s, c.normal, {c.s->operations.back().result}, h, {c.t.arg(0)});
  BOOST_REQUIRE(c.s->canraise());
  BOOST_TEST(simplify_exception_edges(&c.t.g) == 1u);
  check_consistent(c.t.g);
  BOOST_TEST(!c.s->canraise());
  BOOST_REQUIRE(c.s->exits.size() == 1u);
  BOOST_TEST(c.s->exits[0]->target == c.normal);
  BOOST_TEST(!c.s->exits[0]->exitcase);
  // Plain now: joined with its successor.
  BOOST_TEST(join_blocks(&c.t.g) == 1u);
  BOOST_TEST(c.t.g.iterblocks().size() == 2u);  // start and return
}

BOOST_AUTO_TEST_CASE(handler_that_does_something_stays) {
  Caught c;
  Variable* e = c.t.var("e", lltypes::ExceptionPtr());
  Variable* x = c.t.var("x");
  Block* h = c.t.block({e, x});
  c.t.ret(h, c.t.op(h, "int_neg", {x}));  // except: return -x
  c.t.canraise(c.s, c.normal, {c.s->operations.back().result}, h, {c.t.arg(0)});
  std::string before = c.t.g.dump();
  BOOST_TEST(simplify_exception_edges(&c.t.g) == 0u);
  BOOST_TEST(c.t.g.dump() == before);
}

BOOST_AUTO_TEST_CASE(handler_raising_another_instance_stays) {
  Caught c;
  Variable* e = c.t.var("e", lltypes::ExceptionPtr());
  Variable* other = c.t.var("other", lltypes::ExceptionPtr());
  Block* h = c.t.block({e, other});
  Variable* ty = c.t.op(h, "getfield", {other, c.t.field("typeptr")}, lltypes::VtablePtr());
  c.t.link(h, c.t.g.exceptblock, {ty, other});
  // other: some instance the caller had (here: a null one, for the shape).
  c.t.canraise(c.s, c.normal, {c.s->operations.back().result}, h, {c.t.none(lltypes::ExceptionPtr())});
  BOOST_TEST(simplify_exception_edges(&c.t.g) == 0u);
  BOOST_TEST(c.s->canraise());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(backendopt_exceptions_isinstance)

// except KeyError: raise -- the isinstance test's both ways re-raise.
BOOST_AUTO_TEST_CASE(handler_whose_every_clause_reraises_goes) {
  Caught c;
  Variable* e = c.t.var("e", lltypes::ExceptionPtr());
  Block* test = c.t.block({e});
  Variable* is = c.t.op(test, "isinstance_range", {e, c.t.c(11), c.t.c(12)}, lltypes::Bool);
  Block* r1 = c.reraiser();
  Block* r2 = c.reraiser();
  c.t.branch(test, is, r1, {e, c.t.c(0)}, r2, {e, c.t.c(0)});
  c.t.canraise(c.s, c.normal, {c.s->operations.back().result}, test, {});
  BOOST_TEST(simplify_exception_edges(&c.t.g) == 1u);
  check_consistent(c.t.g);
  BOOST_TEST(!c.s->canraise());
}

// except KeyError: return -1 -- one way does something else: kept.
BOOST_AUTO_TEST_CASE(handler_with_one_real_clause_stays) {
  Caught c;
  Variable* e = c.t.var("e", lltypes::ExceptionPtr());
  Block* test = c.t.block({e});
  Variable* is = c.t.op(test, "isinstance_range", {e, c.t.c(11), c.t.c(12)}, lltypes::Bool);
  Block* r1 = c.reraiser();
  Variable* x = c.t.var("x");
  Block* other = c.t.block({x});
  c.t.ret(other, c.t.c(-1));
  c.t.branch(test, is, other, {c.t.c(0)}, r1, {e, c.t.c(0)});
  c.t.canraise(c.s, c.normal, {c.s->operations.back().result}, test, {});
  BOOST_TEST(simplify_exception_edges(&c.t.g) == 0u);
  BOOST_TEST(c.s->canraise());
}

BOOST_AUTO_TEST_SUITE_END()

// route_known_raises: `try: if x < 0: raise E` -- the instance is built in
// the raising block, so the handler's tests of its class are decided.
BOOST_AUTO_TEST_SUITE(backendopt_exceptions_known_raise)

namespace {

// f(x): try: (if x < 0: raise E) return x; except A: return 1; except B: return 2
// with E's class number `emin`; A covers [10, 12), B [20, 30).
struct RaiseInTry {
  ClassDef cd;
  G t{"f", {"x"}};
  Block* clause_a;
  Block* clause_b;
  explicit RaiseInTry(int emin) {
    cd.name = "E";
    cd.subclassrange_min = emin;
    cd.subclassrange_max = emin + 1;
    Block* s = t.g.startblock;
    Variable* neg = t.op(s, "int_lt", {t.arg(0), t.c(0)}, lltypes::Bool);
    Block* raising = t.block({});
    Variable* inst = t.op(raising, "malloc", {t.g.new_llconst("inst_E", Constant::Plain)}, lltypes::ExceptionPtr());
    Constant* vt = t.g.new_llconst("E", Constant::Vtable, &cd);
    vt->concretetype = lltypes::VtablePtr();
    t.op(raising, "setfield", {inst, t.field("typeptr"), vt}, lltypes::Void);
    Variable* e1 = t.var("e", lltypes::ExceptionPtr());
    Block* test_a = t.block({e1});
    Variable* is_a = t.op(test_a, "isinstance_range", {e1, t.c(10), t.c(12)}, lltypes::Bool);
    Variable* e2 = t.var("e", lltypes::ExceptionPtr());
    Block* test_b = t.block({e2});
    Variable* is_b = t.op(test_b, "isinstance_range", {e2, t.c(20), t.c(30)}, lltypes::Bool);
    clause_a = t.block({});
    t.ret(clause_a, t.c(1));
    clause_b = t.block({});
    t.ret(clause_b, t.c(2));
    Variable* e3 = t.var("e", lltypes::ExceptionPtr());
    Block* reraise = t.block({e3});
    Variable* ty = t.op(reraise, "getfield", {e3, t.field("typeptr")}, lltypes::VtablePtr());
    t.link(reraise, t.g.exceptblock, {ty, e3});
    t.branch(test_a, is_a, clause_a, {}, test_b, {e1});
    t.branch(test_b, is_b, clause_b, {}, reraise, {e2});
    t.link(raising, test_a, {inst});
    t.branch(s, neg, raising, {}, t.g.returnblock, {t.arg(0)});
  }
  Link* raise_link() {
    for (Block* b : t.g.iterblocks())
      for (Link* l : b->exits)
        if (!b->operations.empty() && b->operations[0].opname == "malloc") return l;
    return nullptr;
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(raise_goes_to_the_second_clause) {
  RaiseInTry r(25);
  BOOST_TEST(route_known_raises(&r.t.g) == 1u);
  check_consistent(r.t.g);
  // Past clause B's block too, which only jumps on: return 2.
  Link* l = r.raise_link();
  BOOST_TEST(l->target == r.t.g.returnblock);
  BOOST_TEST(l->args[0]->repr() == "2");
  // The class tests are unreachable now; malloc removal drops the instance.
  BOOST_TEST(count_ops(r.t.g, "isinstance_range") == 0u);
  remove_mallocs(&r.t.g);
  remove_dead_code(&r.t.g);
  BOOST_TEST(count_ops(r.t.g, "malloc") == 0u);
}

BOOST_AUTO_TEST_CASE(raise_that_no_clause_matches_goes_to_the_reraise) {
  RaiseInTry r(40);
  BOOST_TEST(route_known_raises(&r.t.g) == 1u);
  check_consistent(r.t.g);
  Link* l = r.raise_link();
  BOOST_TEST(l->target != r.clause_a);
  BOOST_TEST(l->target != r.clause_b);
  BOOST_TEST(l->target->operations.size() == 1u);
  BOOST_TEST(l->target->operations[0].opname == "getfield");
}

BOOST_AUTO_TEST_CASE(unknown_class_is_left_alone) {
  // The typeptr is not a constant (copied from elsewhere): no routing.
  RaiseInTry r(11);
  for (Block* b : r.t.g.iterblocks())
    for (auto& op : b->operations)
      if (op.opname == "setfield") op.args[2] = r.t.arg(0);
  std::string before = r.t.g.dump();
  BOOST_TEST(route_known_raises(&r.t.g) == 0u);
  BOOST_TEST(r.t.g.dump() == before);
}

BOOST_AUTO_TEST_SUITE_END()
