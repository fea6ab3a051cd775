// simplify_exception_edges (backendopt/exceptions.cpp): an exception exit
// that re-raises what it caught goes; one that does anything else stays.
#include <boost/test/unit_test.hpp>

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
