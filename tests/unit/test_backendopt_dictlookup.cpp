// fuse_dict_lookups (backendopt/dictlookup.cpp) on hand-built low-level
// graphs: which read/write pairs of one key share a lookup, how the slot
// travels along links, and what in between keeps two lookups.
#include <boost/test/unit_test.hpp>

#include <deque>

#include "rtyper/externals.h"
#include "rtyper/rdict.h"
#include "support/llgraph.h"

using namespace rpy;
using namespace rpy::testing;
using lltypes::Bool;
using lltypes::Signed;
using lltypes::Void;

namespace {

// A dict {Signed: Signed} family, and one whose keys have a custom __eq__.
const LLType* dict_struct(bool custom) {
  static const LLType* types[2] = {nullptr, nullptr};
  const LLType*& t = types[custom];
  if (!t) {
    auto* L = new DictLayout;
    L->key = Signed;
    L->value = Signed;
    L->custom_eq = custom;
    LLType* st = lltypes::new_gcstruct(custom ? "dl_cdict" : "dl_dict", {{"num_items", Signed}, {"num_used", Signed}});
    st->dict = L;
    L->dict = st;
    t = st;
  }
  return t;
}

// The rtyper's dict externals (RTyper::call_dict_helper) for `dict`.
const ExternalFunc* dict_ext(const std::string& name, const LLType* dict) {
  static std::deque<ExternalFunc> store;
  for (auto& e : store)
    if (e.name == name && e.template_arg == dict) return &e;
  ExternalFunc e{name, {}, Signed, true, false, "dict." + name, dict};
  store.push_back(e);
  return &store.back();
}

struct Dicts : G {
  const LLType* D;
  explicit Dicts(const std::string& name, bool custom = false)
      : G(name, {}), D(dict_struct(custom)) {
    g.startblock->inputargs = {var("d", lltypes::ptr_to(D)), var("e", lltypes::ptr_to(D)), var("k"), var("j")};
  }
  Variable* d() { return arg(0); }
  Variable* e() { return arg(1); }
  Variable* k() { return arg(2); }
  Variable* j() { return arg(3); }
  Variable* call(Block* b, const std::string& name, std::vector<Value*> args, const LLType* t = Signed) {
    Constant* fn = g.new_llconst(name, Constant::External, dict_ext(name, D));
    fn->concretetype = Void;
    args.insert(args.begin(), fn);
    return op(b, "direct_call", std::move(args), t);
  }
  Variable* get(Block* b, Value* dd, Value* key) { return call(b, "rpy_dict_get", {dd, key, c(0)}); }
  Variable* getitem(Block* b, Value* dd, Value* key) { return call(b, "rpy_dict_getitem", {dd, key}); }
  Variable* contains(Block* b, Value* dd, Value* key) { return call(b, "rpy_dict_contains", {dd, key}, Bool); }
  void setitem(Block* b, Value* dd, Value* key, Value* v) { call(b, "rpy_dict_setitem", {dd, key, v}, Void); }
  // d[key] = d.get(key, 0) + 1 with `between(block)` after the read.
  template <class F>
  void increment(Value* dd, Value* key, F between) {
    Block* s = g.startblock;
    Variable* v = get(s, dd, key);
    Variable* w = op(s, "int_add", {v, c(1)});
    between(s);
    setitem(s, dd, key, w);
    ret(s, w);
  }
};

FunctionGraph* leaf() {
  static G* callee = [] {
    auto* t = new G("leaf", {"x"});
    t->ret(t->g.startblock, t->arg(0));
    return t;
  }();
  return &callee->g;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backendopt_dictlookup)

BOOST_AUTO_TEST_CASE(get_then_setitem_share_one_lookup) {
  Dicts t("incr");
  t.increment(t.d(), t.k(), [](Block*) {});
  BOOST_TEST(fuse_dict_lookups(&t.g, false) == 1u);
  check_consistent(t.g);
  BOOST_TEST(t.g.dump() ==
             "graph incr(d_3: Ptr(GcStruct dl_dict), e_4: Ptr(GcStruct dl_dict), k_5: Signed, j_6: Signed)\n"
             "block2(d_3: Ptr(GcStruct dl_dict), e_4: Ptr(GcStruct dl_dict), k_5: Signed, j_6: Signed):\n"
             "    slot_10: Signed = direct_call(rpy_dict_lookup_slot, d_3, k_5)\n"
             "    v_7: Signed = direct_call(rpy_dict_get_at, d_3, slot_10, k_5, 0)\n"
             "    v_8: Signed = int_add(v_7, 1)\n"
             "    v_9: Void = direct_call(rpy_dict_store_at, d_3, slot_10, k_5, v_8)\n"
             "    -> return(v_8)\n");
  // The new calls say what they do, for the JIT and the GC transform.
  for (auto& op : t.g.startblock->operations) {
    if (op.opname != "direct_call") continue;
    auto* f = static_cast<const ExternalFunc*>(static_cast<Constant*>(op.args[0])->llptr);
    if (f->name == "rpy_dict_lookup_slot") {
      BOOST_TEST(f->oopspec == "dict.lookup_slot");
      BOOST_TEST((!f->canraise && !f->cancollect));
    } else if (f->name == "rpy_dict_store_at") {
      BOOST_TEST(f->oopspec == "dict.store_at");
      BOOST_TEST((f->canraise && f->cancollect));
    }
  }
  BOOST_TEST(fuse_dict_lookups(&t.g, false) == 0u);
}

BOOST_AUTO_TEST_CASE(pure_operations_and_reads_between_are_fine) {
  Dicts t("pure_between");
  t.increment(t.d(), t.k(), [&](Block* s) {
    t.op(s, "int_mul", {t.k(), t.c(3)});
    t.get(s, t.d(), t.j());  // another key, read only
    t.op(s, "getfield", {t.d(), t.field("num_items")});
    t.op(s, "malloc", {t.field("dl_dict")}, lltypes::ptr_to(t.D));  // no finalizers: it only moves objects
  });
  // The read of j has no later access of j: it stays a plain lookup.
  BOOST_TEST(fuse_dict_lookups(&t.g, false) == 1u);
  BOOST_TEST(count_ops(t.g, "direct_call") == 4u);
  check_consistent(t.g);
}

BOOST_AUTO_TEST_CASE(allocation_between_when_finalizers_may_run) {
  Dicts t("alloc_between");
  t.increment(t.d(), t.k(), [&](Block* s) { t.op(s, "malloc", {t.field("dl_dict")}, lltypes::ptr_to(t.D)); });
  std::string before = t.g.dump();
  BOOST_TEST(fuse_dict_lookups(&t.g, true) == 0u);
  BOOST_TEST(t.g.dump() == before);
}

BOOST_AUTO_TEST_CASE(call_between_keeps_two_lookups) {
  Dicts t("call_between");
  t.increment(t.d(), t.k(), [&](Block* s) { t.G::call(s, leaf(), {t.k()}); });
  std::string before = t.g.dump();
  BOOST_TEST(fuse_dict_lookups(&t.g, false) == 0u);
  BOOST_TEST(t.g.dump() == before);
}

BOOST_AUTO_TEST_CASE(write_of_another_key_between_keeps_two_lookups) {
  Dicts t("other_write");
  t.increment(t.d(), t.k(), [&](Block* s) { t.setitem(s, t.e(), t.j(), t.c(5)); });
  BOOST_TEST(fuse_dict_lookups(&t.g, false) == 0u);
  Dicts u("delete_between");
  u.increment(u.d(), u.k(), [&](Block* s) { u.call(s, "rpy_dict_delitem", {u.d(), u.j(), u.b(true)}, Void); });
  BOOST_TEST(fuse_dict_lookups(&u.g, false) == 0u);
}

BOOST_AUTO_TEST_CASE(other_key_or_other_dict_is_not_fused) {
  Dicts t("other_key");
  Block* s = t.g.startblock;
  Variable* v = t.get(s, t.d(), t.k());
  t.setitem(s, t.d(), t.j(), v);  // d[j] = d.get(k)
  t.setitem(s, t.e(), t.k(), v);  // e[k] = d.get(k)
  t.ret(s, v);
  std::string before = t.g.dump();
  BOOST_TEST(fuse_dict_lookups(&t.g, false) == 0u);
  BOOST_TEST(t.g.dump() == before);
}

BOOST_AUTO_TEST_CASE(keys_with_custom_eq_are_not_fused) {
  Dicts t("custom", true);
  t.increment(t.d(), t.k(), [](Block*) {});
  BOOST_TEST(fuse_dict_lookups(&t.g, false) == 0u);
  BOOST_TEST(count_ops(t.g, "direct_call") == 2u);
}

BOOST_AUTO_TEST_CASE(constant_keys_match_by_value) {
  Dicts t("const_key");
  t.increment(t.d(), t.c(42), [](Block*) {});
  BOOST_TEST(fuse_dict_lookups(&t.g, false) == 1u);
  Dicts u("other_const_key");
  u.increment(u.d(), u.c(42), [&](Block* s) { u.setitem(s, u.d(), u.c(43), u.c(0)); });
  BOOST_TEST(fuse_dict_lookups(&u.g, false) == 0u);
}

// if k in d: d[k] = d[k] + 1 else: d[k] = 1 -- one lookup, its slot passed
// to both branches.
BOOST_AUTO_TEST_CASE(contains_then_branches) {
  Dicts t("in_branch");
  Block* s = t.g.startblock;
  Variable* c = t.contains(s, t.d(), t.k());
  Variable* d1 = t.var("d1", lltypes::ptr_to(t.D));
  Variable* k1 = t.var("k1");
  Block* yes = t.block({d1, k1});
  Variable* x = t.getitem(yes, d1, k1);
  Variable* y = t.op(yes, "int_add", {x, t.c(1)});
  t.setitem(yes, d1, k1, y);
  t.ret(yes, y);
  Variable* d2 = t.var("d2", lltypes::ptr_to(t.D));
  Variable* k2 = t.var("k2");
  Block* no = t.block({d2, k2});
  t.setitem(no, d2, k2, t.c(1));
  t.ret(no, t.c(1));
  t.branch(s, c, yes, {t.d(), t.k()}, no, {t.d(), t.k()});
  BOOST_TEST(fuse_dict_lookups(&t.g, false) == 3u);
  check_consistent(t.g);
  BOOST_TEST(count_ops(t.g, "direct_call") == 5u);  // lookup, contains_at, getitem_at, two store_at
  std::string dump = t.g.dump();
  BOOST_TEST(dump.find("rpy_dict_getitem_at, d1_") != std::string::npos);
  BOOST_TEST(dump.find("rpy_dict_contains_at") != std::string::npos);
  BOOST_TEST(yes->inputargs.size() == 3u);
  BOOST_TEST(no->inputargs.size() == 3u);
}

// A branch that does not pass the key along cannot use the slot; a block
// reached from elsewhere too (a loop header) is not entered.
BOOST_AUTO_TEST_CASE(key_not_passed_or_join_from_outside) {
  Dicts t("not_passed");
  Block* s = t.g.startblock;
  Variable* c = t.contains(s, t.d(), t.k());
  Variable* d1 = t.var("d1", lltypes::ptr_to(t.D));
  Variable* k1 = t.var("k1");
  Block* yes = t.block({d1, k1});
  t.setitem(yes, d1, k1, t.c(1));
  t.ret(yes, t.c(1));
  // The false branch passes j as the key: another key.
  Variable* d2 = t.var("d2", lltypes::ptr_to(t.D));
  Variable* k2 = t.var("k2");
  Block* loop = t.block({d2, k2});
  t.setitem(loop, d2, k2, t.c(2));
  Variable* again = t.op(loop, "int_lt", {k2, t.c(10)}, Bool);
  t.branch(s, c, yes, {t.d(), t.k()}, loop, {t.d(), t.j()});
  Variable* k3 = t.op(loop, "int_add", {k2, t.c(1)});
  loop->exitswitch = nullptr;
  t.branch(loop, again, loop, {d2, k3}, t.g.returnblock, {t.c(0)});
  BOOST_TEST(fuse_dict_lookups(&t.g, false) == 1u);  // the true branch only
  check_consistent(t.g);
  BOOST_TEST(loop->inputargs.size() == 2u);
  BOOST_TEST(yes->inputargs.size() == 3u);
}

// old = d.get(k); if old > 0: x += old; d[k] = e -- the write is after a
// join both of whose ways come from the read.
BOOST_AUTO_TEST_CASE(write_after_a_join) {
  Dicts t("join");
  Block* s = t.g.startblock;
  Variable* old = t.get(s, t.d(), t.k());
  Variable* pos = t.op(s, "int_gt", {old, t.c(0)}, Bool);
  Variable* d1 = t.var("d1", lltypes::ptr_to(t.D));
  Variable* k1 = t.var("k1");
  Variable* o1 = t.var("o1");
  Block* add = t.block({d1, k1, o1});
  Variable* twice = t.op(add, "int_mul", {o1, t.c(2)});
  Variable* d2 = t.var("d2", lltypes::ptr_to(t.D));
  Variable* k2 = t.var("k2");
  Variable* x2 = t.var("x2");
  Block* join = t.block({d2, k2, x2});
  t.link(add, join, {d1, k1, twice});
  t.branch(s, pos, add, {t.d(), t.k(), old}, join, {t.d(), t.k(), t.c(0)});
  t.setitem(join, d2, k2, t.c(7));
  t.ret(join, x2);
  BOOST_TEST(fuse_dict_lookups(&t.g, false) == 1u);
  check_consistent(t.g);
  BOOST_TEST(join->inputargs.size() == 4u);
  BOOST_TEST(add->inputargs.size() == 4u);
  BOOST_TEST(count_ops(t.g, "direct_call") == 3u);
  // Not when one way into the join calls a graph first.
  Dicts u("join_call");
  Block* us = u.g.startblock;
  Variable* uold = u.get(us, u.d(), u.k());
  Variable* upos = u.op(us, "int_gt", {uold, u.c(0)}, Bool);
  Variable* ud1 = u.var("d1", lltypes::ptr_to(u.D));
  Variable* uk1 = u.var("k1");
  Block* uadd = u.block({ud1, uk1});
  u.G::call(uadd, leaf(), {uk1});
  Variable* ud2 = u.var("d2", lltypes::ptr_to(u.D));
  Variable* uk2 = u.var("k2");
  Block* ujoin = u.block({ud2, uk2});
  u.link(uadd, ujoin, {ud1, uk1});
  u.branch(us, upos, uadd, {u.d(), u.k()}, ujoin, {u.d(), u.k()});
  u.setitem(ujoin, ud2, uk2, u.c(7));
  u.ret(ujoin, u.c(0));
  BOOST_TEST(fuse_dict_lookups(&u.g, false) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
