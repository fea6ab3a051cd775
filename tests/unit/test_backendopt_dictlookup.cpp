// fuse_dict_lookups and read_iterated_entries (backendopt/dictlookup.cpp)
// on hand-built low-level graphs: which read/write pairs of one key share a
// lookup, which reads in a loop over a dict read the iterator's entry, how
// the slot or entry index travels along links, and what in between keeps
// the lookup.
#include <boost/test/unit_test.hpp>

#include <deque>
#include <map>

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


// The iterator struct of the dict struct D, as RTyper::dictiter_lltype makes it.
const LLType* iter_struct(const LLType* D) {
  static std::map<const LLType*, const LLType*> types;
  const LLType*& t = types[D];
  if (!t) t = lltypes::new_gcstruct("dl_dictiter", {{"dict", lltypes::ptr_to(D)}, {"pos", Signed}, {"length", Signed}});
  return t;
}

// for key in d: <body> -- as the rtyper leaves it: the iterator made from d
// in the start block, iter_next in the loop header, the key read from the
// iterator's dict in the body, and the back edge passing everything along.
// The body's inputs are (it, d, e, j, ix); `close()` ends it.
struct Loop : Dicts {
  const LLType* It;
  Block* head;
  Block* body;
  Variable* key;
  explicit Loop(const std::string& name, bool custom = false, bool iterate_e = false) : Dicts(name, custom) {
    It = iter_struct(D);
    auto pd = lltypes::ptr_to(D);
    auto pit = lltypes::ptr_to(It);
    Block* s = g.startblock;
    Constant* ctype = g.new_llconst("dl_dictiter", Constant::Plain);
    ctype->concretetype = Void;
    Variable* it = op(s, "malloc", {ctype}, pit);
    op(s, "setfield", {it, field("dict"), iterate_e ? e() : d()}, Void);
    Variable* n = op(s, "getfield", {iterate_e ? e() : d(), field("num_items")});
    op(s, "setfield", {it, field("length"), n}, Void);
    std::vector<Variable*> hin{var("it", pit), var("d", pd), var("e", pd), var("j")};
    head = block(hin);
    link(s, head, {it, d(), e(), j()});
    Constant* next = g.new_llconst("rpy_dict_iter_next", Constant::External, dict_ext("rpy_dict_iter_next", It));
    next->concretetype = Void;
    Variable* ix = op(head, "direct_call", {next, hin[0]}, Signed);
    body = block({var("it", pit), var("d", pd), var("e", pd), var("j"), var("ix")});
    Block* done = block({var("evalue", lltypes::ExceptionPtr())});
    ret(done, c(0));
    canraise(head, body, {hin[0], hin[1], hin[2], hin[3], ix}, done, {});
    Variable* dd = op(body, "getfield", {in(0), field("dict")}, pd);
    key = call(body, "rpy_dict_entry_key", {dd, in(4)});
  }
  Variable* in(size_t i) { return body->inputargs[i]; }
  Variable* it_dict() { return body->operations[0].result; }
  // The back edge from `from`, which has the body's inputs (or `args`).
  void close(Block* from, std::vector<Value*> args = {}) {
    if (args.empty()) args = {from->inputargs[0], from->inputargs[1], from->inputargs[2], from->inputargs[3]};
    link(from, head, std::move(args));
  }
  size_t entry_values() const {
    size_t n = 0;
    for (Block* b : g.iterblocks())
      for (auto& o : b->operations)
        n += o.opname == "direct_call" && static_cast<Constant*>(o.args[0])->llrepr == "rpy_dict_entry_value";
    return n;
  }
};

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

