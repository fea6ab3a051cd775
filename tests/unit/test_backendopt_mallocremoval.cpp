// remove_mallocs on hand-built low-level graphs: structs that stay local
// become one variable per field, through links and loops; anything that
// lets the pointer escape keeps the malloc.
#include <boost/test/unit_test.hpp>

#include "support/llgraph.h"

using namespace rpy;
using namespace rpy::testing;

namespace {

const LLType* pair_struct() {
  static const LLType* t = lltypes::new_gcstruct("pair_t", {{"item0", lltypes::Signed}, {"item1", lltypes::Float}});
  return t;
}
const LLType* P() { return lltypes::ptr_to(pair_struct()); }

Variable* new_pair(G& t, Block* b, Value* x, Value* y) {
  Variable* p = t.op(b, "malloc", {t.g.new_llconst("pair_t", Constant::Plain)}, P());
  t.op(b, "setfield", {p, t.field("item0"), x}, lltypes::Void);
  t.op(b, "setfield", {p, t.field("item1"), y}, lltypes::Void);
  return p;
}

void cleanup(FunctionGraph* g) {
  constant_fold(g);
  join_blocks(g);
  remove_dead_code(g);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mallocremoval)

BOOST_AUTO_TEST_CASE(local_tuple_becomes_its_fields) {
  G t("local", {"x"});
  Block* s = t.g.startblock;
  Variable* p = new_pair(t, s, t.arg(0), t.f(1.5));
  t.ret(s, t.op(s, "getfield", {p, t.field("item0")}));
  BOOST_TEST(remove_mallocs(&t.g) == 1u);
  check_consistent(t.g);
  cleanup(&t.g);
  BOOST_TEST(t.g.dump() ==
             "graph local(x_3: Signed)\n"
             "block2(x_3: Signed):\n"
             "    -> return(x_3)\n");
}

BOOST_AUTO_TEST_CASE(fields_read_before_written_are_zero) {
  G t("zero", {"x"});
  Block* s = t.g.startblock;
  Variable* p = t.op(s, "malloc", {t.g.new_llconst("pair_t", Constant::Plain)}, P());
  t.ret(s, t.op(s, "getfield", {p, t.field("item0")}));
  BOOST_TEST(remove_mallocs(&t.g) == 1u);
  cleanup(&t.g);
  BOOST_TEST(t.g.dump() ==
             "graph zero(x_3: Signed)\n"
             "block2(x_3: Signed):\n"
             "    -> return(0)\n");
}

BOOST_AUTO_TEST_CASE(carried_through_links_and_a_loop) {
  // p = (0, 0.0); while p.item0 < n: p = (p.item0 + 1, p.item1 + 0.5); return p.item0
  G t("loop", {"n"});
  Block* s = t.g.startblock;
  Variable* p0 = new_pair(t, s, t.c(0), t.f(0.0));
  Variable* hp = t.var("hp", P());
  Variable* hn = t.var("hn");
  Block* header = t.block({hp, hn});
  t.link(s, header, {p0, t.arg(0)});
  Variable* i = t.op(header, "getfield", {hp, t.field("item0")});
  Variable* c = t.op(header, "int_lt", {i, hn}, lltypes::Bool);
  Variable* bp = t.var("bp", P());
  Variable* bn = t.var("bn");
  Block* body = t.block({bp, bn});
  Variable* ep = t.var("ep", P());
  Block* exit = t.block({ep});
  t.branch(header, c, body, {hp, hn}, exit, {hp});
  Variable* bi = t.op(body, "getfield", {bp, t.field("item0")});
  Variable* bf = t.op(body, "getfield", {bp, t.field("item1")}, lltypes::Float);
  Variable* np = new_pair(t, body, t.op(body, "int_add", {bi, t.c(1)}),
                          t.op(body, "float_add", {bf, t.f(0.5)}, lltypes::Float));
  t.link(body, header, {np, bn});
  t.ret(exit, t.op(exit, "getfield", {ep, t.field("item0")}));
  BOOST_TEST(remove_mallocs(&t.g) == 2u);
  check_consistent(t.g);
  BOOST_TEST(count_ops(t.g, "malloc") == 0u);
  BOOST_TEST(count_ops(t.g, "getfield") == 0u);
  cleanup(&t.g);
  check_consistent(t.g);
  // The float field is never read: it goes with dead code.
  BOOST_TEST(count_ops(t.g, "float_add") == 0u);
  BOOST_TEST(header->inputargs.size() == 2u);
}

BOOST_AUTO_TEST_CASE(escapes_keep_the_malloc) {
  // Returned.
  {
    G t("ret", {"x"}, P());
    Block* s = t.g.startblock;
    t.ret(s, new_pair(t, s, t.arg(0), t.f(0)));
    BOOST_TEST(remove_mallocs(&t.g) == 0u);
  }
  // Passed to a call.
  {
    G callee("take", {"p"});
    G t("call", {"x"});
    Block* s = t.g.startblock;
    Variable* p = new_pair(t, s, t.arg(0), t.f(0));
    t.ret(s, t.call(s, &callee.g, {p}));
    BOOST_TEST(remove_mallocs(&t.g) == 0u);
  }
  // Stored into another struct that escapes.
  {
    const LLType* box = lltypes::new_gcstruct("box_t", {{"item0", P()}});
    G t("store", {"x"}, lltypes::ptr_to(box));
    Block* s = t.g.startblock;
    Variable* p = new_pair(t, s, t.arg(0), t.f(0));
    Variable* b = t.op(s, "malloc", {t.g.new_llconst("box_t", Constant::Plain)}, lltypes::ptr_to(box));
    t.op(s, "setfield", {b, t.field("item0"), p}, lltypes::Void);
    t.ret(s, b);
    BOOST_TEST(remove_mallocs(&t.g) == 0u);
  }
  // Compared by pointer.
  {
    G t("cmp", {"x"}, lltypes::Bool);
    Block* s = t.g.startblock;
    Variable* p = new_pair(t, s, t.arg(0), t.f(0));
    Variable* q = new_pair(t, s, t.arg(0), t.f(0));
    t.ret(s, t.op(s, "ptr_eq", {p, q}, lltypes::Bool));
    BOOST_TEST(remove_mallocs(&t.g) == 0u);
  }
  // Merged with a pointer of unknown origin (a parameter) at a join.
  {
    G t("join", {"x"});
    Block* s = t.g.startblock;
    Variable* other = t.var("other", P());
    s->inputargs.push_back(other);
    Variable* p = new_pair(t, s, t.arg(0), t.f(0));
    Variable* j = t.var("j", P());
    Block* join = t.block({j});
    Variable* c = t.op(s, "int_lt", {t.arg(0), t.c(0)}, lltypes::Bool);
    t.branch(s, c, join, {p}, join, {other});
    t.ret(join, t.op(join, "getfield", {j, t.field("item0")}));
    BOOST_TEST(remove_mallocs(&t.g) == 0u);
  }
}

BOOST_AUTO_TEST_CASE(nested_tuple_goes_in_two_rounds) {
  // outer = (inner,) with inner = (x, 0.0); return outer.item0.item0
  const LLType* box = lltypes::new_gcstruct("box2_t", {{"item0", P()}});
  G t("nested", {"x"});
  Block* s = t.g.startblock;
  Variable* inner = new_pair(t, s, t.arg(0), t.f(0));
  Variable* outer = t.op(s, "malloc", {t.g.new_llconst("box2_t", Constant::Plain)}, lltypes::ptr_to(box));
  t.op(s, "setfield", {outer, t.field("item0"), inner}, lltypes::Void);
  Variable* got = t.op(s, "getfield", {outer, t.field("item0")}, P());
  t.ret(s, t.op(s, "getfield", {got, t.field("item0")}));
  BOOST_TEST(remove_mallocs(&t.g) == 2u);
  cleanup(&t.g);
  check_consistent(t.g);
  BOOST_TEST(t.g.dump() ==
             "graph nested(x_3: Signed)\n"
             "block2(x_3: Signed):\n"
             "    -> return(x_3)\n");
}

BOOST_AUTO_TEST_CASE(same_object_twice_into_one_block_is_kept) {
  // b(p, q) receiving the same struct twice: a write through p must be seen
  // through q, which separate field variables would not do.
  G t("alias", {"x"});
  Block* s = t.g.startblock;
  Variable* p = new_pair(t, s, t.arg(0), t.f(0));
  Variable* bp = t.var("bp", P());
  Variable* bq = t.var("bq", P());
  Block* b = t.block({bp, bq});
  t.link(s, b, {p, p});
  t.op(b, "setfield", {bp, t.field("item0"), t.c(5)}, lltypes::Void);
  t.ret(b, t.op(b, "getfield", {bq, t.field("item0")}));
  BOOST_TEST(remove_mallocs(&t.g) == 0u);
}

BOOST_AUTO_TEST_CASE(passed_along_an_exception_exit_is_kept) {
  G t("exc", {"x"});
  Block* s = t.g.startblock;
  Variable* p = new_pair(t, s, t.arg(0), t.f(0));
  t.op(s, "int_floordiv_zer", {t.c(1), t.arg(0)});
  Variable* np = t.var("np", P());
  Block* ok = t.block({np});
  t.ret(ok, t.op(ok, "getfield", {np, t.field("item0")}));
  Variable* ev = t.var("ev", lltypes::ExceptionPtr());
  Variable* hp = t.var("hp", P());
  Block* handler = t.block({ev, hp});
  t.ret(handler, t.op(handler, "getfield", {hp, t.field("item0")}));
  t.canraise(s, ok, {p}, handler, {p});
  BOOST_TEST(remove_mallocs(&t.g) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
