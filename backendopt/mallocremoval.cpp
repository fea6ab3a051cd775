// Malloc removal (scalar replacement), after PyPy's backendopt/malloc.py.
//
// Variables connected by links (a link argument and the target's input),
// by same_as or by cast_pointer (an instance under a base class's type: the
// base's fields are a prefix of the struct's) are one "family": the places
// one object can be held. A family is replaced by one variable per field
// when
//   * every way a value enters it is a malloc of the same GC struct (not a
//     function parameter, a call result, a field read, a constant);
//   * every use is getfield/setfield on it (not as the stored value),
//     same_as, ptr_iszero/ptr_nonzero, or a link to an ordinary block;
//   * no block receives it twice (two inputs could then be one object, and
//     a write through one must be seen through the other);
//   * it does not leave along an exception exit of a block that writes its
//     fields (or allocates it): codegen may take that exit from the middle
//     of the block, where the fields had other values than at its end. (A
//     loop's iterator goes along the exception exits of the inner loops'
//     blocks, which do not touch it.)
// Anything else (a call, a return, a store into another object, a pointer
// comparison, a cast to a type the malloc'ed struct does not extend) is an
// escape. So an exception instance built by a `raise` that was routed to
// its except clause at translation time (exceptions.cpp) disappears. The
// struct's memory is zeroed by the GC, so the fields start as typed zero
// constants. Removing one family can free
// another (a tuple stored only in a removed tuple), so this runs to a fixpoint.
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "backendopt/backendopt.h"
#include "rtyper/lltype.h"

namespace rpy {

namespace {

using namespace lltypes;

// Fields in layout order, base structs first.
std::vector<std::pair<std::string, const LLType*>> all_fields(const LLType* s) {
  std::vector<const LLType*> chain;
  for (const LLType* t = s; t; t = t->super) chain.insert(chain.begin(), t);
  std::vector<std::pair<std::string, const LLType*>> out;
  for (const LLType* t : chain)
    for (auto& f : t->fields) out.push_back(f);
  return out;
}

// The value of a zeroed field, or nullptr when codegen cannot spell one.
Constant* zero_of(FunctionGraph* g, const LLType* t) {
  ConstValue v;
  if (t == Signed) {
    v.kind = ConstValue::Int;
  } else if (t == Bool) {
    v.kind = ConstValue::Bool;
  } else if (t == Float) {
    v.kind = ConstValue::Float;
  } else if (t != Void && !t->is_ptr()) {
    return nullptr;
  }
  Constant* c = g->new_const(v);
  c->concretetype = t;
  return c;
}

const LLType* malloced_struct(const SpaceOperation& op) {
  if (op.opname != "malloc" || !op.result || !op.result->concretetype) return nullptr;
  const LLType* p = op.result->concretetype;
  if (!p->is_gc_ptr() || p->item->kind != LLType::Struct) return nullptr;
  for (auto& [n, t] : all_fields(p->item))
    if (t->kind == LLType::Array || t->kind == LLType::Struct) return nullptr;  // varsize or inlined
  return p->item;
}

// cast_pointer between two GC struct pointers (up or down a class chain).
bool is_struct_cast(const SpaceOperation& op) {
  if (op.opname != "cast_pointer" || op.args.size() != 1 || !op.result || op.args[0]->is_const()) return false;
  const LLType* from = op.args[0]->concretetype;
  const LLType* to = op.result->concretetype;
  return from && to && from->is_gc_ptr() && to->is_gc_ptr() && from->item->kind == LLType::Struct &&
         to->item->kind == LLType::Struct;
}

// Whether struct `s` is `base` or extends it.
bool extends(const LLType* s, const LLType* base) {
  for (const LLType* t = s; t; t = t->super)
    if (t == base) return true;
  return false;
}

const std::string& field_name(const Value* v) { return static_cast<const Constant*>(v)->llrepr; }

struct Family {
  const LLType* type = nullptr;
  bool escapes = false;
  bool has_malloc = false;
  std::vector<std::pair<std::string, const LLType*>> fields;
  int index_of(const std::string& f) const {
    for (size_t i = 0; i < fields.size(); ++i)
      if (fields[i].first == f) return (int)i;
    return -1;
  }
};

struct Remover {
  FunctionGraph* g;
  std::unordered_map<Variable*, Variable*> parent;