// for k in d: x = d[k]; y = d.get(k, 0); z = k in d -- no lookup at all.
BOOST_AUTO_TEST_CASE(loop_reads_at_the_iterators_entry) {
  Loop t("iter_read");
  Block* b = t.body;
  Variable* x = t.getitem(b, t.in(1), t.key);
  Variable* y = t.get(b, t.in(1), t.key);
  Variable* z = t.contains(b, t.in(1), t.key);
  t.op(b, "int_add", {x, y});
  t.op(b, "same_as", {z}, Bool);
  t.close(b);
  BOOST_TEST(read_iterated_entries(&t.g, false) == 3u);
  check_consistent(t.g);
  std::string dump = t.g.dump();
  BOOST_TEST(dump.find("block4(it_16: Ptr(GcStruct dl_dictiter), d_17: Ptr(GcStruct dl_dict), e_18: Ptr(GcStruct "
                       "dl_dict), j_19: Signed, ix_20: Signed):\n"
                       "    v_23: Ptr(GcStruct dl_dict) = getfield(it_16, dict)\n"
                       "    v_24: Signed = direct_call(rpy_dict_entry_key, v_23, ix_20)\n"
                       "    v_25: Signed = direct_call(rpy_dict_entry_value, d_17, ix_20)\n"
                       "    v_26: Signed = direct_call(rpy_dict_entry_value, d_17, ix_20)\n"
                       "    v_27: Bool = same_as(True)\n") != std::string::npos,
             dump);
  BOOST_TEST(count_ops(t.g, "direct_call") == 4u);  // iter_next, entry_key, two entry_value
  for (auto& op : b->operations) {
    if (op.opname != "direct_call") continue;
    auto* f = static_cast<const ExternalFunc*>(static_cast<Constant*>(op.args[0])->llptr);
    if (f->name == "rpy_dict_entry_value") {
      BOOST_TEST(f->oopspec == "dict.entry_value");
      BOOST_TEST((!f->canraise && !f->cancollect));
      BOOST_TEST(f->template_arg == t.D);
    }
  }
  BOOST_TEST(read_iterated_entries(&t.g, false) == 0u);
  // The slot pass has nothing left to share.
  BOOST_TEST(fuse_dict_lookups(&t.g, false) == 0u);
}

// The dict read back from the iterator (it.dict) is the same dict too; a
// write of the key after the read stays a write.
BOOST_AUTO_TEST_CASE(loop_read_of_the_iterators_dict_then_write) {
  Loop t("iter_dict");
  Block* b = t.body;
  Variable* x = t.getitem(b, t.it_dict(), t.key);
  Variable* y = t.op(b, "int_add", {x, t.c(1)});
  t.setitem(b, t.in(1), t.key, y);
  Variable* z = t.getitem(b, t.in(1), t.key);  // after the write: a lookup
  t.op(b, "int_add", {z, t.c(1)});
  t.close(b);
  BOOST_TEST(read_iterated_entries(&t.g, false) == 1u);
  check_consistent(t.g);
  BOOST_TEST(t.entry_values() == 1u);
  BOOST_TEST(count_ops(t.g, "direct_call") == 5u);
}

// for k in d: if k < 5: t = 1 else: t = 2; x = d[k] -- the entry index
// passed through both branches to the join; and into a branch.
BOOST_AUTO_TEST_CASE(loop_read_after_a_branch) {
  Loop t("iter_branch");
  Block* b = t.body;
  auto pd = lltypes::ptr_to(t.D);
  Variable* small = t.op(b, "int_lt", {t.key, t.c(5)}, Bool);
  auto inputs = [&]() {
    return std::vector<Variable*>{t.var("it", lltypes::ptr_to(t.It)), t.var("d", pd), t.var("e", pd), t.var("j"),
                                  t.var("k")};
  };
  Block* yes = t.block(inputs());
  Block* no = t.block(inputs());
  std::vector<Variable*> jin = inputs();
  jin.push_back(t.var("t"));
  Block* join = t.block(jin);
  Variable* y = t.get(yes, yes->inputargs[1], yes->inputargs[4]);
  std::vector<Value*> pass{t.in(0), t.in(1), t.in(2), t.in(3), t.key};
  t.branch(b, small, yes, pass, no, pass);
  auto along = [&](Block* from, Value* v) {
    std::vector<Value*> a(from->inputargs.begin(), from->inputargs.end());
    a.push_back(v);
    t.link(from, join, a);
  };
  along(yes, y);
  along(no, t.c(2));
  Variable* x = t.getitem(join, jin[1], jin[4]);
  t.op(join, "int_add", {x, jin[5]});
  t.close(join);
  BOOST_TEST(read_iterated_entries(&t.g, false) == 2u);
  check_consistent(t.g);
  BOOST_TEST(t.entry_values() == 2u);
  BOOST_TEST(join->inputargs.size() == 7u);
  BOOST_TEST(yes->inputargs.size() == 6u);
}

