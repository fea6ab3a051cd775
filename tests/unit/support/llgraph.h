// Building small low-level graphs by hand for the backendopt unit tests.
#pragma once
#include <boost/test/unit_test.hpp>
#include <pybind11/embed.h>

#include <set>
#include <string>
#include <vector>

#include "backendopt/backendopt.h"
#include "rtyper/lltype.h"

namespace rpy::testing {

// Constants print through Python (float and string reprs), and graphs may
// carry the Python function they came from.
struct Interpreter {
  pybind11::scoped_interpreter interp;
};
BOOST_TEST_GLOBAL_FIXTURE(Interpreter);

// A graph in the shape the rtyper leaves: return/except blocks first (so
// they are block0/block1), then a start block taking Signed arguments.
struct G {
  FunctionGraph g;
  explicit G(const std::string& name, std::vector<std::string> args, const LLType* ret = lltypes::Signed) {
    g.name = name;
    g.returnblock = g.new_block({var("result", ret)});
    g.returnblock->is_final = true;
    g.exceptblock = g.new_block({var("etype", lltypes::VtablePtr()), var("evalue", lltypes::ExceptionPtr())});
    g.exceptblock->is_final = true;
    std::vector<Variable*> in;
    for (auto& a : args) in.push_back(var(a));
    g.startblock = g.new_block(in);
  }
  Variable* arg(size_t i) { return g.startblock->inputargs[i]; }
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
  Constant* f(double x) {
    ConstValue v;
    v.kind = ConstValue::Float;
    v.f = x;
    Constant* k = g.new_const(v);
    k->concretetype = lltypes::Float;
    return k;
  }
  Constant* b(bool x) {
    Constant* k = g.new_const_bool(x);
    k->concretetype = lltypes::Bool;
    return k;
  }
  Constant* none(const LLType* t) {
    Constant* k = g.new_const_none();
    k->concretetype = t;
    return k;
  }
  Constant* field(const std::string& name) { return g.new_llconst(name, Constant::FieldName); }
  Constant* fn(FunctionGraph* callee) {
    return g.new_llconst(callee->name, Constant::Graph, callee);
  }
  Variable* op(Block* blk, const std::string& name, std::vector<Value*> args, const LLType* t = lltypes::Signed) {
    Variable* r = var("v", t);
    blk->operations.push_back(SpaceOperation{name, std::move(args), r, {}});
    return r;
  }
  Variable* call(Block* blk, FunctionGraph* callee, std::vector<Value*> args) {
    args.insert(args.begin(), fn(callee));
    return op(blk, "direct_call", std::move(args), callee->returnblock->inputargs[0]->concretetype);
  }
  Block* block(std::vector<Variable*> in) { return g.new_block(std::move(in)); }
  Link* link(Block* from, Block* to, std::vector<Value*> args) { return g.new_link(from, to, std::move(args)); }
  void ret(Block* from, Value* v) { link(from, g.returnblock, {v}); }
  // A two-way exit on `cond`: the true link first, as the flow builder orders them.
  void branch(Block* blk, Value* cond, Block* t, std::vector<Value*> targs, Block* f, std::vector<Value*> fargs) {
    blk->exitswitch = cond;
    ConstValue ct, cf;
    ct.kind = cf.kind = ConstValue::Bool;
    ct.b = true;
    link(blk, t, std::move(targs))->exitcase = ct;
    link(blk, f, std::move(fargs))->exitcase = cf;
  }
  // Makes blk a block that can raise: normal exit to `normal`, exception exit
  // to `handler` (whose first input receives the exception).
  Variable* canraise(Block* blk, Block* normal, std::vector<Value*> nargs, Block* handler, std::vector<Value*> hargs) {
    blk->exitswitch = g.last_exception();
    link(blk, normal, std::move(nargs));
    Variable* e = var("evalue", lltypes::ExceptionPtr());
    hargs.insert(hargs.begin(), e);
    link(blk, handler, std::move(hargs))->last_exc_value = e;
    return e;
  }
};

inline size_t nblocks(const FunctionGraph& g) { return g.iterblocks().size(); }

inline size_t count_ops(const FunctionGraph& g, const std::string& name) {
  size_t n = 0;
  for (Block* b : g.iterblocks())
    for (auto& op : b->operations) n += op.opname == name;
  return n;
}

// Every link's arity matches its target's inputs, every op argument and link
// argument is defined in its block (or is a constant), every variable is
// defined once in the graph: what codegen needs.
inline void check_consistent(const FunctionGraph& g) {
  std::set<Value*> everywhere;
  auto define = [&](Value* v) { BOOST_TEST(everywhere.insert(v).second, g.name << ": " << v->repr() << " defined twice"); };
  for (Block* b : g.iterblocks()) {
    if (b->is_final) continue;
    std::set<Value*> defined(b->inputargs.begin(), b->inputargs.end());
    for (Value* v : b->inputargs) define(v);
    for (auto& op : b->operations) {
      for (Value* a : op.args)
        BOOST_TEST((a->is_const() || defined.count(a)), g.name << ": " << op.opname << " uses an undefined " << a->repr());
      if (op.result) {
        defined.insert(op.result);
        define(op.result);
      }
    }
    if (b->exitswitch) BOOST_TEST((b->exitswitch->is_const() || defined.count(b->exitswitch)));
    for (Link* l : b->exits) {
      BOOST_TEST(l->prevblock == b);
      BOOST_TEST(l->args.size() == l->target->inputargs.size());
      std::set<Value*> here = defined;
      if (l->last_exc_value) {
        here.insert(l->last_exc_value);
        define(l->last_exc_value);
      }
      for (size_t i = 0; i < l->args.size(); ++i) {
        Value* a = l->args[i];
        BOOST_TEST((a->is_const() || here.count(a)), g.name << ": link uses an undefined " << a->repr());
        if (i < l->target->inputargs.size())
          BOOST_TEST((a->concretetype == l->target->inputargs[i]->concretetype || l->target->is_final),
                     g.name << ": link arg " << a->repr() << " has another type than its target input");
      }
    }
  }
}

}  // namespace rpy::testing
