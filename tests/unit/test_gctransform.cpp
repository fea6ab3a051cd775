// The GC transform on hand-built low-level graphs: which refs are saved
// around what (liveness through loops and exception exits, callees that
// collect found through the call graph), where write barriers go, and the
// rejection of a __del__ that allocates.
#include <boost/test/unit_test.hpp>

#include "gctransform/gctransform.h"
#include "rtyper/externals.h"
#include "support/llgraph.h"

using namespace rpy;
using namespace rpy::testing;

namespace {

const LLType* node_struct() {
  static const LLType* t = [] {
    LLType* s = lltypes::new_gcstruct("node_t", {});
    s->fields = {{"next", lltypes::ptr_to(s)}, {"v", lltypes::Signed}};
    return s;
  }();
  return t;
}
const LLType* P() { return lltypes::ptr_to(node_struct()); }
const LLType* A() {
  static const LLType* t = lltypes::new_gcarray("nodearray_t", P());
  return t;
}

Variable* malloc_node(G& t, Block* b) { return t.op(b, "malloc", {t.g.new_llconst("node_t", Constant::Plain)}, P()); }

Constant* ext(G& t, const std::string& name) {
  return t.g.new_llconst(name, Constant::External, external(name));
}

// The refs pushed around the i-th bracket of the graph, by variable hint.
std::vector<std::string> bracket(const FunctionGraph& g, size_t i = 0) {
  size_t k = 0;
  for (Block* b : g.iterblocks())
    for (auto& op : b->operations)
      if (op.opname == "gc_push_roots" && k++ == i) {
        std::vector<std::string> names;
        for (Value* v : op.args) names.push_back(static_cast<Variable*>(v)->name);
        return names;
      }
  return {"<no bracket>"};
}

// The op names of a block, in order.
std::vector<std::string> opnames(Block* b) {
  std::vector<std::string> r;
  for (auto& op : b->operations) r.push_back(op.opname);
  return r;
}

using Names = std::vector<std::string>;

// alloc() -> a fresh node
FunctionGraph* make_alloc(G& t) {
  Block* s = t.g.startblock;
  t.ret(s, malloc_node(t, s));
  return &t.g;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gctransform)

BOOST_AUTO_TEST_CASE(refs_live_across_a_collecting_call_are_saved) {
  G alloc("alloc", {}, P());
  make_alloc(alloc);
  // caller(x, k): y = alloc(); x.next = y; return x   -- x is live across the call, y is its result
  G t("caller", {}, P());
  Variable* x = t.var("x", P());
  t.g.startblock->inputargs = {x};
  Block* s = t.g.startblock;
  Variable* y = t.call(s, &alloc.g, {});
  t.op(s, "setfield", {x, t.field("next"), y}, lltypes::Void);
  t.ret(s, x);
  gc_transform({&alloc.g, &t.g});
  check_consistent(t.g);
  BOOST_TEST(bracket(t.g) == Names{"x"});
  BOOST_TEST(opnames(s) == (Names{"gc_push_roots", "direct_call", "gc_pop_roots", "gc_write_barrier", "setfield"}));
  // alloc itself keeps nothing: its only ref is the malloc's result.
  BOOST_TEST(count_ops(alloc.g, "gc_push_roots") == 0u);
  BOOST_TEST(count_ops(alloc.g, "gc_malloc_nursery") == 1u);
  BOOST_TEST(count_ops(alloc.g, "malloc") == 0u);
}

BOOST_AUTO_TEST_CASE(calls_that_cannot_collect_save_nothing) {
  // get(x) = x.v; caller(x) = get(x) + x.v
  G get("get", {});
  Variable* gx = get.var("x", P());
  get.g.startblock->inputargs = {gx};
  get.ret(get.g.startblock, get.op(get.g.startblock, "getfield", {gx, get.field("v")}));
  G t("caller", {});
  Variable* x = t.var("x", P());
  t.g.startblock->inputargs = {x};
  Block* s = t.g.startblock;
  Variable* a = t.call(s, &get.g, {x});
  Variable* b = t.op(s, "getfield", {x, t.field("v")});
  // a runtime function declared as never allocating
  t.op(s, "direct_call", {ext(t, "rpy_str_hash"), t.none(lltypes::StrPtr())});
  t.ret(s, t.op(s, "int_add", {a, b}));
  gc_transform({&get.g, &t.g});
  BOOST_TEST(count_ops(t.g, "gc_push_roots") == 0u);
}

BOOST_AUTO_TEST_CASE(collecting_is_transitive_through_the_call_graph) {
  G alloc("alloc", {}, P());
  make_alloc(alloc);
  // mid() = alloc().v ; top(x) = mid() + x.v
  G mid("mid", {});
  Block* ms = mid.g.startblock;
  Variable* n = mid.call(ms, &alloc.g, {});
  mid.ret(ms, mid.op(ms, "getfield", {n, mid.field("v")}));
  G top("top", {});
  Variable* x = top.var("x", P());
  top.g.startblock->inputargs = {x};
  Block* s = top.g.startblock;
  Variable* a = top.call(s, &mid.g, {});
  top.ret(s, top.op(s, "int_add", {a, top.op(s, "getfield", {x, top.field("v")})}));
  // callers listed before their callees: the fixpoint must not depend on order
  gc_transform({&top.g, &mid.g, &alloc.g});
  BOOST_TEST(bracket(top.g) == Names{"x"});
  BOOST_TEST(count_ops(mid.g, "gc_push_roots") == 0u);  // nothing live across its call
}

BOOST_AUTO_TEST_CASE(refs_live_around_a_loop_are_saved_in_its_body) {
  G alloc("alloc", {}, P());
  make_alloc(alloc);
  // loop(keep, n): i = 0; while i < n: last = alloc(); i += 1; return keep.v
  G t("loop", {});
  Variable* keep = t.var("keep", P());
  Variable* n = t.var("n");
  t.g.startblock->inputargs = {keep, n};
  Variable* hk = t.var("hk", P());
  Variable* hn = t.var("hn");
  Variable* hi = t.var("hi");
  Block* header = t.block({hk, hn, hi});
  t.link(t.g.startblock, header, {keep, n, t.c(0)});
  Variable* bk = t.var("bk", P());
  Variable* bn = t.var("bn");
  Variable* bi = t.var("bi");
  Block* body = t.block({bk, bn, bi});
  Variable* ek = t.var("ek", P());
  Block* exit = t.block({ek});
  t.branch(header, t.op(header, "int_lt", {hi, hn}, lltypes::Bool), body, {hk, hn, hi}, exit, {hk});
  t.call(body, &alloc.g, {});  // its result is dead
  t.link(body, header, {bk, bn, t.op(body, "int_add", {bi, t.c(1)})});
  t.ret(exit, t.op(exit, "getfield", {ek, t.field("v")}));
  gc_transform({&alloc.g, &t.g});
  check_consistent(t.g);
  BOOST_TEST(bracket(t.g) == Names{"bk"});
  BOOST_TEST(count_ops(t.g, "gc_push_roots") == 1u);
}

BOOST_AUTO_TEST_CASE(barriers_young_objects_and_constants) {
  G alloc("alloc", {}, P());
  make_alloc(alloc);
  // f(x, arr, i): p = malloc; p.next = x (young: none); x.next = None (constant: none);
  //               arr[i] = p (array barrier); alloc(); p.next = x (p may be old now: barrier)
  G t("f", {}, lltypes::Void);
  Variable* x = t.var("x", P());
  Variable* arr = t.var("arr", lltypes::ptr_to(A()));
  Variable* i = t.var("i");
  t.g.startblock->inputargs = {x, arr, i};
  Block* s = t.g.startblock;
  Variable* p = malloc_node(t, s);
  Variable* q = t.op(s, "same_as", {p}, P());
  t.op(s, "setfield", {q, t.field("next"), x}, lltypes::Void);
  t.op(s, "setfield", {x, t.field("next"), t.none(P())}, lltypes::Void);
  t.op(s, "setarrayitem", {arr, i, p}, lltypes::Void);
  t.call(s, &alloc.g, {});
  t.op(s, "setfield", {p, t.field("next"), x}, lltypes::Void);
  t.op(s, "setfield", {p, t.field("v"), i}, lltypes::Void);  // not a ref
  t.ret(s, t.none(lltypes::Void));
  GcTransformStats st = gc_transform({&alloc.g, &t.g});
  check_consistent(t.g);
  BOOST_TEST(opnames(s) == (Names{"gc_push_roots", "gc_malloc_nursery", "gc_pop_roots", "same_as", "setfield",
                                  "setfield", "gc_write_barrier_from_array", "setarrayitem", "gc_push_roots",
                                  "direct_call", "gc_pop_roots", "gc_write_barrier", "setfield", "setfield"}));
  BOOST_TEST(st.barriers == 2u);
  BOOST_TEST(st.barriers_omitted == 2u);
  // the array barrier gets the index, for card marking
  for (auto& op : s->operations)
    if (op.opname == "gc_write_barrier_from_array") BOOST_TEST((op.args.size() == 2 && op.args[1] == i));
}

BOOST_AUTO_TEST_CASE(raising_ops_save_only_what_the_handler_reads) {
  // f(a, b, keep, other): try: q = a // b  except: return keep.v;  return q + other.v
  G t("f", {});
  Variable* a = t.var("a");
  Variable* b = t.var("b");
  Variable* keep = t.var("keep", P());
  Variable* other = t.var("other", P());
  t.g.startblock->inputargs = {a, b, keep, other};
  Block* s = t.g.startblock;
  Variable* q = t.op(s, "int_floordiv_zer", {a, b});
  Variable* nq = t.var("nq");
  Variable* no = t.var("no", P());
  Block* normal = t.block({nq, no});
  t.ret(normal, t.op(normal, "int_add", {nq, t.op(normal, "getfield", {no, t.field("v")})}));
  Variable* hk = t.var("hk", P());
  Block* handler = t.block({t.var("e", lltypes::ExceptionPtr()), hk});
  t.ret(handler, t.op(handler, "getfield", {hk, t.field("v")}));
  t.canraise(s, normal, {q, other}, handler, {keep});
  // g(a, b, keep): the same division outside a try: raising leaves the function.
  G u("g", {});
  Variable* ua = u.var("a");
  Variable* ub = u.var("b");
  Variable* uk = u.var("keep", P());
  u.g.startblock->inputargs = {ua, ub, uk};
  Block* us = u.g.startblock;
  Variable* uq = u.op(us, "int_floordiv_zer", {ua, ub});
  u.ret(us, u.op(us, "int_add", {uq, u.op(us, "getfield", {uk, u.field("v")})}));
  gc_transform({&t.g, &u.g});
  check_consistent(t.g);
  BOOST_TEST(bracket(t.g) == Names{"keep"});  // not `other`: only the normal exit reads it
  BOOST_TEST(count_ops(u.g, "gc_push_roots") == 0u);
}

BOOST_AUTO_TEST_CASE(a_finalizer_that_allocates_is_rejected) {
  G alloc("alloc", {}, P());
  make_alloc(alloc);
  // del(self) = alloc() -- a __del__ that allocates
  G del("Res.__del__", {}, lltypes::Void);
  Variable* self = del.var("self", P());
  del.g.startblock->inputargs = {self};
  del.call(del.g.startblock, &alloc.g, {});
  del.ret(del.g.startblock, del.none(lltypes::Void));
  G t("make", {}, P());
  Block* s = t.g.startblock;
  Variable* p = malloc_node(t, s);
  Constant* fn = t.fn(&del.g);
  fn->concretetype = lltypes::ptr_to(lltypes::func_type({P()}, lltypes::Void));
  t.op(s, "direct_call", {ext(t, "rpy_gc_register_finalizer"), p, fn}, lltypes::Void);
  t.ret(s, p);
  BOOST_CHECK_EXCEPTION(gc_transform({&alloc.g, &del.g, &t.g}), TranslationError, [](const TranslationError& e) {
    return e.message.find("Res.__del__ may allocate") != std::string::npos;
  });
}

BOOST_AUTO_TEST_SUITE_END()
