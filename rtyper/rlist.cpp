// The list primitives with control flow, lowered to low-level operations
// in the graph (SPEC rule 1), as RPython's rlist does with ll_append and
// ll_listnext: the rtyper first emits one placeholder per operation
// (list_append, list_pop_last, listiter_next); expand_list_ops then turns
// each into getfield/setfield/getarrayitem/setarrayitem/getarraysize, a
// guard that raises (int_pop_check, int_iter_check) and, for append, a
// branch to the one runtime call, rpy_list_resize_ge (runtime/list.h), on
// the slow path. The other list methods are RPython helpers
// (rpython/rlib/_listops.py) built on these.
//
// Inside a try the raising operation must end its block (the block's
// exception exit is taken for its last operation), so the expansion splits
// the block after the guard, or moves the exception exit onto the slow-path
// block whose call is the only thing that can raise.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "backendopt/backendopt.h"
#include "rtyper/rtyper.h"

namespace rpy {

using namespace lltypes;

namespace {

// Moves operations [at, end) of b, its exitswitch and its exits into a new
// block that b then links to. The variables of b used there become inputs
// of the new block (a variable belongs to one block).
Block* split_block(FunctionGraph* g, Block* b, size_t at, const SourcePos& pos) {
  Block* c = g->new_block();
  c->annotated = true;
  for (size_t i = at; i < b->operations.size(); ++i) c->operations.push_back(std::move(b->operations[i]));
  b->operations.resize(at);
  c->exitswitch = b->exitswitch;
  c->exits = std::move(b->exits);
  b->exits.clear();
  b->exitswitch = nullptr;
  for (Link* l : c->exits) l->prevblock = c;
  std::unordered_set<Value*> defined;
  for (auto& op : c->operations) defined.insert(op.result);
  std::unordered_map<Value*, Variable*> renamed;
  std::vector<Value*> outer;
  auto rename = [&](Value*& v) {
    if (!v || v->is_const() || defined.count(v)) return;
    auto it = renamed.find(v);
    if (it == renamed.end()) {
      auto* ov = static_cast<Variable*>(v);
      Variable* nv = g->new_var(ov->name);
      nv->concretetype = ov->concretetype;
      nv->annotation = ov->annotation;
      c->inputargs.push_back(nv);
      outer.push_back(v);
      it = renamed.emplace(v, nv).first;
    }
    v = it->second;
  };
  for (auto& op : c->operations)
    for (auto& a : op.args) rename(a);
  rename(c->exitswitch);
  for (Link* l : c->exits)
    for (auto& a : l->args)
      if (a != l->last_exc_value) rename(a);
  Link* l = g->new_link(b, c, outer);
  l->pos = pos;
  return c;
}

// The arguments of the exception exit `el` as seen from another block
// (`map`: value in el's frame -> value in that block's), with `exc` as the
// exception instance.
std::vector<Value*> handler_args(Link* el, const std::unordered_map<Value*, Value*>& map, Value* exc) {
  std::vector<Value*> args;
  for (Value* a : el->args) {
    if (a == el->last_exc_value) args.push_back(exc);
    else if (a->is_const()) args.push_back(a);
    else args.push_back(map.at(a));
  }
  return args;
}

// A copy of `el` (an exception exit) leaving `from`, whose inputs mirror
// those of `to` (`map`: value in `to`'s frame -> value in `from`'s).
Link* copy_exc_link(FunctionGraph* g, Link* el, Block* from, const std::unordered_map<Value*, Value*>& map) {
  Variable* exc = g->new_var(el->last_exc_value->name);
  exc->concretetype = el->last_exc_value->concretetype;
  exc->annotation = el->last_exc_value->annotation;
  Link* nl = g->new_link(from, el->target, handler_args(el, map, exc));
  nl->exitcase = el->exitcase;
  nl->pos = el->pos;
  nl->last_exc_value = exc;
  return nl;
}

// A block taking b's values `vals` (fresh variables, recorded in `map`:
// b's value -> the new block's), off b's guard: the slow path of an append,
// the end of a list loop.
Block* side_block(FunctionGraph* g, const std::vector<Value*>& vals, std::unordered_map<Value*, Value*>& map) {
  std::vector<Variable*> in;
  for (Value* a : vals) {
    Variable* v = g->new_var(static_cast<Variable*>(a)->name);
    v->concretetype = a->concretetype;
    v->annotation = static_cast<Variable*>(a)->annotation;
    in.push_back(v);
    map[a] = v;
  }
  Block* nb = g->new_block(in);
  nb->annotated = true;
  return nb;
}

// Adds to `vals` what the exception exit `el` carries from its block
// (not constants, not the exception instance).
void add_handler_values(Link* el, std::vector<Value*>& vals) {
  for (Value* a : el->args)
    if (!a->is_const() && a != el->last_exc_value && std::find(vals.begin(), vals.end(), a) == vals.end())
      vals.push_back(a);
}

}  // namespace

const ExternalFunc* RTyper::template_external(const std::string& name, const LLType* targ,
                                              std::vector<const LLType*> args, const LLType* result, bool canraise,
                                              bool cancollect, const std::string& oopspec) {
  std::string key = name + "<" + targ->name() + ">";
  auto it = template_ext_index_.find(key);
  if (it != template_ext_index_.end()) return it->second;
  ExternalFunc e;
  e.name = name;
  e.args = std::move(args);
  e.result = result;
  e.canraise = canraise;
  e.cancollect = cancollect;
  e.elidable = false;
  e.oopspec = oopspec;
  e.template_arg = targ;
  template_externals_.push_back(std::move(e));
  const ExternalFunc* f = &template_externals_.back();
  template_ext_index_[key] = f;
  return f;
}

void RTyper::expand_list_ops(FunctionGraph* g) {
  g_ = g;
  auto field = [&](const char* name) { return g->new_llconst(name, Constant::FieldName); };
  auto var = [&](const LLType* t) {
    Variable* v = g->new_var("v");
    v->concretetype = t;
    return v;
  };
  auto op = [&](std::vector<SpaceOperation>& ops, const std::string& name, std::vector<Value*> args, const LLType* t,
                const SourcePos& pos, Variable* into = nullptr) {
    Variable* r = into ? into : var(t);
    ops.push_back(SpaceOperation{name, std::move(args), r, pos});
    return r;
  };
  auto one = [&] { return typed_const(ConstValue::from_python(py::int_(1)), Signed); };
  // A list loop's next() inside a try (the for loop's own handler, which
  // catches StopIteration) tests the index and, at the end, raises a
  // StopIteration built right there: backendopt then sends that raise to
  // the handler's clause for it (the loop's exit) and drops the instance,
  // so a loop ends with a jump, not an exception.
  ClassDef* stop_cd = bk_.classdef_if_known(py::module_::import("builtins").attr("StopIteration"));
  std::vector<Block*> work = g->iterblocks();
  while (!work.empty()) {
    Block* b = work.back();
    work.pop_back();
    if (b->is_final) continue;
    for (size_t k = 0; k < b->operations.size(); ++k) {
      const std::string name = b->operations[k].opname;
      if (name != "list_append" && name != "list_pop_last" && name != "listiter_next") continue;
      SpaceOperation orig = std::move(b->operations[k]);
      const SourcePos& pos = orig.pos;
      // The exception exit belongs to this operation when it ends a block
      // inside a try (only conversions, which cannot raise, follow it).
      bool catches = b->canraise() && std::none_of(b->operations.begin() + k + 1, b->operations.end(),
                                                   [](const SpaceOperation& o) { return op_can_raise(o); });
      Link* exc_link = catches ? b->exits.back() : nullptr;
      if (catches) {
        b->exits.pop_back();
        b->exitswitch = nullptr;
      }
      std::vector<SpaceOperation> rest;
      for (size_t i = k + 1; i < b->operations.size(); ++i) rest.push_back(std::move(b->operations[i]));
      b->operations.resize(k);
      std::vector<SpaceOperation>& ops = b->operations;
      std::vector<SpaceOperation> tail;  // after the guard or the capacity test
      Value* cond = nullptr;             // append: whether the items array is full
      Value* stop = nullptr;             // listiter_next in a try: whether the list is exhausted
      Value *lst = nullptr, *len = nullptr;
      if (name == "list_append") {
        lst = orig.args[0];
        Value* item = orig.args[1];
        const LLType* at = lst->concretetype->item->fields[1].second;
        len = op(ops, "getfield", {lst, field("length")}, Signed, pos);
        Variable* items = op(ops, "getfield", {lst, field("items")}, at, pos);
        Variable* cap = op(ops, "getarraysize", {items}, Signed, pos);
        cond = op(ops, "int_ge", {len, cap}, Bool, pos);
        Variable* n1 = op(tail, "int_add", {len, one()}, Signed, pos);
        op(tail, "setfield", {lst, field("length"), n1}, Void, pos);
        Variable* items2 = op(tail, "getfield", {lst, field("items")}, at, pos);
        if (item->concretetype != Void) op(tail, "setarrayitem", {items2, len, item}, Void, pos);
      } else if (name == "list_pop_last") {
        Value* l = orig.args[0];
        const LLType* at = l->concretetype->item->fields[1].second;
        Variable* n = op(ops, "getfield", {l, field("length")}, Signed, pos);
        Variable* last = op(ops, "int_pop_check", {n}, Signed, pos);  // n - 1, IndexError when empty
        Variable* items = op(tail, "getfield", {l, field("items")}, at, pos);
        op(tail, "getarrayitem", {items, last}, orig.result->concretetype, pos, orig.result);
        // The freed slot must not keep the item alive (and a later append
        // expects zeros past the length).
        if (at->item->item->is_gc_ptr())
          op(tail, "setarrayitem", {items, last, typed_const(ConstValue{}, at->item->item)}, Void, pos);
        op(tail, "setfield", {l, field("length"), last}, Void, pos);
      } else {  // listiter_next
        Value* it = orig.args[0];
        const LLType* lt = it->concretetype->item->fields[0].second;
        const LLType* at = list_array_type(lt);
        bool fixed = at == lt;
        Variable* l = op(ops, "getfield", {it, field("list")}, lt, pos);
        Variable* i = op(ops, "getfield", {it, field("index")}, Signed, pos);
        Variable* n = fixed ? op(ops, "getarraysize", {l}, Signed, pos) : op(ops, "getfield", {l, field("length")}, Signed, pos);
        if (catches && stop_cd) stop = op(ops, "int_ge", {i, n}, Bool, pos);
        else op(ops, "int_iter_check", {i, n}, Void, pos);  // StopIteration when i >= n
        Variable* i1 = op(tail, "int_add", {i, one()}, Signed, pos);
        op(tail, "setfield", {it, field("index"), i1}, Void, pos);
        Value* items = fixed ? static_cast<Value*>(l) : op(tail, "getfield", {l, field("items")}, at, pos);
        op(tail, "getarrayitem", {items, i}, orig.result->concretetype, pos, orig.result);
      }
      if (!cond && !catches) {
        // A guard outside a try leaves the function: no new block.
        for (auto& o : tail) ops.push_back(std::move(o));
        size_t resume = ops.size();
        for (auto& o : rest) ops.push_back(std::move(o));
        k = resume - 1;
        continue;
      }
      size_t at = ops.size();
      for (auto& o : tail) ops.push_back(std::move(o));
      for (auto& o : rest) ops.push_back(std::move(o));
      Block* c = split_block(g, b, at, pos);
      work.push_back(c);  // may hold more list operations
      Link* to_c = b->exits[0];
      if (stop) {
        // b ends with the test; its true way goes to a block that builds
        // the StopIteration and passes it to the handler as a raise would.
        std::vector<Value*> vals;
        add_handler_values(exc_link, vals);
        std::unordered_map<Value*, Value*> map;  // b's value -> the raising block's
        Block* raising = side_block(g, vals, map);
        const LLType* pt = ptr_to(inst_struct(stop_cd));
        Variable* inst = op(raising->operations, "malloc", {g->new_llconst(pt->item->struct_name, Constant::Plain)}, pt, pos);
        op(raising->operations, "setfield", {inst, field("typeptr"), vtable_const(stop_cd)}, Void, pos);
        Value* e = inst;
        const LLType* et = exc_link->last_exc_value->concretetype;
        if (et != pt) e = op(raising->operations, "cast_pointer", {inst}, et, pos);
        // A MemoryError from the allocation goes where the exception went;
        // the normal way passes the new instance on.
        raising->exitswitch = g->last_exception();
        Link* to_handler = g->new_link(raising, exc_link->target, handler_args(exc_link, map, e));
        to_handler->pos = pos;
        copy_exc_link(g, exc_link, raising, map);
        Link* to_raising = g->new_link(b, raising, vals);
        to_raising->pos = pos;
        to_c->exitcase = ConstValue::from_python(py::bool_(false));
        to_raising->exitcase = ConstValue::from_python(py::bool_(true));
        b->exitswitch = stop;
        break;
      }
      if (!cond) {
        // The guard ends b, which takes the exception exit.
        b->exitswitch = g->last_exception();
        b->exits.push_back(exc_link);
        exc_link->prevblock = b;
        break;
      }
      // append: b tests the capacity; the slow path grows the items array
      // and joins the fast path in c.
      // The slow block takes what c needs, and what the exception exit
      // needs when it moves there.
      std::vector<Value*> vals = to_c->args;
      if (catches) add_handler_values(exc_link, vals);
      std::unordered_map<Value*, Value*> map;  // b's value -> slow block's
      Block* slow = side_block(g, vals, map);
      auto in_slow = [&](Value* v) { return v->is_const() ? v : map.at(v); };
      Variable* need = op(slow->operations, "int_add", {in_slow(len), one()}, Signed, pos);
      const ExternalFunc* grow = template_external("rpy_list_resize_ge", lst->concretetype->item,
                                                   {lst->concretetype, Signed}, Void, true, true, "list.resize_ge");
      Constant* fn = g->new_llconst(grow->name, Constant::External, grow);
      fn->concretetype = Void;
      op(slow->operations, "direct_call", {fn, in_slow(lst), need}, Void, pos);
      std::vector<Value*> back;
      for (Value* a : to_c->args) back.push_back(map.at(a));
      Link* slow_to_c = g->new_link(slow, c, back);
      slow_to_c->pos = pos;
      Link* to_slow = g->new_link(b, slow, vals);
      to_slow->pos = pos;
      to_c->exitcase = ConstValue::from_python(py::bool_(false));
      to_slow->exitcase = ConstValue::from_python(py::bool_(true));
      b->exitswitch = cond;
      if (catches) {  // a MemoryError from the growth is caught here
        slow->exitswitch = g->last_exception();
        copy_exc_link(g, exc_link, slow, map);
      }
      break;
    }
  }
}

}  // namespace rpy
