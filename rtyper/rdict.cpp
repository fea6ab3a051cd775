// Dicts and sets in the rtyper: one struct per family (rtyper/rdict.h), and
// every operation a direct_call to a runtime template (runtime/dict.h)
// declared with its effects and an oopspec, so the JIT codewriter sees
// `dict.getitem` and friends rather than opaque code.
#include <fmt/format.h>

#include "annotator/bookkeeper.h"
#include "rtyper/rdict.h"
#include "rtyper/rtyper.h"

namespace rpy {

using namespace lltypes;

namespace {
bool key_may_run_user_code(const SV& k) {
  if (k->kind == SomeValue::Instance) return true;
  if (k->kind == SomeValue::Tuple)
    for (auto& i : k->items)
      if (key_may_run_user_code(i)) return true;
  return false;
}
// Tuple keys hash as CPython's hash() (rpython/rlib/_dictkeys.py's
// key_pyhash), which for a float item makes a tuple (math.frexp) that only
// malloc removal takes away: without it the hash collects, so the runtime
// must root around it as around user code.
bool tuple_with_float(const SV& k) {
  if (k->kind == SomeValue::Float) return true;
  if (k->kind == SomeValue::Tuple)
    for (auto& i : k->items)
      if (tuple_with_float(i)) return true;
  return false;
}
}  // namespace

const LLType* RTyper::dict_lltype(DictDef* d) {
  d = d->find();
  auto it = dict_types_.find(d);
  if (it != dict_types_.end()) return ptr_to(it->second);
  // A family that never holds a key still gets a key field: the
  // templates' code mentions it (the operations that would use it are
  // never reached). The key and value types first: a dict of dicts makes
  // the inner family's types (and takes its number) on the way.
  const LLType* key = d->key->kind == SomeValue::Impossible ? Signed : lltype_of(d->key);
  const LLType* value = d->is_set ? Void : lltype_of(d->value);
  it = dict_types_.find(d);
  if (it != dict_types_.end()) return ptr_to(it->second);
  int n = (int)dict_types_.size();
  auto layout = std::make_unique<DictLayout>();
  DictLayout* L = layout.get();
  dict_layouts_.push_back(std::move(layout));
  L->is_set = d->is_set;
  L->key = key;
  L->value = value;
  L->custom_eq = d->custom_eq != nullptr || key_may_run_user_code(d->key) ||
                 (d->key->kind == SomeValue::Tuple && tuple_with_float(d->key));
  std::vector<std::pair<std::string, const LLType*>> fields{{"key", L->key}};
  if (L->value != Void) fields.push_back({"value", L->value});
  fields.push_back({"hash", Signed});
  L->entry = new_struct(fmt::format("dictentry_{}", n), fields);
  L->entries = new_gcarray(fmt::format("dictentries_{}", n), L->entry);
  std::vector<std::pair<std::string, const LLType*>> dict_fields{
      {"num_items", Signed}, {"num_used", Signed}, {"indexes", DictIndexPtr()}, {"entries", ptr_to(L->entries)}};
  if (d->is_set) {
    // A set's index is CPython's set table (runtime/dict.h): its live and
    // dummy slots, and where pop() looks next.
    dict_fields.push_back({"fill", Signed});
    dict_fields.push_back({"finger", Signed});
  }
  LLType* st = new_gcstruct(fmt::format("{}_{}", d->is_set ? "set" : "dict", n), dict_fields);
  st->dict = L;
  L->dict = st;
  dict_types_[d] = st;
  auto graph = [&](FuncDesc* fd) -> FunctionGraph* { return fd ? fd->graph : nullptr; };
  L->hash_graph = graph(d->hash_helper);
  L->eq_graph = graph(d->eq_helper);
  L->repr_graph = graph(d->repr_helper);
  if (d->key->kind != SomeValue::Impossible && (!L->hash_graph || !L->eq_graph))
    unsupported("internal: dict family without key helpers");
  return ptr_to(st);
}

const LLType* RTyper::dictiter_lltype(DictDef* d) {
  d = d->find();
  auto it = dictiter_types_.find(d);
  if (it != dictiter_types_.end()) return ptr_to(it->second);
  const LLType* dt = dict_lltype(d);
  LLType* st = new_gcstruct(fmt::format("dictiter_{}", dictiter_types_.size()),
                            {{"dict", dt}, {"pos", Signed}, {"length", Signed}, {"left", Signed}});
  dictiter_types_[d] = st;
  return ptr_to(st);
}

Variable* RTyper::call_dict_helper(const std::string& name, const LLType* targ,
                                   std::vector<std::pair<Value*, const LLType*>> args, const LLType* result,
                                   bool canraise, const std::string& oopspec, Variable* into) {
  std::vector<const LLType*> types;
  for (auto& [v, t] : args) types.push_back(t);
  // Whatever can raise allocates the exception; the rest of these (entry
  // reads, delete_entry, clear, and get/contains when the key's hash and ==
  // are plain code: runtime/dict.h's lookup then runs no program code and
  // allocates nothing) never allocate.
  const ExternalFunc* f = template_external(name, targ, types, result, canraise, canraise, oopspec);
  std::vector<Value*> a{g_->new_llconst(name, Constant::External, f)};
  a.back()->concretetype = Void;
  for (auto& [v, t] : args) a.push_back(convert(v, t));
  return gen("direct_call", a, result, into);
}

// Makes a tuple (k, v) of the low-level tuple type `tt` into `into`.
void RTyper::make_pair(const LLType* tt, Value* k, Value* v, Variable* into) {
  Constant* ctype = g_->new_llconst(tt->item->struct_name, Constant::Plain);
  ctype->concretetype = Void;
  gen("malloc", {ctype}, tt, into);
  gen("setfield", {into, g_->new_llconst("item0", Constant::FieldName), convert(k, tt->item->fields[0].second)}, Void);
  gen("setfield", {into, g_->new_llconst("item1", Constant::FieldName), convert(v, tt->item->fields[1].second)}, Void);
}

bool RTyper::rtype_dict_op(SpaceOperation& op) {
  const std::string& name = op.opname;
  Variable* res = op.result;
  if (name == "newdict" || name == "newset") {
    const LLType* dt = res->concretetype;
    call_dict_helper("rpy_dict_new", dt->item, {}, dt, true, "dict.new", res);
    if (name == "newset") {
      const DictLayout* L = dt->item->dict;
      for (Value* k : op.args) call_dict_helper("rpy_set_add", dt->item, {{res, dt}, {k, L->key}}, Void, true, "set.add");
    }
    return true;
  }
  if (op.args.empty()) return false;
  SV a0 = ann(op.args[0]);
  if (a0->kind == SomeValue::DictView && name == "contains") {
    if (Value* r = helper_call(op, 0, op.args)) {  // x in d.values(), (k, v) in d.items()
      gen("same_as", {convert(r, Bool)}, Bool, res);
      return true;
    }
    Value* d = op.args[0];
    const LLType* dt = d->concretetype;
    call_dict_helper("rpy_dict_contains", dt->item, {{d, dt}, {op.args[1], dt->item->dict->key}}, Bool,
                     dt->item->dict->custom_eq, "dict.contains", res);
    return true;
  }
  if (a0->kind != SomeValue::Dict) return false;
  if (Value* r = helper_call(op, 0, op.args)) {  // set operators, dict ==
    if (res->concretetype != Void) gen("same_as", {convert(r, res->concretetype)}, res->concretetype, res);
    return true;
  }
  Value* d = op.args[0];
  const LLType* dt = d->concretetype;
  const DictLayout* L = dt->item->dict;
  const LLType* D = dt->item;
  if (name == "setitem") {
    call_dict_helper("rpy_dict_setitem", D, {{d, dt}, {op.args[1], L->key}, {op.args[2], L->value}}, Void, true,
                     "dict.setitem", res->concretetype == Void ? res : nullptr);
    return true;
  }
  if (name == "getitem") {
    Variable* r = call_dict_helper("rpy_dict_getitem", D, {{d, dt}, {op.args[1], L->key}}, L->value, true,
                                   "dict.getitem");
    gen("same_as", {convert(r, res->concretetype)}, res->concretetype, res);
    return true;
  }
  if (name == "delitem") {
    call_dict_helper("rpy_dict_delitem", D,
                     {{d, dt}, {op.args[1], L->key}, {typed_const(ConstValue::from_python(py::bool_(true)), Bool), Bool}},
                     Void, true, "dict.delitem", res->concretetype == Void ? res : nullptr);
    return true;
  }
  if (name == "contains") {
    call_dict_helper("rpy_dict_contains", D, {{d, dt}, {op.args[1], L->key}}, Bool, L->custom_eq, "dict.contains",
                     res);
    return true;
  }
  if (name == "getattr") {  // a bound method: the dict itself
    gen("same_as", {d}, dt, res);
    return true;
  }
  return false;
}

bool RTyper::rtype_dict_builtin(const std::string& name, SpaceOperation& op, const std::vector<Value*>& args) {
  if (args.size() != 1) return false;
  SV a = ann(args[0]);
  Variable* res = op.result;
  if (a->kind != SomeValue::Dict && a->kind != SomeValue::DictView && a->kind != SomeValue::DictIter) return false;
  if (name == "len" && a->kind != SomeValue::DictIter) {
    gen("getfield", {args[0], g_->new_llconst("num_items", Constant::FieldName)}, Signed, res);
    return true;
  }
  if (name == "iter") {
    if (a->kind == SomeValue::DictIter) {
      gen("same_as", {args[0]}, res->concretetype, res);
      return true;
    }
    const LLType* it = res->concretetype;
    Constant* ctype = g_->new_llconst(it->item->struct_name, Constant::Plain);
    ctype->concretetype = Void;
    gen("malloc", {ctype}, it, res);
    Value* d = args[0];
    gen("setfield", {res, g_->new_llconst("dict", Constant::FieldName), d}, Void);
    Variable* n = gen("getfield", {d, g_->new_llconst("num_items", Constant::FieldName)}, Signed);
    gen("setfield", {res, g_->new_llconst("length", Constant::FieldName), n}, Void);
    gen("setfield", {res, g_->new_llconst("left", Constant::FieldName), n}, Void);
    return true;
  }
  if (name == "next" && a->kind == SomeValue::DictIter) {
    Value* it = args[0];
    const LLType* dt = it->concretetype->item->fields[0].second;
    const DictLayout* L = dt->item->dict;
    Variable* ix = call_dict_helper("rpy_dict_iter_next", it->concretetype->item, {{it, it->concretetype}}, Signed, true,
                                    "dict.iter_next");
    if (res->concretetype == Void) return true;  // the family never holds an item: never reached
    Variable* d = gen("getfield", {it, g_->new_llconst("dict", Constant::FieldName)}, dt);
    auto key = [&]() {
      return call_dict_helper("rpy_dict_entry_key", dt->item, {{d, dt}, {ix, Signed}}, L->key, false, "dict.entry_key");
    };
    auto value = [&]() {
      return call_dict_helper("rpy_dict_entry_value", dt->item, {{d, dt}, {ix, Signed}}, L->value, false,
                              "dict.entry_value");
    };
    if (a->dict_view == 'k') {
      gen("same_as", {convert(key(), res->concretetype)}, res->concretetype, res);
    } else if (a->dict_view == 'v') {
      gen("same_as", {convert(value(), res->concretetype)}, res->concretetype, res);
    } else {
      make_pair(res->concretetype, key(), value(), res);
    }
    return true;
  }
  return false;
}

void RTyper::rtype_dict_method(SpaceOperation& op, const SV& f, const std::vector<Value*>& args) {
  Value* d = op.args[0];
  if (bk_.helper_calls.count({&op, 0})) {  // set.union() & co.
    std::vector<Value*> all{d};
    all.insert(all.end(), args.begin(), args.end());
    Value* r = helper_call(op, 0, all);
    if (op.result->concretetype != Void)
      gen("same_as", {convert(r, op.result->concretetype)}, op.result->concretetype, op.result);
    return;
  }
  const LLType* dt = d->concretetype;
  const LLType* D = dt->item;
  const DictLayout* L = D->dict;
  const std::string& m = f->method_name;
  Variable* res = op.result;
  auto result = [&](Value* r) {
    if (res->concretetype != Void) gen("same_as", {convert(r, res->concretetype)}, res->concretetype, res);
  };
  Variable* void_res = res->concretetype == Void ? res : nullptr;
  if (m == "get") {
    Value* dflt = args.size() > 1 ? args[1] : static_cast<Value*>(typed_const(ConstValue{}, L->value));
    result(call_dict_helper("rpy_dict_get", D, {{d, dt}, {args[0], L->key}, {dflt, L->value}}, L->value,
                            L->custom_eq, "dict.get"));
  } else if (m == "setdefault") {
    result(call_dict_helper("rpy_dict_setdefault", D, {{d, dt}, {args[0], L->key}, {args[1], L->value}}, L->value, true,
                            "dict.setdefault"));
  } else if (m == "pop" && !L->is_set) {
    if (args.size() == 1)
      result(call_dict_helper("rpy_dict_pop", D, {{d, dt}, {args[0], L->key}}, L->value, true, "dict.pop"));
    else
      result(call_dict_helper("rpy_dict_pop_default", D, {{d, dt}, {args[0], L->key}, {args[1], L->value}}, L->value,
                              true, "dict.pop"));
  } else if (m == "popitem" || m == "pop") {
    Variable* ix = call_dict_helper("rpy_dict_popitem_index", D,
                                    {{d, dt}, {typed_const(ConstValue::from_python(py::bool_(L->is_set)), Bool), Bool}},
                                    Signed, true, "dict.popitem");
    Variable* k = call_dict_helper("rpy_dict_entry_key", D, {{d, dt}, {ix, Signed}}, L->key, false, "dict.entry_key");
    if (L->is_set) {
      call_dict_helper("rpy_dict_delete_entry", D, {{d, dt}, {ix, Signed}}, Void, false, "dict.delete_entry");
      result(k);
    } else if (res->concretetype == Void) {
      call_dict_helper("rpy_dict_delete_entry", D, {{d, dt}, {ix, Signed}}, Void, false, "dict.delete_entry");
    } else {
      Variable* v =
          call_dict_helper("rpy_dict_entry_value", D, {{d, dt}, {ix, Signed}}, L->value, false, "dict.entry_value");
      call_dict_helper("rpy_dict_delete_entry", D, {{d, dt}, {ix, Signed}}, Void, false, "dict.delete_entry");
      make_pair(res->concretetype, k, v, res);
    }
  } else if (m == "update") {
    call_dict_helper("rpy_dict_update", D, {{d, dt}, {args[0], dt}}, Void, true, "dict.update", void_res);
  } else if (m == "intersection_update" || m == "difference_update") {
    // In place and in CPython's order: runtime/dict.h.
    call_dict_helper("rpy_set_" + m, D, {{d, dt}, {args[0], dt}}, Void, true, "set." + m, void_res);
  } else if (m == "keys" || m == "values" || m == "items") {
    gen("same_as", {d}, dt, res);
  } else if (m == "clear") {
    call_dict_helper("rpy_dict_clear", D, {{d, dt}}, Void, false, "dict.clear", void_res);
  } else if (m == "copy") {
    call_dict_helper("rpy_dict_copy", D, {{d, dt}}, dt, true, "dict.copy", res);
  } else if (m == "add") {
    call_dict_helper("rpy_set_add", D, {{d, dt}, {args[0], L->key}}, Void, true, "set.add", void_res);
  } else if (m == "discard" || m == "remove") {
    call_dict_helper("rpy_dict_delitem", D,
                     {{d, dt}, {args[0], L->key}, {typed_const(ConstValue::from_python(py::bool_(m == "remove")), Bool), Bool}},
                     Void, true, "dict.delitem", void_res);
  } else {
    unsupported(fmt::format("{}.{}() cannot be translated yet", L->is_set ? "set" : "dict", m));
  }
}

}  // namespace rpy
