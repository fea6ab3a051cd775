// backendopt on hand-built low-level graphs: join_blocks and remove_dead_code
// must keep the graph's meaning, so each case checks both the exact text
// form and the structure (blocks reachable, links, inputs).
#include <boost/test/unit_test.hpp>

#include "backendopt/backendopt.h"
#include "rtyper/lltype.h"

#include <set>

using namespace rpy;

namespace {

// A graph in the shape the rtyper leaves: return/except blocks first (so
// they are block0/block1), then a start block taking Signed arguments.
struct G {
  FunctionGraph g;
  explicit G(const std::string& name, std::vector<std::string> args) {
    g.name = name;
    g.returnblock = g.new_block({var("result")});
    g.returnblock->is_final = true;
    g.exceptblock = g.new_block({var("etype"), var("evalue")});
    g.exceptblock->is_final = true;
    std::vector<Variable*> in;
    for (auto& a : args) in.push_back(var(a));
    g.startblock = g.new_block(in);
  }
  Variable* var(const std::string& hint = "v", const LLType* t = lltypes::Signed) {
    Variable* v = g.new_var(hint);
    v->concretetype = t;
    return v;
  }
  Constant* c(int64_t i) {
    Constant* k = g.new_const_int(i);
    k->concretetype = lltypes::Signed;
    return k;
  }
  Variable* op(Block* b, const std::string& name, std::vector<Value*> args, const LLType* t = lltypes::Signed) {
    Variable* r = var("v", t);
    b->operations.push_back(SpaceOperation{name, std::move(args), r, {}});
    return r;
  }
  Block* block(std::vector<Variable*> in) { return g.new_block(std::move(in)); }
  Link* link(Block* from, Block* to, std::vector<Value*> args) { return g.new_link(from, to, std::move(args)); }
  // A two-way exit on `cond`: the true link first, as the flow builder orders them.
  void branch(Block* b, Value* cond, Block* t, std::vector<Value*> targs, Block* f, std::vector<Value*> fargs) {
    b->exitswitch = cond;
    ConstValue ct, cf;
    ct.kind = cf.kind = ConstValue::Bool;
    ct.b = true;
    link(b, t, std::move(targs))->exitcase = ct;
    link(b, f, std::move(fargs))->exitcase = cf;
  }
};

size_t nblocks(const FunctionGraph& g) { return g.iterblocks().size(); }

size_t count_ops(const FunctionGraph& g, const std::string& name) {
  size_t n = 0;
  for (Block* b : g.iterblocks())
    for (auto& op : b->operations) n += op.opname == name;
  return n;
}

// Every link's arity matches its target's inputs, and every op argument and
// link argument is defined in its block (or is a constant): what codegen needs.
void check_consistent(const FunctionGraph& g) {
  for (Block* b : g.iterblocks()) {
    std::set<Value*> defined(b->inputargs.begin(), b->inputargs.end());
    for (auto& op : b->operations) {
      for (Value* a : op.args) BOOST_TEST((a->is_const() || defined.count(a)), g.name << ": " << op.opname << " uses an undefined " << a->repr());
      if (op.result) defined.insert(op.result);
    }
    if (b->exitswitch) BOOST_TEST((b->exitswitch->is_const() || defined.count(b->exitswitch)));
    for (Link* l : b->exits) {
      BOOST_TEST(l->prevblock == b);
      BOOST_TEST(l->args.size() == l->target->inputargs.size());
      for (Value* a : l->args) BOOST_TEST((a->is_const() || defined.count(a)), g.name << ": link uses an undefined " << a->repr());
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(join)

BOOST_AUTO_TEST_CASE(chain_of_single_exit_blocks_becomes_one_block) {
  G t("chain", {"x"});
  Block* s = t.g.startblock;
  Variable* a = t.op(s, "int_add", {s->inputargs[0], t.c(1)});
  Variable* y = t.var("y");
  Block* b1 = t.block({y});
  t.link(s, b1, {a});
  Variable* m = t.op(b1, "int_mul", {y, t.c(2)});
  Variable* z = t.var("z");
  Block* b2 = t.block({z});
  t.link(b1, b2, {m});
  Variable* n = t.op(b2, "int_neg", {z});
  t.link(b2, t.g.returnblock, {n});

  BOOST_TEST(nblocks(t.g) == 4u);
  BOOST_TEST(join_blocks(&t.g) == 2u);
  BOOST_TEST(nblocks(t.g) == 2u);  // start + return
  BOOST_TEST(t.g.startblock->operations.size() == 3u);
  BOOST_REQUIRE(t.g.startblock->exits.size() == 1u);
  BOOST_TEST(t.g.startblock->exits[0]->target == t.g.returnblock);
  check_consistent(t.g);
  BOOST_TEST(t.g.dump() ==
             "graph chain(x_3: Signed)\n"
             "block2(x_3: Signed):\n"
             "    v_4: Signed = int_add(x_3, 1)\n"
             "    v_6: Signed = int_mul(v_4, 2)\n"
             "    v_8: Signed = int_neg(v_6)\n"
             "    -> return(v_8)\n");
  // Already joined: a second run changes nothing.
  BOOST_TEST(join_blocks(&t.g) == 0u);
}

BOOST_AUTO_TEST_CASE(successor_of_a_switch_is_not_merged_into_it) {
  G t("sw", {"x"});
  Block* s = t.g.startblock;
  Variable* c = t.op(s, "int_gt", {s->inputargs[0], t.c(0)}, lltypes::Bool);
  Variable* p = t.var("p");
  Block* pos = t.block({p});
  t.link(pos, t.g.returnblock, {p});
  Variable* q = t.var("q");
  Block* neg = t.block({q});
  t.link(neg, t.g.returnblock, {t.op(neg, "int_neg", {q})});
  t.branch(s, c, pos, {s->inputargs[0]}, neg, {s->inputargs[0]});
  std::string before = t.g.dump();
  BOOST_TEST(join_blocks(&t.g) == 0u);
  BOOST_TEST(t.g.dump() == before);
}

BOOST_AUTO_TEST_CASE(block_with_two_predecessors_is_not_merged) {
  // start -(switch)-> left, right; left -> join; right -> join; join -> return.
  G t("diamond", {"x"});
  Block* s = t.g.startblock;
  Variable* x = s->inputargs[0];
  Variable* c = t.op(s, "int_lt", {x, t.c(0)}, lltypes::Bool);
  Variable* lx = t.var("lx");
  Block* left = t.block({lx});
  Variable* rx = t.var("rx");
  Block* right = t.block({rx});
  t.branch(s, c, left, {x}, right, {x});
  Variable* j = t.var("j");
  Block* join = t.block({j});
  t.link(left, join, {t.op(left, "int_neg", {lx})});
  t.link(right, join, {rx});
  Variable* r = t.op(join, "int_add", {j, t.c(1)});
  t.link(join, t.g.returnblock, {r});

  BOOST_TEST(join_blocks(&t.g) == 0u);
  BOOST_TEST(nblocks(t.g) == 5u);
  BOOST_TEST(join->operations.size() == 1u);
  BOOST_TEST(left->operations.size() == 1u);
  BOOST_TEST(right->operations.empty());
  check_consistent(t.g);
}

BOOST_AUTO_TEST_CASE(tail_after_a_join_point_is_merged_into_it) {
  // The join block has two predecessors (kept), but its own single-exit
  // successor has one: that pair merges.
  G t("tail", {"x"});
  Block* s = t.g.startblock;
  Variable* x = s->inputargs[0];
  Variable* c = t.op(s, "int_lt", {x, t.c(0)}, lltypes::Bool);
  Variable* j = t.var("j");
  Block* join = t.block({j});
  Variable* lx = t.var("lx");
  Block* left = t.block({lx});
  t.branch(s, c, left, {x}, join, {x});
  t.link(left, join, {t.op(left, "int_neg", {lx})});
  Variable* k = t.var("k");
  Block* tail = t.block({k});
  t.link(join, tail, {t.op(join, "int_add", {j, t.c(1)})});
  t.link(tail, t.g.returnblock, {t.op(tail, "int_mul", {k, k})});

  BOOST_TEST(join_blocks(&t.g) == 1u);
  BOOST_TEST(nblocks(t.g) == 4u);  // start, left, join, return
  BOOST_TEST(join->operations.size() == 2u);
  BOOST_TEST(join->operations[1].opname == "int_mul");
  BOOST_TEST(join->operations[1].args[0] == join->operations[0].result);
  BOOST_TEST(join->exits[0]->target == t.g.returnblock);
  check_consistent(t.g);
}

BOOST_AUTO_TEST_CASE(loop_header_is_not_merged_into_its_back_edge) {
  // start -> header(i); header: c = i < 10, switch: body / return;
  // body(i2) -> header(i2 + 1). The header has two predecessors.
  G t("loop", {"n"});
  Block* s = t.g.startblock;
  Variable* i = t.var("i");
  Block* header = t.block({i});
  t.link(s, header, {t.c(0)});
  Variable* c = t.op(header, "int_lt", {i, t.c(10)}, lltypes::Bool);
  Variable* bi = t.var("bi");
  Block* body = t.block({bi});
  t.branch(header, c, body, {i}, t.g.returnblock, {i});
  t.link(body, header, {t.op(body, "int_add", {bi, t.c(1)})});
  std::string before = t.g.dump();

  BOOST_TEST(join_blocks(&t.g) == 0u);
  BOOST_TEST(t.g.dump() == before);
  BOOST_TEST(nblocks(t.g) == 4u);
  check_consistent(t.g);
}

BOOST_AUTO_TEST_CASE(two_block_cycle_collapses_into_a_self_loop_but_no_further) {
  // header -> body -> header with single exits: body merges into header,
  // leaving a block that jumps to itself, which must not be merged again.
  G t("spin", {"n"});
  Block* s = t.g.startblock;
  Variable* h = t.var("h");
  Block* header = t.block({h});
  t.link(s, header, {s->inputargs[0]});
  Variable* b = t.var("b");
  Block* body = t.block({b});
  t.link(header, body, {t.op(header, "int_add", {h, t.c(1)})});
  t.link(body, header, {t.op(body, "int_mul", {b, t.c(3)})});

  BOOST_TEST(join_blocks(&t.g) == 1u);
  BOOST_TEST(join_blocks(&t.g) == 0u);
  BOOST_TEST(nblocks(t.g) == 2u);  // start, header (return is unreachable)
  BOOST_REQUIRE(header->exits.size() == 1u);
  BOOST_TEST(header->exits[0]->target == header);
  BOOST_TEST(header->operations.size() == 2u);
  check_consistent(t.g);
  BOOST_TEST(t.g.dump() ==
             "graph spin(n_3: Signed)\n"
             "block2(n_3: Signed):\n"
             "    -> block3(n_3)\n"
             "block3(h_4: Signed):\n"
             "    v_6: Signed = int_add(h_4, 1)\n"
             "    v_7: Signed = int_mul(v_6, 3)\n"
             "    -> block3(v_7)\n");
}

BOOST_AUTO_TEST_CASE(merged_switch_is_renamed) {
  // The merged block's exitswitch and exit args refer to the merged block's
  // inputs: they must be renamed to the predecessor's values.
  G t("sw2", {"x"});
  Block* s = t.g.startblock;
  Variable* y = t.var("y");
  Block* b = t.block({y});
  t.link(s, b, {t.op(s, "int_add", {s->inputargs[0], t.c(1)})});
  Variable* c = t.op(b, "int_is_true", {y}, lltypes::Bool);
  t.branch(b, c, t.g.returnblock, {y}, t.g.returnblock, {t.c(0)});

  BOOST_TEST(join_blocks(&t.g) == 1u);
  check_consistent(t.g);
  BOOST_TEST(s->exitswitch == c);
  BOOST_REQUIRE(s->exits.size() == 2u);
  BOOST_TEST(s->exits[0]->args[0] == s->operations[0].result);
  BOOST_TEST(t.g.dump() ==
             "graph sw2(x_3: Signed)\n"
             "block2(x_3: Signed):\n"
             "    v_5: Signed = int_add(x_3, 1)\n"
             "    v_6: Bool = int_is_true(v_5)\n"
             "    exitswitch: v_6\n"
             "    True: -> return(v_5)\n"
             "    False: -> return(0)\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(deadcode)

BOOST_AUTO_TEST_CASE(unused_pure_op_goes) {
  G t("pure", {"x"});
  Block* s = t.g.startblock;
  Variable* x = s->inputargs[0];
  t.op(s, "int_add", {x, t.c(1)});
  t.op(s, "int_mul", {x, x});
  t.link(s, t.g.returnblock, {x});
  BOOST_TEST(remove_dead_code(&t.g) == 2u);
  BOOST_TEST(s->operations.empty());
  BOOST_TEST(t.g.dump() ==
             "graph pure(x_3: Signed)\n"
             "block2(x_3: Signed):\n"
             "    -> return(x_3)\n");
}

BOOST_AUTO_TEST_CASE(chain_of_unused_pure_ops_goes_to_a_fixpoint) {
  G t("chain", {"x"});
  Block* s = t.g.startblock;
  Variable* a = t.op(s, "int_add", {s->inputargs[0], t.c(1)});
  Variable* b = t.op(s, "int_mul", {a, a});
  t.op(s, "int_neg", {b});
  t.link(s, t.g.returnblock, {s->inputargs[0]});
  BOOST_TEST(remove_dead_code(&t.g) == 3u);
  BOOST_TEST(s->operations.empty());
}

BOOST_AUTO_TEST_CASE(used_ops_stay) {
  G t("used", {"x"});
  Block* s = t.g.startblock;
  Variable* a = t.op(s, "int_add", {s->inputargs[0], t.c(1)});
  Variable* c = t.op(s, "int_gt", {a, t.c(0)}, lltypes::Bool);
  t.branch(s, c, t.g.returnblock, {a}, t.g.returnblock, {t.c(0)});
  std::string before = t.g.dump();
  BOOST_TEST(remove_dead_code(&t.g) == 0u);
  BOOST_TEST(t.g.dump() == before);
}

BOOST_AUTO_TEST_CASE(calls_and_raising_ops_stay) {
  G t("effects", {"x"});
  Block* s = t.g.startblock;
  Variable* x = s->inputargs[0];
  // A call may print; a division by zero must still raise.
  t.op(s, "direct_call", {t.g.new_llconst("rpy_print_int", Constant::External), x}, lltypes::Void);
  t.op(s, "int_floordiv_zer", {x, t.c(0)});
  t.op(s, "int_mod_zer", {x, x});
  t.op(s, "int_sub", {x, x});
  t.link(s, t.g.returnblock, {x});
  BOOST_TEST(remove_dead_code(&t.g) == 1u);
  BOOST_REQUIRE(s->operations.size() == 3u);
  BOOST_TEST(s->operations[0].opname == "direct_call");
  BOOST_TEST(s->operations[1].opname == "int_floordiv_zer");
  BOOST_TEST(s->operations[2].opname == "int_mod_zer");
  BOOST_TEST(t.g.dump() ==
             "graph effects(x_3: Signed)\n"
             "block2(x_3: Signed):\n"
             "    v_4: Void = direct_call(rpy_print_int, x_3)\n"
             "    v_5: Signed = int_floordiv_zer(x_3, 0)\n"
             "    v_6: Signed = int_mod_zer(x_3, x_3)\n"
             "    -> return(x_3)\n");
}

BOOST_AUTO_TEST_CASE(inputs_of_a_raising_op_stay_alive) {
  // x // y is unused but can raise, so y must still be passed along.
  G t("keepargs", {"x"});
  Block* s = t.g.startblock;
  Variable* a = t.var("a");
  Variable* b = t.var("b");
  Block* blk = t.block({a, b});
  t.link(s, blk, {s->inputargs[0], t.op(s, "int_sub", {s->inputargs[0], t.c(1)})});
  t.op(blk, "int_floordiv_zer", {a, b});
  t.link(blk, t.g.returnblock, {a});
  BOOST_TEST(remove_dead_code(&t.g) == 0u);
  BOOST_TEST(blk->inputargs.size() == 2u);
  BOOST_TEST(s->operations.size() == 1u);
}

BOOST_AUTO_TEST_CASE(ops_without_a_result_and_unknown_ops_stay) {
  G t("opaque", {"x"});
  Block* s = t.g.startblock;
  s->operations.push_back(SpaceOperation{"setfield", {s->inputargs[0]}, nullptr, {}});
  t.op(s, "not_an_llop", {s->inputargs[0]});
  t.link(s, t.g.returnblock, {s->inputargs[0]});
  BOOST_TEST(remove_dead_code(&t.g) == 0u);
  BOOST_TEST(s->operations.size() == 2u);
}

BOOST_AUTO_TEST_CASE(unused_inputarg_goes_with_its_link_args) {
  // start(x) -> b(a, junk) where junk = x + 1 is never read: the input, the
  // link arg, and then the op computing it all go.
  G t("inputs", {"x"});
  Block* s = t.g.startblock;
  Variable* x = s->inputargs[0];
  Variable* junk_src = t.op(s, "int_add", {x, t.c(1)});
  Variable* a = t.var("a");
  Variable* junk = t.var("junk");
  Block* b = t.block({a, junk});
  t.link(s, b, {x, junk_src});
  t.link(b, t.g.returnblock, {t.op(b, "int_neg", {a})});

  BOOST_TEST(remove_dead_code(&t.g) == 2u);
  BOOST_TEST(b->inputargs.size() == 1u);
  BOOST_TEST(b->inputargs[0] == a);
  BOOST_REQUIRE(s->exits.size() == 1u);
  BOOST_TEST(s->exits[0]->args.size() == 1u);
  BOOST_TEST(s->exits[0]->argpos.size() == 1u);
  BOOST_TEST(s->operations.empty());
  check_consistent(t.g);
  BOOST_TEST(t.g.dump() ==
             "graph inputs(x_3: Signed)\n"
             "block2(x_3: Signed):\n"
             "    -> block3(x_3)\n"
             "block3(a_5: Signed):\n"
             "    v_7: Signed = int_neg(a_5)\n"
             "    -> return(v_7)\n");
}

BOOST_AUTO_TEST_CASE(unused_inputarg_dropped_on_every_incoming_link) {
  // Two predecessors pass (value, junk) to a join block; junk is dropped
  // from both links, and only the middle argument of three.
  G t("join", {"x"});
  Block* s = t.g.startblock;
  Variable* x = s->inputargs[0];
  Variable* c = t.op(s, "int_lt", {x, t.c(0)}, lltypes::Bool);
  Variable* p = t.var("p");
  Variable* q = t.var("q");
  Variable* r = t.var("r");
  Block* join = t.block({p, q, r});
  Variable* lx = t.var("lx");
  Block* left = t.block({lx});
  t.branch(s, c, left, {x}, join, {x, t.c(7), t.c(1)});
  t.link(left, join, {lx, t.op(left, "int_neg", {lx}), t.c(2)});
  t.link(join, t.g.returnblock, {t.op(join, "int_add", {p, r})});

  BOOST_TEST(remove_dead_code(&t.g) == 2u);  // q, then int_neg
  BOOST_TEST(join->inputargs.size() == 2u);
  BOOST_TEST(join->inputargs[0] == p);
  BOOST_TEST(join->inputargs[1] == r);
  for (Block* b : {s, left})
    for (Link* l : b->exits)
      if (l->target == join) {
        BOOST_TEST(l->args.size() == 2u);
        BOOST_TEST(l->args[1]->repr() == (b == s ? "1" : "2"));
      }
  BOOST_TEST(left->operations.empty());
  check_consistent(t.g);
}

BOOST_AUTO_TEST_CASE(inputs_of_final_and_start_blocks_are_kept) {
  G t("keep", {"x", "unused"});
  Block* s = t.g.startblock;
  t.link(s, t.g.returnblock, {s->inputargs[0]});
  BOOST_TEST(remove_dead_code(&t.g) == 0u);
  BOOST_TEST(s->inputargs.size() == 2u);
  BOOST_TEST(t.g.returnblock->inputargs.size() == 1u);
  BOOST_TEST(t.g.exceptblock->inputargs.size() == 2u);
}

BOOST_AUTO_TEST_CASE(inputs_fed_the_same_value_by_every_link_merge) {
  // join(p, q, r): both links pass the same value as p and q (x, then lx),
  // but r differs from p on one link: q goes, its uses read p.
  G t("same", {"x"});
  Block* s = t.g.startblock;
  Variable* x = s->inputargs[0];
  Variable* c = t.op(s, "int_lt", {x, t.c(0)}, lltypes::Bool);
  Variable* p = t.var("p");
  Variable* q = t.var("q");
  Variable* r = t.var("r");
  Block* join = t.block({p, q, r});
  Variable* lx = t.var("lx");
  Block* left = t.block({lx});
  t.branch(s, c, left, {x}, join, {x, x, x});
  t.link(left, join, {lx, lx, t.c(3)});
  Variable* sum = t.op(join, "int_add", {q, r});
  t.link(join, t.g.returnblock, {t.op(join, "int_mul", {sum, p})});
  BOOST_TEST(merge_identical_inputs(&t.g) == 1u);
  check_consistent(t.g);
  BOOST_TEST(join->inputargs.size() == 2u);
  BOOST_TEST((join->operations[0].args[0] == p));
  for (Link* l : left->exits) BOOST_TEST(l->args.size() == 2u);
  // A loop header whose back edge passes them apart keeps both.
  G u("apart", {"x"});
  Block* us = u.g.startblock;
  Variable* a = u.var("a");
  Variable* b = u.var("b");
  Block* header = u.block({a, b});
  u.link(us, header, {us->inputargs[0], us->inputargs[0]});
  Variable* lt = u.op(header, "int_lt", {a, u.c(10)}, lltypes::Bool);
  Variable* ba = u.var("ba");
  Variable* bb = u.var("bb");
  Block* body = u.block({ba, bb});
  u.branch(header, lt, body, {a, b}, u.g.returnblock, {b});
  u.link(body, header, {u.op(body, "int_add", {ba, u.c(1)}), bb});
  BOOST_TEST(merge_identical_inputs(&u.g) == 0u);
}

BOOST_AUTO_TEST_CASE(loop_variable_read_only_after_the_loop_stays) {
  // header(i, acc): acc is only passed around the loop and returned at the
  // end: it is needed through the link to the return block.
  G t("acc", {"n"});
  Block* s = t.g.startblock;
  Variable* i = t.var("i");
  Variable* acc = t.var("acc");
  Block* header = t.block({i, acc});
  t.link(s, header, {t.c(0), t.c(0)});
  Variable* c = t.op(header, "int_lt", {i, s->inputargs[0]}, lltypes::Bool);
  Variable* bi = t.var("bi");
  Variable* bacc = t.var("bacc");
  Block* body = t.block({bi, bacc});
  t.branch(header, c, body, {i, acc}, t.g.returnblock, {acc});
  t.link(body, header, {t.op(body, "int_add", {bi, t.c(1)}), t.op(body, "int_add", {bacc, bi})});
  std::string before = t.g.dump();
  BOOST_TEST(remove_dead_code(&t.g) == 0u);
  BOOST_TEST(t.g.dump() == before);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pipeline)

BOOST_AUTO_TEST_CASE(join_then_dead_code) {
  // What run_backend_optimizations does at --opt>=1: the chain becomes one
  // block and the unused computation in the middle disappears.
  G t("both", {"x"});
  Block* s = t.g.startblock;
  Variable* y = t.var("y");
  Block* b1 = t.block({y});
  t.link(s, b1, {s->inputargs[0]});
  t.op(b1, "int_mul", {y, t.c(100)});
  Variable* z = t.var("z");
  Block* b2 = t.block({z});
  t.link(b1, b2, {y});
  t.link(b2, t.g.returnblock, {t.op(b2, "int_add", {z, t.c(1)})});
  run_backend_optimizations({&t.g}, 0);
  BOOST_TEST(nblocks(t.g) == 4u);  // --opt=0 leaves the graph alone
  run_backend_optimizations({&t.g}, 2);
  check_consistent(t.g);
  BOOST_TEST(t.g.dump() ==
             "graph both(x_3: Signed)\n"
             "block2(x_3: Signed):\n"
             "    v_7: Signed = int_add(x_3, 1)\n"
             "    -> return(v_7)\n");
}

BOOST_AUTO_TEST_SUITE_END()