  Variable* find(Variable* v) {
    auto it = parent.find(v);
    if (it == parent.end()) return parent[v] = v;
    if (it->second == v) return v;
    return it->second = find(it->second);
  }
  void unite(Variable* a, Variable* b) { parent[find(a)] = find(b); }
  static Variable* var(Value* v) { return v->is_const() ? nullptr : static_cast<Variable*>(v); }

  size_t run_once() {
    auto blocks = g->iterblocks();
    parent.clear();
    // Families: the connected components of links and same_as.
    for (Block* b : blocks) {
      for (auto& op : b->operations)
        if (malloced_struct(op)) find(op.result);
      for (auto& op : b->operations)
        if (op.opname == "same_as" && op.result && var(op.args[0]) &&
            op.args[0]->concretetype == op.result->concretetype && op.result->concretetype &&
            op.result->concretetype->is_gc_ptr())
          unite(var(op.args[0]), op.result);
        else if (is_struct_cast(op))
          unite(var(op.args[0]), op.result);
      for (Link* l : b->exits)
        if (!l->target->is_final)
          for (size_t i = 0; i < l->args.size(); ++i)
            if (Variable* v = var(l->args[i]); v && v->concretetype && v->concretetype->is_gc_ptr())
              unite(v, l->target->inputargs[i]);
    }
    std::unordered_map<Variable*, Family> fam;
    auto F = [&](Variable* v) -> Family* {
      auto it = parent.find(v);
      if (it == parent.end()) return nullptr;
      return &fam[find(v)];
    };
    auto escape = [&](Value* v) {
      if (Variable* x = var(v))
        if (Family* f = F(x)) f->escapes = true;
    };
    // Sources.
    for (Block* b : blocks) {
      for (Variable* v : b->inputargs)
        if (Family* f = F(v); f && (b == g->startblock || b->is_final)) f->escapes = true;
      std::unordered_set<Family*> seen_inputs;
      for (Variable* v : b->inputargs)
        if (Family* f = F(v); f && !seen_inputs.insert(f).second) f->escapes = true;
      for (auto& op : b->operations) {
        Family* f = op.result ? F(op.result) : nullptr;
        if (!f) continue;
        if (op.opname == "same_as" || is_struct_cast(op)) continue;
        const LLType* st = malloced_struct(op);
        if (!st || (f->type && f->type != st)) {
          f->escapes = true;
          continue;
        }
        f->type = st;
        f->has_malloc = true;
      }
      for (Link* l : b->exits) {
        if (l->last_exc_value) escape(l->last_exc_value);
        if (l->target->is_final) continue;
        for (size_t i = 0; i < l->args.size(); ++i)
          if (l->args[i]->is_const()) escape(l->target->inputargs[i]);
      }
    }
    // Uses.
    for (Block* b : blocks) {
      std::unordered_set<Family*> written;  // by this block
      for (auto& op : b->operations) {
        if (op.opname == "setfield" && !op.args.empty())
          if (Variable* v = var(op.args[0]))
            if (Family* f = F(v)) written.insert(f);
        if (op.result && op.opname == "malloc")
          if (Family* f = F(op.result)) written.insert(f);
      }
      for (auto& op : b->operations) {
        if (op.args.empty()) continue;
        const std::string& n = op.opname;
        if (n == "getfield" || n == "setfield") {
          if (n == "setfield" && op.args.size() > 2) escape(op.args[2]);
          if (Variable* v = var(op.args[0]); v && F(v)) {
            Family* f = F(v);
            if (!f->escapes && f->type && (op.args.size() < 2 || !op.args[1]->is_const() ||
                                           !f->type->field_type(field_name(op.args[1]))))
              f->escapes = true;
          }
          continue;
        }
        if (n == "same_as" && op.result && F(op.result)) continue;
        if (is_struct_cast(op) && F(op.result)) {
          Family* f = F(op.result);
          if (f->type && !(extends(f->type, op.result->concretetype->item) &&
                           extends(f->type, op.args[0]->concretetype->item)))
            f->escapes = true;
          continue;
        }
        if ((n == "ptr_iszero" || n == "ptr_nonzero") && op.args.size() == 1) continue;
        for (Value* a : op.args) escape(a);
      }
      if (b->exitswitch) escape(b->exitswitch);
      for (Link* l : b->exits) {
        if (l->target->is_final) {
          for (Value* a : l->args) escape(a);
        } else if (l->last_exc_value) {
          for (Value* a : l->args)
            if (Variable* x = var(a); x && F(x) && written.count(F(x))) escape(a);
        }
      }
    }
    std::unordered_set<Family*> removable;
    for (auto& [root, f] : fam) {
      if (f.escapes || !f.has_malloc || !f.type) continue;
      f.fields = all_fields(f.type);
      bool ok = true;
      for (auto& [name, t] : f.fields)
        if (!zero_of(g, t)) ok = false;
      if (ok) removable.insert(&f);
    }
    if (removable.empty()) return 0;
    auto R = [&](Value* v) -> Family* {
      Variable* x = var(v);
      if (!x) return nullptr;
      Family* f = F(x);
      return f && removable.count(f) ? f : nullptr;
    };

    size_t removed = 0;
    using State = std::shared_ptr<std::vector<Value*>>;
    for (Block* b : blocks) {
      if (b->is_final) continue;
      std::unordered_map<Variable*, State> state;
      std::unordered_map<Value*, Value*> subst;
      auto S = [&](Value* v) {
        auto it = subst.find(v);
        return it == subst.end() ? v : it->second;
      };
      std::vector<Variable*> inputs;
      for (Variable* v : b->inputargs) {
        Family* f = R(v);
        if (!f) {
          inputs.push_back(v);
          continue;
        }
        auto s = std::make_shared<std::vector<Value*>>();
        for (auto& [name, t] : f->fields) {
          Variable* n = g->new_var(name);
          n->concretetype = t;
          inputs.push_back(n);
          s->push_back(n);
        }
        state[v] = s;
      }
      b->inputargs = std::move(inputs);
      std::vector<SpaceOperation> ops;
      for (auto& op : b->operations) {
        for (auto& a : op.args) a = S(a);
        const std::string& n = op.opname;
        if (n == "malloc" && op.result && R(op.result)) {
          Family* f = R(op.result);
          auto s = std::make_shared<std::vector<Value*>>();
          for (auto& [name, t] : f->fields) s->push_back(zero_of(g, t));
          state[op.result] = s;
          ++removed;
          continue;
        }
        if ((n == "same_as" || n == "cast_pointer") && op.result && R(op.result)) {
          state[op.result] = state.at(var(op.args[0]));
          continue;
        }
        if ((n == "getfield" || n == "setfield") && R(op.args[0])) {
          Family* f = R(op.args[0]);
          auto& s = *state.at(var(op.args[0]));
          int k = f->index_of(field_name(op.args[1]));
          if (n == "getfield") {
            subst[op.result] = s.at(k);
          } else {
            s.at(k) = op.args[2];
            if (op.result) subst[op.result] = zero_of(g, Void);
          }
          continue;
        }
        if ((n == "ptr_iszero" || n == "ptr_nonzero") && R(op.args[0])) {
          Constant* c = g->new_const_bool(n == "ptr_nonzero");
          c->concretetype = op.result ? op.result->concretetype : Bool;
          if (op.result) subst[op.result] = c;
          continue;
        }
        ops.push_back(std::move(op));
      }
      b->operations = std::move(ops);
      if (b->exitswitch) b->exitswitch = S(b->exitswitch);
      for (Link* l : b->exits) {
        std::vector<Value*> args;
        std::vector<SourcePos> argpos;
        for (size_t i = 0; i < l->args.size(); ++i) {
          Value* a = S(l->args[i]);
          SourcePos p = i < l->argpos.size() ? l->argpos[i] : SourcePos{};
          if (R(a)) {
            for (Value* x : *state.at(var(a))) {
              args.push_back(x);
              argpos.push_back(p);
            }
          } else {
            args.push_back(a);
            argpos.push_back(p);
          }
        }
        l->args = std::move(args);
        l->argpos = std::move(argpos);
      }
    }
    return removed;
  }
};

}  // namespace

size_t remove_mallocs(FunctionGraph* g) {
  Remover r{g};
  size_t total = 0;
  while (size_t n = r.run_once()) total += n;
  return total;
}

}  // namespace rpy