BOOST_AUTO_TEST_CASE(loop_write_between_keeps_the_lookup) {
  Loop t("iter_write");
  Block* b = t.body;
  t.setitem(b, t.in(2), t.in(3), t.c(5));  // e[j] = 5: any write
  t.getitem(b, t.in(1), t.key);
  t.close(b);
  BOOST_TEST(read_iterated_entries(&t.g, false) == 0u);
  Loop u("iter_delete");
  u.call(u.body, "rpy_dict_delitem", {u.in(1), u.key, u.b(true)}, Void);
  u.get(u.body, u.in(1), u.key);
  u.close(u.body);
  BOOST_TEST(read_iterated_entries(&u.g, false) == 0u);
}

BOOST_AUTO_TEST_CASE(loop_call_between_keeps_the_lookup) {
  Loop t("iter_call");
  t.G::call(t.body, leaf(), {t.key});
  t.contains(t.body, t.in(1), t.key);
  t.close(t.body);
  std::string before = t.g.dump();
  BOOST_TEST(read_iterated_entries(&t.g, false) == 0u);
  BOOST_TEST(t.g.dump() == before);
}

BOOST_AUTO_TEST_CASE(loop_keys_with_custom_eq_keep_the_lookup) {
  Loop t("iter_custom", true);
  t.getitem(t.body, t.in(1), t.key);
  t.close(t.body);
  BOOST_TEST(read_iterated_entries(&t.g, false) == 0u);
}

BOOST_AUTO_TEST_CASE(loop_allocation_between_when_finalizers_may_run) {
  for (bool finalizers : {true, false}) {
    Loop t("iter_alloc");
    t.op(t.body, "malloc", {t.field("dl_dict")}, lltypes::ptr_to(t.D));
    t.getitem(t.body, t.in(1), t.key);
    t.close(t.body);
    BOOST_TEST(read_iterated_entries(&t.g, finalizers) == (finalizers ? 0u : 1u));
  }
}

// e[k] with k from d's iteration, d[j] with another key, and d[k] when the
// loop walks e: their own lookups.
BOOST_AUTO_TEST_CASE(loop_other_dict_or_other_key_keeps_the_lookup) {
  Loop t("iter_other_dict");
  t.getitem(t.body, t.in(2), t.key);
  t.get(t.body, t.in(1), t.in(3));
  Variable* k1 = t.op(t.body, "int_add", {t.key, t.c(1)});
  t.contains(t.body, t.in(1), k1);
  t.close(t.body);
  std::string before = t.g.dump();
  BOOST_TEST(read_iterated_entries(&t.g, false) == 0u);
  BOOST_TEST(t.g.dump() == before);
  Loop u("iter_walks_e", false, true);
  u.getitem(u.body, u.in(1), u.key);
  u.close(u.body);
  BOOST_TEST(read_iterated_entries(&u.g, false) == 0u);
  // Fused when it reads e, the dict walked.
  Loop v("iter_walks_e_reads_e", false, true);
  v.getitem(v.body, v.in(2), v.key);
  v.close(v.body);
  BOOST_TEST(read_iterated_entries(&v.g, false) == 1u);
}

// A back edge that passes another dict as `d`: d is the iterator's dict on
// the first round only.
BOOST_AUTO_TEST_CASE(loop_dict_swapped_on_the_back_edge) {
  Loop t("iter_swap");
  t.getitem(t.body, t.in(1), t.key);
  t.close(t.body, {t.in(0), t.in(2), t.in(2), t.in(3)});
  BOOST_TEST(read_iterated_entries(&t.g, false) == 0u);
  Loop u("iter_same");
  u.getitem(u.body, u.in(1), u.key);
  u.close(u.body, {u.in(0), u.in(1), u.in(2), u.in(3)});
  BOOST_TEST(read_iterated_entries(&u.g, false) == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
