// Classes and instances: instance structs that extend their base class's
// struct, vtables (subclass range for isinstance, class name, method slots),
// attribute access, instantiation, method calls with direct or virtual
// dispatch.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include "rtyper/rtyper.h"

namespace rpy {

using namespace lltypes;

namespace {
std::string cident(const std::string& s) {
  std::string r;
  for (char c : s) r += (std::isalnum((unsigned char)c) || c == '_') ? c : '_';
  return r;
}
}  // namespace

// Preorder numbering of every class tree: isinstance(x, C) is then
// C.min <= type(x).min < C.max, one range check.
void RTyper::number_classes() {
  if (classes_numbered_) return;
  classes_numbered_ = true;
  int counter = 0;
  std::function<void(ClassDef*)> number = [&](ClassDef* cd) {
    cd->subclassrange_min = counter++;
    for (ClassDef* sub : cd->subdefs) number(sub);
    cd->subclassrange_max = counter;
  };
  for (ClassDef* cd : bk_.all_classdefs())
    if (!cd->base) number(cd);
}

const LLType* RTyper::inst_struct(ClassDef* cd) {
  if (cd->inst_struct) return cd->inst_struct;
  if (!cd->base && cd->builtin_exception) {
    // BaseException is the runtime's rpy_exception: {typeptr, msg}.
    cd->inst_struct = const_cast<LLType*>(ExceptionPtr()->item);
    return cd->inst_struct;
  }
  const LLType* super = cd->base ? inst_struct(cd->base) : ObjectStruct();
  // Registered before its fields are typed: a field may point to this class.
  LLType* s = new_gcstruct(fmt::format("inst_{}", cident(cd->name)), {});
  s->super = super;
  cd->inst_struct = s;
  for (auto& [name, at] : cd->attrs) s->fields.push_back({"a_" + name, lltype_of(at.s_value)});
  return s;
}

const LLType* RTyper::vtable_struct(ClassDef* cd) {
  if (cd->vtable_struct) return cd->vtable_struct;
  LLType* s = new_struct(fmt::format("vtable_{}", cident(cd->name)), {});
  s->super = cd->base ? vtable_struct(cd->base) : VtablePtr()->item;
  cd->vtable_struct = s;
  return s;
}

Constant* RTyper::vtable_const(ClassDef* cd) {
  Constant* c = g_->new_llconst(cd->name, Constant::Vtable, cd);
  c->concretetype = VtablePtr();
  return c;
}

std::vector<Value*> RTyper::call_args(FuncDesc* d, const std::vector<Value*>& args,
                                      const std::vector<std::string>& kwnames, Value* self, const SourcePos& pos) {
  CallShape shape{args.size() - kwnames.size() + (self ? 1 : 0), kwnames};
  std::vector<Value*> all = args;
  if (self) all.insert(all.begin(), self);
  std::vector<int> binding = bind_call_args(*d, shape, pos);
  FunctionGraph* callee = d->graph;
  std::vector<Value*> out;
  for (size_t i = 0; i < binding.size(); ++i) {
    const LLType* want = callee->startblock->inputargs[i]->concretetype;
    Value* a = binding[i] >= 0 ? all[binding[i]]
                               : static_cast<Value*>(g_->new_const(ConstValue::from_python(d->defaults[-1 - binding[i]])));
    out.push_back(convert(a, want));
  }
  return out;
}

void RTyper::rtype_getattr_instance(SpaceOperation& op) {
  SV obj = ann(op.args[0]);
  SV res = ann(op.result);
  const std::string& name = static_cast<Constant*>(op.args[1])->value.s;
  if (res->kind == SomeValue::PBC && !res->method_name.empty()) {
    // A bound method is represented by its receiver.
    gen("same_as", {convert(op.args[0], op.result->concretetype)}, op.result->concretetype, op.result);
    return;
  }
  if (res->const_ || op.result->concretetype == Void) {
    gen("same_as", {convert(g_->new_const(*res->const_), op.result->concretetype)}, op.result->concretetype,
        op.result);
    return;
  }
  ClassDef* owner = obj->classdef->attr_owner(name);
  const LLType* ft = inst_struct(owner)->field_type("a_" + name);
  Variable* v = gen("getfield", {op.args[0], g_->new_llconst("a_" + name, Constant::FieldName)}, ft,
                    ft == op.result->concretetype ? op.result : nullptr);
  if (v != op.result) gen("same_as", {convert(v, op.result->concretetype)}, op.result->concretetype, op.result);
}

void RTyper::rtype_setattr_instance(SpaceOperation& op) {
  SV obj = ann(op.args[0]);
  const std::string& name = static_cast<Constant*>(op.args[1])->value.s;
  ClassDef* owner = obj->classdef->attr_owner(name);
  const LLType* ft = inst_struct(owner)->field_type("a_" + name);
  if (ft == Void) return;  // a field that only ever holds one constant
  gen("setfield", {op.args[0], g_->new_llconst("a_" + name, Constant::FieldName), convert(op.args[2], ft)}, Void,
      op.result->concretetype == Void ? op.result : nullptr);
}

void RTyper::rtype_instantiate(SpaceOperation& op, py::handle cls, std::vector<Value*> args,
                               const std::vector<std::string>& kwnames, bool call_init) {
  ClassDef* cd = bk_.classdef_if_known(cls);
  const LLType* st = inst_struct(cd);
  const LLType* pt = ptr_to(st);
  Constant* ctype = g_->new_llconst(st->struct_name, Constant::Plain);
  Variable* p = gen("malloc", {ctype}, pt, op.result->concretetype == pt ? op.result : nullptr);
  gen("setfield", {p, g_->new_llconst("typeptr", Constant::FieldName), vtable_const(cd)}, Void);
  if (FuncDesc* del = call_init ? bk_.method_impl(cd, "__del__") : nullptr; del && del->graph) {
    const LLType* selft = del->graph->startblock->inputargs[0]->concretetype;
    Constant* fn = g_->new_llconst(del->graph->name, Constant::Graph, del->graph);
    fn->concretetype = ptr_to(func_type({selft}, del->graph->returnblock->inputargs[0]->concretetype));
    call_external("rpy_gc_register_finalizer", {p, fn});
  }
  // Fields start with the class-level value of the attribute, if any.
  for (ClassDef* c = cd; c; c = c->base)
    for (auto& [name, at] : c->attrs) {
      if (!at.class_default) continue;
      py::object v = bk_.lookup_class_attr(cd, name);
      if (!v || PyFunction_Check(v.ptr())) continue;
      const LLType* ft = inst_struct(c)->field_type("a_" + name);
      if (ft == Void) continue;
      gen("setfield", {p, g_->new_llconst("a_" + name, Constant::FieldName),
                       convert(g_->new_const(ConstValue::from_python(v)), ft)},
          Void);
    }
  FuncDesc* init = call_init ? bk_.method_impl(cd, "__init__") : nullptr;
  if (cd->root()->builtin_exception) {
    // str(e) is fixed at creation from the arguments, as BaseException does.
    // A class with its own __init__ may be given anything (a position, a
    // wrapped object) and usually passes its message to Exception.__init__,
    // which sets str(e) again: arguments without a str() of their own
    // here leave it empty until then.
    std::vector<Value*> eargs(args.begin(), args.end() - kwnames.size());
    bool plain = true;
    for (Value* a : eargs) {
      SV s = ann(a);
      if (!(s->is_numeric() || s->kind == SomeValue::String || s->kind == SomeValue::None)) plain = false;
    }
    if (plain || !init || cd->builtin_exception) set_exception_args(p, cd, eargs);
    else set_exception_args(p, cd, {});
  }
  if (init && !cd->builtin_exception) {
    std::vector<Value*> llargs{g_->new_llconst(init->graph->name, Constant::Graph, init->graph)};
    for (Value* a : call_args(init, args, kwnames, p, op.pos)) llargs.push_back(a);
    gen("direct_call", llargs, init->graph->returnblock->inputargs[0]->concretetype);
  }
  if (p != op.result) gen("same_as", {convert(p, op.result->concretetype)}, op.result->concretetype, op.result);
}

void RTyper::set_exception_args(Value* exc, ClassDef* cd, const std::vector<Value*>& args) {
  auto lit = [&](const char* t) {
    ConstValue c;
    c.kind = ConstValue::Str;
    c.s = t;
    return typed_const(c, StrPtr());
  };
  // KeyError's str() is the repr of its argument (for the other classes
  // the str, which is the same for anything but a str).
  bool key_error = false;
  for (ClassDef* c = cd; c; c = c->base)
    if (c->builtin_exception && c->name == "KeyError") key_error = true;
  Value* msg = nullptr;
  if (args.size() == 1)
    msg = key_error && ann(args[0])->kind == SomeValue::String ? call_external("rpy_str_repr", {args[0]})
                                                               : to_str(args[0]);
  if (args.size() >= 2) {  // str() of the args tuple
    Value* acc = lit("(");
    for (size_t i = 0; i < args.size(); ++i) {
      SV a = ann(args[i]);
      Value* piece = a->kind == SomeValue::String ? call_external("rpy_str_repr", {args[i]}) : to_str(args[i]);
      if (i) acc = call_external("rpy_str_concat", {acc, lit(", ")});
      acc = call_external("rpy_str_concat", {acc, piece});
    }
    msg = call_external("rpy_str_concat", {acc, lit(")")});
  }
  if (!msg) msg = typed_const(ConstValue{}, StrPtr());
  gen("setfield", {convert(exc, ExceptionPtr()), g_->new_llconst("msg", Constant::FieldName), msg}, Void);
}

void RTyper::rtype_method_call(SpaceOperation& op, const SV& f, std::vector<Value*> args,
                               const std::vector<std::string>& kwnames) {
  // The bound method value is its receiver. A method specialized by
  // rpython.rlib.objectmodel.specialize: the version the annotator chose.
  SV target = f;
  if (auto t = bk_.call_target.find(&op); f->descs.size() == 1 && t != bk_.call_target.end()) {
    SomeValue one = *f;
    one.descs = {t->second};
    target = std::make_shared<const SomeValue>(std::move(one));
  }
  Value* r = call_method(target, op.args[0], args, kwnames, op.result);
  if (r != op.result && op.result->concretetype != Void)
    gen("same_as", {convert(r, op.result->concretetype)}, op.result->concretetype, op.result);
}

Value* RTyper::call_method(const SV& f, Value* self, std::vector<Value*> args, const std::vector<std::string>& kwnames,
                           Variable* into) {
  if (f->descs.size() == 1) {
    FuncDesc* d = f->descs[0];
    std::vector<Value*> llargs{g_->new_llconst(d->graph->name, Constant::Graph, d->graph)};
    for (Value* a : call_args(d, args, kwnames, self, pos_)) llargs.push_back(a);
    const LLType* rt = d->graph->returnblock->inputargs[0]->concretetype;
    return gen("direct_call", llargs, rt, into && rt == into->concretetype ? into : nullptr);
  }
  // Virtual dispatch through a slot of the receiver's static class.
  ClassDef* cd = f->classdef;
  FuncDesc* first = f->descs[0];
  std::vector<const LLType*> argtypes{ptr_to(inst_struct(cd))};
  const auto& params = first->graph->startblock->inputargs;
  for (size_t i = 1; i < params.size(); ++i) argtypes.push_back(params[i]->concretetype);
  const LLType* rt = first->graph->returnblock->inputargs[0]->concretetype;
  for (FuncDesc* d : f->descs) {
    const auto& ps = d->graph->startblock->inputargs;
    bool same = ps.size() == params.size() && d->graph->returnblock->inputargs[0]->concretetype == rt;
    for (size_t i = 1; same && i < ps.size(); ++i) same = ps[i]->concretetype == params[i]->concretetype;
    if (!same)
      unsupported(fmt::format("the implementations of method '{}' have different low-level signatures ({} and {})",
                              f->method_name, first->name, d->name));
  }
  auto key = std::make_pair(cd, f->method_name);
  if (!slots_.count(key)) {
    MethodSlot slot{"m_" + f->method_name, ptr_to(func_type(argtypes, rt))};
    slots_[key] = slot;
    LLType* vs = const_cast<LLType*>(vtable_struct(cd));
    vs->fields.push_back({slot.field, slot.fntype});
  }
  const MethodSlot& slot = slots_[key];
  Value* recv = convert(self, argtypes[0]);
  Variable* vt = gen("getfield", {recv, g_->new_llconst("typeptr", Constant::FieldName)}, VtablePtr());
  Variable* vtc = gen("cast_pointer", {vt}, ptr_to(vtable_struct(cd)));
  Variable* fn = gen("getfield", {vtc, g_->new_llconst(slot.field, Constant::FieldName)}, slot.fntype);
  std::vector<Value*> llargs{fn};
  std::vector<Value*> bound = call_args(first, args, kwnames, recv, pos_);
  bound[0] = recv;
  for (Value* a : bound) llargs.push_back(a);
  return gen("indirect_call", llargs, rt, into && rt == into->concretetype ? into : nullptr);
}

// cls(args) for a class known only at run time: its vtable holds, per
// call shape, a pointer to the class's constructor.
void RTyper::rtype_class_call(SpaceOperation& op, const SV& f, std::vector<Value*> args,
                              const std::vector<std::string>& kwnames) {
  CallShape shape{args.size() - kwnames.size(), kwnames};
  std::string key = std::to_string(shape.npositional);
  for (auto& k : kwnames) key += "_" + k;
  ClassDef* base = f->classdef;
  FuncDesc* first = bk_.constructor(f->classdefs[0], shape);
  std::vector<const LLType*> argtypes;
  for (Variable* v : first->graph->startblock->inputargs) argtypes.push_back(v->concretetype);
  const LLType* rt = first->graph->returnblock->inputargs[0]->concretetype;
  std::string slot_name = "__new_" + key;
  auto skey = std::make_pair(base, slot_name);
  if (!slots_.count(skey)) {
    MethodSlot slot{"n_" + key, ptr_to(func_type(argtypes, rt))};
    slots_[skey] = slot;
    const_cast<LLType*>(vtable_struct(base))->fields.push_back({slot.field, slot.fntype});
    for (ClassDef* cd : f->classdefs) ctor_slots_[{cd, slot_name}] = bk_.constructor(cd, shape);
  }
  const MethodSlot& slot = slots_[skey];
  Value* vt = convert(op.args[0], VtablePtr());
  Variable* vtc = gen("cast_pointer", {vt}, ptr_to(vtable_struct(base)));
  Variable* fn = gen("getfield", {vtc, g_->new_llconst(slot.field, Constant::FieldName)}, slot.fntype);
  std::vector<Value*> llargs{fn};
  for (size_t i = 0; i < args.size(); ++i) llargs.push_back(convert(args[i], argtypes[i]));
  Variable* r = gen("indirect_call", llargs, rt, rt == op.result->concretetype ? op.result : nullptr);
  if (r != op.result && op.result->concretetype != Void)
    gen("same_as", {convert(r, op.result->concretetype)}, op.result->concretetype, op.result);
}

// The operation calls a special method of an instance (recorded by the
// annotator): the result, or nullptr when it does not.
Value* RTyper::special_call(SpaceOperation& op, int slot, Value* self, std::vector<Value*> args) {
  auto it = bk_.special_calls.find({&op, slot});
  if (it == bk_.special_calls.end()) return nullptr;
  return call_method(it->second, self, std::move(args), {}, nullptr);
}

Value* RTyper::rtype_isinstance(Value* x, const SV& spec, Variable* into) {
  std::vector<py::object> classes;
  py::object o = spec->const_->obj;
  if (PyTuple_Check(o.ptr())) {
    for (auto c : o) classes.push_back(py::reinterpret_borrow<py::object>(c));
  } else {
    classes.push_back(o);
  }
  Value* result = nullptr;
  for (size_t i = 0; i < classes.size(); ++i) {
    ClassDef* cd = bk_.classdef_if_known(classes[i]);
    Variable* r = gen("isinstance_range",
                      {x, typed_const(ConstValue::from_python(py::int_(cd->subclassrange_min)), Signed),
                       typed_const(ConstValue::from_python(py::int_(cd->subclassrange_max)), Signed)},
                      Bool, i + 1 == classes.size() && !result ? into : nullptr);
    if (!result) {
      result = r;
    } else {
      Variable* a = gen("cast_bool_to_int", {result}, Signed);
      Variable* b = gen("cast_bool_to_int", {r}, Signed);
      Variable* o2 = gen("int_or", {a, b}, Signed);
      result = gen("int_is_true", {o2}, Bool, i + 1 == classes.size() ? into : nullptr);
    }
  }
  return result;
}

}  // namespace rpy
