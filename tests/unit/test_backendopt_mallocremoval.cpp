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

BOOST_AUTO_TEST_CASE(passed_along_the_exception_exit_of_a_block_that_does_not_write_it) {
  // The same, but the object is made before the block that can raise, which
  // neither writes nor allocates it (an outer loop's iterator across an
  // inner loop): its fields are the same wherever that block raises.
  G t("exc2", {"x"});
  Block* s = t.g.startblock;
  Variable* p = new_pair(t, s, t.arg(0), t.f(0));
  Variable* mp = t.var("mp", P());
  Variable* mx = t.var("mx");
  Block* mid = t.block({mp, mx});
  t.link(s, mid, {p, t.arg(0)});
  t.op(mid, "int_floordiv_zer", {t.c(1), mx});
  Variable* np = t.var("np", P());
  Block* ok = t.block({np});
  t.ret(ok, t.op(ok, "getfield", {np, t.field("item0")}));
  Variable* hp = t.var("hp", P());
  Variable* ev = t.var("ev", lltypes::ExceptionPtr());
  Block* handler = t.block({ev, hp});
  t.ret(handler, t.op(handler, "getfield", {hp, t.field("item0")}));
  t.canraise(mid, ok, {mp}, handler, {mp});
  BOOST_TEST(remove_mallocs(&t.g) == 1u);
  check_consistent(t.g);
  BOOST_TEST(count_ops(t.g, "malloc") == 0u);
  // Written in that block: kept.
  G u("exc3", {"x"});
  Block* us = u.g.startblock;
  Variable* up = new_pair(u, us, u.arg(0), u.f(0));
  Variable* ump = u.var("mp", P());
  Variable* umx = u.var("mx");
  Block* umid = u.block({ump, umx});
  u.link(us, umid, {up, u.arg(0)});
  u.op(umid, "setfield", {ump, u.field("item0"), u.c(5)}, lltypes::Void);
  u.op(umid, "int_floordiv_zer", {u.c(1), umx});
  Variable* unp = u.var("np", P());
  Block* uok = u.block({unp});
  u.ret(uok, u.op(uok, "getfield", {unp, u.field("item0")}));
  Variable* uhp = u.var("hp", P());
  Variable* uev = u.var("ev", lltypes::ExceptionPtr());
  Block* uhandler = u.block({uev, uhp});
  u.ret(uhandler, u.op(uhandler, "getfield", {uhp, u.field("item0")}));
  u.canraise(umid, uok, {ump}, uhandler, {ump});
  BOOST_TEST(remove_mallocs(&u.g) == 0u);
}

BOOST_AUTO_TEST_CASE(seen_through_a_cast_to_its_base_struct) {
  // An instance written and read as its base struct (an exception built by
  // `raise E` and read as the base exception type) is still its fields; a
  // cast to an unrelated struct lets it escape.
  static LLType* base = [] {
    LLType* b = lltypes::new_gcstruct("base_t", {{"tag", lltypes::Signed}});
    return b;
  }();
  static LLType* derived = [] {
    LLType* d = lltypes::new_gcstruct("derived_t", {{"extra", lltypes::Signed}});
    d->super = base;
    return d;
  }();
  G t("cast", {"x"});
  Block* s = t.g.startblock;
  Variable* p = t.op(s, "malloc", {t.g.new_llconst("derived_t", Constant::Plain)}, lltypes::ptr_to(derived));
  t.op(s, "setfield", {p, t.field("extra"), t.arg(0)}, lltypes::Void);
  Variable* q = t.op(s, "cast_pointer", {p}, lltypes::ptr_to(base));
  t.op(s, "setfield", {q, t.field("tag"), t.c(7)}, lltypes::Void);
  Variable* tag = t.op(s, "getfield", {q, t.field("tag")});
  Variable* extra = t.op(s, "getfield", {p, t.field("extra")});
  t.ret(s, t.op(s, "int_add", {tag, extra}));
  BOOST_TEST(remove_mallocs(&t.g) == 1u);
  check_consistent(t.g);
  cleanup(&t.g);
  BOOST_TEST(t.g.dump() ==
             "graph cast(x_3: Signed)\n"
             "block2(x_3: Signed):\n"
             "    v_10: Signed = int_add(7, x_3)\n"
             "    -> return(v_10)\n");
  static LLType* other = lltypes::new_gcstruct("other_t", {{"tag", lltypes::Signed}});
  G u("badcast", {"x"});
  Block* us = u.g.startblock;
  Variable* up = u.op(us, "malloc", {u.g.new_llconst("derived_t", Constant::Plain)}, lltypes::ptr_to(derived));
  Variable* uq = u.op(us, "cast_pointer", {up}, lltypes::ptr_to(other));
  u.ret(us, u.op(us, "getfield", {uq, u.field("tag")}));
  BOOST_TEST(remove_mallocs(&u.g) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
