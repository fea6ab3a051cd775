#include "rtyper/rtyper.h"

#include "annotator/annotator.h"

#include <fmt/format.h>
#include <pybind11/stl.h>

#include <functional>
#include <unordered_set>

#include "rtyper/llop.h"
#include "rtyper/strmethods.h"
#include "rtyper/rmodules.h"

namespace rpy {

std::vector<std::string> take_keyword_names(const std::string& opname, std::vector<Value*>& args) {
  std::vector<std::string> kw;
  if (opname == "call_kw") {
    py::tuple t = static_cast<Constant*>(args[0])->value.obj;
    for (auto k : t) kw.push_back(k.cast<std::string>());
    args.erase(args.begin());
  }
  return kw;
}

using namespace lltypes;

namespace {
bool is_int_like(const SV& s) { return s->kind == SomeValue::Integer || s->kind == SomeValue::Bool; }
}  // namespace

void RTyper::unsupported(const std::string& what) { throw TranslationError(pos_, what); }

const LLType* RTyper::lltype_of(const SV& s) {
  switch (s->kind) {
    case SomeValue::Impossible:
    case SomeValue::None:
      return Void;
    case SomeValue::Bool: return Bool;
    case SomeValue::Integer: return s->unsigned_ ? Unsigned : Signed;
    case SomeValue::Float: return Float;
    case SomeValue::String: return StrPtr();
    case SomeValue::Bytes: return BytesPtr();  // syslib
    case SomeValue::ByteArray: return ByteArrayPtr();
    case SomeValue::WeakRef: return WeakRefPtr();
    case SomeValue::Tuple: {
      std::vector<const LLType*> items;
      for (auto& i : s->items) items.push_back(lltype_of(i));
      auto it = tuple_types_.find(items);
      if (it != tuple_types_.end()) return ptr_to(it->second);
      std::vector<std::pair<std::string, const LLType*>> fields;
      for (size_t i = 0; i < items.size(); ++i) fields.push_back({fmt::format("item{}", i), items[i]});
      LLType* t = new_gcstruct(fmt::format("tuple{}_{}", items.size(), tuple_types_.size()), fields);
      tuple_types_[items] = t;
      return ptr_to(t);
    }
    case SomeValue::List: {
      const LLType* item = lltype_of(s->listdef->find()->item);
      if (item == StrPtr()) return StrListPtr();  // the runtime's layout (split, join)
      // A family never resized is the array itself (RPython's
      // FixedSizeListRepr): no header, one indirection less per access.
      // Resizable lists are a header {length, items} over an array with
      // spare capacity.
      bool fixed = !s->listdef->find()->resized;
      auto it = list_types_.find({item, fixed});
      if (it != list_types_.end()) return ptr_to(it->second);
      LLType* arr = new_gcarray(fmt::format("array_{}", list_types_.size()), item);
      LLType* l = arr;
      if (!fixed) {
        l = new_gcstruct(fmt::format("list_{}", list_types_.size()), {{"length", Signed}, {"items", ptr_to(arr)}});
      }
      list_types_[{item, fixed}] = l;
      return ptr_to(l);
    }
    case SomeValue::Instance: return ptr_to(inst_struct(s->classdef));
    case SomeValue::Class: return VtablePtr();
    case SomeValue::ListIter: {
      SomeValue l;
      l.kind = SomeValue::List;
      l.listdef = s->listdef;
      const LLType* lt = lltype_of(std::make_shared<const SomeValue>(l));
      auto it = listiter_types_.find(lt);
      if (it != listiter_types_.end()) return ptr_to(it->second);
      LLType* st = new_gcstruct(fmt::format("listiter_{}", listiter_types_.size()), {{"list", lt}, {"index", Signed}});
      listiter_types_[lt] = st;
      return ptr_to(st);
    }
    case SomeValue::Dict:
    case SomeValue::DictView:
      return dict_lltype(s->dictdef.get());
    case SomeValue::DictIter:
      return dictiter_lltype(s->dictdef.get());
    case SomeValue::PBC:
      if (!s->method_name.empty()) return lltype_of(s->bound_self);
      if (!s->frozen.empty()) return ptr_to(frozen_struct(s->frozen));
      if (s->descs.size() <= 1 && !s->can_be_none) return Void;
      return family_fnptr_type(s->descs);
  }
  return Void;
}

// Cuts what the annotator proved unreachable: links not taken because their
// switch is a known constant, blocks never reached, and the rest of a block
// after a call that never returns.
void RTyper::simplify_after_annotation(FunctionGraph* g) {
  for (Block* b : g->iterblocks()) {
    if (b->is_final) continue;
    size_t n = 0;
    for (; n < b->operations.size(); ++n)
      if (!b->operations[n].result->annotation) break;
    if (n < b->operations.size()) {
      // Blocked at operations[n]: a call that never returns normally. If it
      // is the raising operation of a block that catches, the exception
      // exit stays (alone); otherwise the block just ends.
      bool keep_exception_exit = b->canraise() && n + 1 == b->operations.size();
      b->operations.resize(n + 1);
      b->operations[n].result->annotation = s_impossible();
      if (keep_exception_exit) {
        b->exits.erase(b->exits.begin());
      } else {
        b->exits.clear();
        b->exitswitch = nullptr;
      }
      continue;
    }
    if (b->exitswitch && !b->canraise()) {
      SV s = bk_.annotation(b->exitswitch);
      if (s->const_ && s->const_->kind == ConstValue::Bool) {
        std::erase_if(b->exits, [&](Link* l) { return l->exitcase && l->exitcase->b != s->const_->b; });
        for (Link* l : b->exits) l->exitcase.reset();
        b->exitswitch = nullptr;
      }
    }
    std::erase_if(b->exits, [](Link* l) { return !l->target->annotated; });
  }
  g->remove_unreachable();
}

void RTyper::specialize(const std::vector<FunctionGraph*>& graphs) {
  number_classes();
  // First every variable of every graph gets its type, so that a call can
  // convert its arguments to the callee's parameter types.
  for (FunctionGraph* g : graphs) {
    g_ = g;
    simplify_after_annotation(g);
    for (Block* b : g->iterblocks()) {
      for (Variable* v : b->inputargs) v->concretetype = lltype_of(v->annotation ? v->annotation : s_impossible());
      for (auto& op : b->operations) op.result->concretetype = lltype_of(op.result->annotation);
      for (Link* l : b->exits)
        if (l->last_exc_value) l->last_exc_value->concretetype = lltype_of(l->last_exc_value->annotation);
    }
    for (Variable* v : g->returnblock->inputargs)
      v->concretetype = lltype_of(v->annotation ? v->annotation : s_impossible());
    g->exceptblock->inputargs[0]->concretetype = VtablePtr();
    g->exceptblock->inputargs[1]->concretetype = ExceptionPtr();
  }
  for (FunctionGraph* g : graphs) {
    g_ = g;
    auto blocks = g->iterblocks();
    for (Block* b : blocks) specialize_block(b);
    for (Block* b : blocks)
      for (Link* l : std::vector<Link*>(b->exits)) specialize_link(l);
    expand_list_ops(g);
  }
  // Every user class gets a vtable struct of its own, extending its base's:
  // it must hold the method slots of its ancestors.
  for (ClassDef* cd : bk_.all_classdefs())
    if (!cd->builtin_exception) vtable_struct(cd);
}

void RTyper::specialize_block(Block* b) {
  if (b->is_final) return;
  out_.clear();
  for (auto& op : b->operations) {
    pos_ = op.pos;
    // Constants take the representation of what they are (a prebuilt tuple
    // becomes a pointer to static data); rules convert further as needed.
    for (auto& a : op.args)
      if (a->is_const() && !a->concretetype) a = convert(a, lltype_of(ann(a)));
    rtype_op(op);
  }
  b->operations = std::move(out_);
  out_.clear();
  if (b->exitswitch && !b->canraise()) {
    // The switch must be a Bool: the flow builder put a bool() op before it.
    if (b->exitswitch->concretetype != Bool) throw TranslationError(pos_, "internal: exitswitch is not a Bool");
  }
}

// Link arguments take the low-level type of the block input they fill; a
// conversion that needs an operation gets a block of its own on the link.
void RTyper::specialize_link(Link* l) {
  std::vector<SpaceOperation> saved = std::move(out_);
  out_.clear();
  pos_ = l->pos;
  for (size_t i = 0; i < l->args.size(); ++i) {
    const LLType* want = l->target->inputargs[i]->concretetype;
    l->args[i] = convert(l->args[i], want);
  }
  if (!out_.empty()) {
    Block* conv = g_->new_block({});
    conv->operations = std::move(out_);
    conv->annotated = true;
    // The conversion block takes the link's variables as inputs.
    std::vector<Value*> outer_args;
    std::unordered_map<Value*, Variable*> renamed;
    auto rename = [&](Value* v) -> Value* {
      if (v->is_const()) return v;
      bool defined_here = false;
      for (auto& op : conv->operations)
        if (op.result == v) defined_here = true;
      if (defined_here) return v;
      auto it = renamed.find(v);
      if (it != renamed.end()) return it->second;
      Variable* nv = g_->new_var(static_cast<Variable*>(v)->name);
      nv->concretetype = v->concretetype;
      nv->annotation = static_cast<Variable*>(v)->annotation;
      conv->inputargs.push_back(nv);
      outer_args.push_back(v);
      renamed[v] = nv;
      return nv;
    };
    for (auto& op : conv->operations)
      for (auto& a : op.args) a = rename(a);
    std::vector<Value*> inner_args;
    for (Value* a : l->args) inner_args.push_back(rename(a));
    Link* inner = g_->new_link(conv, l->target, inner_args);
    inner->pos = l->pos;
    l->target = conv;
    l->args = outer_args;
    l->argpos.assign(outer_args.size(), SourcePos{});
  }
  out_ = std::move(saved);
}

const LLType* RTyper::list_array_type(const LLType* lt) {
  return lt->item->kind == LLType::Array ? lt : lt->item->fields[1].second;
}

Value* RTyper::list_len(Value* l) {
  if (l->concretetype->item->kind == LLType::Array) return gen("getarraysize", {l}, Signed);
  return gen("getfield", {l, g_->new_llconst("length", Constant::FieldName)}, Signed);
}

Value* RTyper::list_items(Value* l) {
  if (l->concretetype->item->kind == LLType::Array) return l;
  return gen("getfield", {l, g_->new_llconst("items", Constant::FieldName)}, list_array_type(l->concretetype));
}

Variable* RTyper::gen(const std::string& opname, std::vector<Value*> args, const LLType* restype, Variable* into) {
  Variable* r = into;
  if (!r) {
    r = g_->new_var("v");
    r->concretetype = restype;
  }
  out_.push_back(SpaceOperation{opname, std::move(args), r, pos_});
  return r;
}

Variable* RTyper::call_external(const std::string& name, std::vector<Value*> args, Variable* into) {
  const ExternalFunc* f = external(name);
  std::vector<Value*> a{g_->new_llconst(name, Constant::External, f)};
  a.back()->concretetype = Void;
  // A null parameter type takes any pointer (codegen casts it).
  for (size_t i = 0; i < args.size(); ++i) a.push_back(f->args[i] ? convert(args[i], f->args[i]) : args[i]);
  return gen("direct_call", a, f->result, into);
}

// A variable holding one of several functions is a function pointer; the
// functions of the family share one low-level signature (the annotator
// unified them).
const LLType* RTyper::family_fnptr_type(const std::vector<FuncDesc*>& descs) {
  FunctionGraph* g = bk_.graph_of(descs[0]);
  std::vector<const LLType*> args;
  for (Variable* v : g->startblock->inputargs) {
    const LLType* t = lltype_of(v->annotation ? v->annotation : s_impossible());
    if (t != Void) args.push_back(t);
  }
  SV r = g->returnblock->inputargs[0]->annotation;
  return ptr_to(func_type(args, lltype_of(r ? r : s_impossible())));
}

// A set of frozen objects is a pointer to one static struct per object,
// holding the attributes read through the set.
const LLType* RTyper::frozen_struct(const std::vector<py::object>& objs) {
  std::string key = frozen_key(objs);
  auto it = frozen_structs_.find(key);
  if (it != frozen_structs_.end()) return it->second;
  LLType* st = new_struct(fmt::format("frozen_{}", frozen_structs_.size()), {});
  frozen_structs_[key] = st;
  for (const std::string& attr : bk_.frozen_attrs[key]) {
    SV u = s_impossible();
    for (auto& o : objs) {
      Constant tmp;
      tmp.value = ConstValue::from_python(o.attr(attr.c_str()));
      u = union_of(u, bk_.annotation(&tmp));
    }
    st->fields.push_back({"f_" + attr, lltype_of(without_const(u))});
  }
  return st;
}

Constant* RTyper::typed_const(const ConstValue& c, const LLType* t) {
  Constant* k = g_->new_const(c);
  k->concretetype = t;
  // The converted value is no longer the Python object it came from.
  if (c.kind != ConstValue::Object) k->value.obj = py::object();
  if (t == Float && c.kind == ConstValue::Int) {
    k->value.kind = ConstValue::Float;
    k->value.f = (double)c.i;
  } else if (t == Float && c.kind == ConstValue::Bool) {
    k->value.kind = ConstValue::Float;
    k->value.f = c.b ? 1.0 : 0.0;
  } else if (t == Signed && c.kind == ConstValue::Bool) {
    k->value.kind = ConstValue::Int;
    k->value.i = c.b;
  }
  return k;
}

Value* RTyper::convert(Value* v, const LLType* to) {
  if (v->is_const()) {
    auto* c = static_cast<Constant*>(v);
    if (c->concretetype == to) return c;
    if (c->concretetype && c->llkind != Constant::Plain) return c;
    const ConstValue& cv = c->value;
    if (to == Void) return typed_const(cv, Void);
    if (to == BytesPtr() && cv.obj && PyBytes_CheckExact(cv.obj.ptr())) return bytes_const(cv);  // syslib
    if (is_with_unassigned(s_const(cv))) {  // syslib: a zero of the type (rpython/rlib/_with.py)
      if (to->is_ptr()) return typed_const(ConstValue{}, to);
      return typed_const(ConstValue::from_python(py::int_(0)), to);
    }
    if ((to == Signed || to == Float || to == Unsigned) && (cv.kind == ConstValue::Int || cv.kind == ConstValue::Bool))
      return typed_const(cv, to);
    if (to == Float && cv.kind == ConstValue::Float) return typed_const(cv, to);
    if (to == Bool && cv.kind == ConstValue::Bool) return typed_const(cv, to);
    if (to->is_ptr() && (cv.kind == ConstValue::None || cv.kind == ConstValue::Str)) return typed_const(cv, to);
    if (to->is_ptr() && cv.kind == ConstValue::Object && cv.obj &&
        (PyTuple_CheckExact(cv.obj.ptr()) || PyList_CheckExact(cv.obj.ptr()) || PyDict_CheckExact(cv.obj.ptr()) ||
         PyAnySet_CheckExact(cv.obj.ptr())))
      return typed_const(cv, to);
    if (to->is_ptr() && !to->item->gc && to->item->struct_name.rfind("frozen_", 0) == 0 && cv.obj)
      return typed_const(cv, to);
    if (to == VtablePtr() && cv.obj && PyType_Check(cv.obj.ptr()))
      if (ClassDef* cd = bk_.classdef_if_known(cv.obj)) return vtable_const(cd);
    if (to->is_ptr() && to->item->kind == LLType::Struct && cv.kind == ConstValue::Object && cv.obj &&
        bk_.is_prebuilt_instance(cv.obj))
      return typed_const(cv, to);
    if (to->is_ptr() && to->item->kind == LLType::Func && cv.obj) {
      FuncDesc* d = bk_.get_desc(cv.obj);
      if (d && d->graph) {
        Constant* fc = g_->new_llconst(d->graph->name, Constant::Graph, d->graph);
        fc->concretetype = to;
        return fc;
      }
    }
    unsupported(fmt::format("internal: cannot represent constant {} as {}", cv.repr(), to->name()));
  }
  const LLType* from = v->concretetype;
  if (from == to) return v;
  if (to == Void) return typed_const(ConstValue{}, Void);
  if (from == Bool && to == Signed) return gen("cast_bool_to_int", {v}, Signed);
  if ((from == Signed || from == Bool) && to == Unsigned) return gen("cast_int_to_uint", {v}, Unsigned);
  if (from == Unsigned && to == Signed) return gen("cast_uint_to_int", {v}, Signed);
  if (from == Unsigned && to == Float) return gen("cast_uint_to_float", {v}, Float);
  if (from == Bool && to == Float) return gen("cast_bool_to_float", {v}, Float);
  if (from == Signed && to == Float) return gen("cast_int_to_float", {v}, Float);
  if (from == Void && to->is_ptr() && to->item->kind == LLType::Func) {
    // One known function (e.g. narrowed by `is not None`) into a pointer.
    SV a = ann(v);
    if (a->kind == SomeValue::PBC && a->descs.size() == 1 && a->descs[0]->graph) {
      Constant* fc = g_->new_llconst(a->descs[0]->graph->name, Constant::Graph, a->descs[0]->graph);
      fc->concretetype = to;
      return fc;
    }
  }
  if (from == Void && to->is_ptr()) return typed_const(ConstValue{}, to);
  if (from && from->is_ptr() && to->is_ptr() &&
      (from->item->is_substruct_of(to->item) || to->item->is_substruct_of(from->item)))
    return gen("cast_pointer", {v}, to);
  unsupported(fmt::format("internal: cannot convert {} to {}", from ? from->name() : "?", to->name()));
}

// compute_hash(): the algorithms of rpython.rlib.objectmodel, bit for bit.
Value* RTyper::hash_of(Value* v, bool identity) {
  SV s = ann(v);
  auto K = [&](int64_t k) { return typed_const(ConstValue::from_python(py::int_(k)), Signed); };
  if (identity || s->kind == SomeValue::Instance) {
    if (s->kind != SomeValue::Instance) unsupported("identity hash of a " + s->pretty());
    return call_external("rpy_identity_hash", {convert(v, ptr_to(ObjectStruct()))});
  }
  switch (s->kind) {
    case SomeValue::Bool:
    case SomeValue::Integer: return convert(v, Signed);
    case SomeValue::None: return K(0);
    case SomeValue::String: return call_external("rpy_str_hash", {v});
    case SomeValue::Bytes: return call_external("rpy_bytes_hash", {v});
    case SomeValue::Float: return call_external("rpy_float_hash", {v});
    case SomeValue::Tuple: {
      // CPython 2's tuple hash over the items' hashes.
      const LLType* tt = convert(v, lltype_of(s))->concretetype;
      Value* tv = convert(v, tt);
      int64_t n = (int64_t)s->items.size();
      Value* x = K(0x345678);
      int64_t mult = 1000003;
      for (int64_t i = 0; i < n; ++i) {
        Variable* item = gen("getfield", {tv, g_->new_llconst(fmt::format("item{}", i), Constant::FieldName)},
                             tt->item->fields[i].second);
        item->annotation = s->items[i];
        Value* y = hash_of(item, false);
        Variable* xy = gen("int_xor", {x, y}, Signed);
        x = gen("int_mul", {xy, K(mult)}, Signed);
        mult = (int64_t)((uint64_t)mult + 82520 + (uint64_t)(n + n));
      }
      Variable* r = gen("int_add", {x, K(97531)}, Signed);
      Variable* is_m1 = gen("int_eq", {r, K(-1)}, Bool);
      return gen("int_sub", {r, gen("cast_bool_to_int", {is_m1}, Signed)}, Signed);
    }
    default: unsupported("compute_hash() of a " + s->pretty());
  }
}

// The builtin hash(): CPython's values for ints, floats and tuples of them
// (a program may print them); compute_hash's for the rest (str hashes are
// seeded per process in CPython, instances are identities).
Value* RTyper::builtin_hash_of(Value* v) {
  SV s = ann(v);
  auto K = [&](int64_t k) { return typed_const(ConstValue::from_python(py::int_(k)), Signed); };
  switch (s->kind) {
    case SomeValue::Bool:
    case SomeValue::Integer: return call_external("rpy_int_pyhash", {convert(v, Signed)});
    case SomeValue::Float: return call_external("rpy_float_pyhash", {v});
    case SomeValue::Tuple: {
      const LLType* tt = convert(v, lltype_of(s))->concretetype;
      Value* tv = convert(v, tt);
      Value* acc = K(2870177450012600261LL);
      for (size_t i = 0; i < s->items.size(); ++i) {
        Variable* item = gen("getfield", {tv, g_->new_llconst(fmt::format("item{}", i), Constant::FieldName)},
                             tt->item->fields[i].second);
        item->annotation = s->items[i];
        acc = call_external("rpy_tuple_pyhash_step", {acc, builtin_hash_of(item)});
      }
      return call_external("rpy_tuple_pyhash_finish", {acc, K((int64_t)s->items.size())});
    }
    default: return hash_of(v, false);
  }
}

// A call to a helper graph the annotator chose for this operation (and
// slot): nullptr when it chose none.
Value* RTyper::helper_call(SpaceOperation& op, int slot, std::vector<Value*> args) {
  auto it = bk_.helper_calls.find({&op, slot});
  if (it == bk_.helper_calls.end()) return nullptr;
  FunctionGraph* callee = it->second->graph;
  Constant* fn = g_->new_llconst(callee->name, Constant::Graph, callee);
  fn->concretetype = Void;
  std::vector<Value*> llargs{fn};
  for (size_t i = 0; i < args.size(); ++i) llargs.push_back(convert(args[i], callee->startblock->inputargs[i]->concretetype));
  return gen("direct_call", llargs, callee->returnblock->inputargs[0]->concretetype);
}

// a == b for two tuples of the same length: the items compared in order.
// Every item is compared (no short cut): items are values whose == has no
// effects (numbers, str, None, identity of instances without __eq__).
Value* RTyper::tuple_eq(Value* a, Value* b) {
  SV sa = ann(a), sb = ann(b);
  const LLType* ta = lltype_of(sa);
  const LLType* tb = lltype_of(sb);
  Value* va = convert(a, ta);
  Value* vb = convert(b, tb);
  Value* acc = typed_const(ConstValue::from_python(py::bool_(true)), Bool);
  for (size_t i = 0; i < sa->items.size(); ++i) {
    SV ia = sa->items[i], ib = sb->items[i];
    const LLType* fa = ta->item->fields[i].second;
    const LLType* fb = tb->item->fields[i].second;
    std::string f = fmt::format("item{}", i);
    Variable* x = fa == Void ? nullptr : gen("getfield", {va, g_->new_llconst(f, Constant::FieldName)}, fa);
    Variable* y = fb == Void ? nullptr : gen("getfield", {vb, g_->new_llconst(f, Constant::FieldName)}, fb);
    if (x) x->annotation = ia;
    if (y) y->annotation = ib;
    Value* e;
    if (ia->is_numeric() && ib->is_numeric()) {
      if (is_int_like(ia) && is_int_like(ib)) e = gen("int_eq", {convert(x, Signed), convert(y, Signed)}, Bool);
      else e = gen("float_eq", {convert(x, Float), convert(y, Float)}, Bool);
    } else if (ia->kind == SomeValue::String && ib->kind == SomeValue::String && !ia->can_be_none && !ib->can_be_none) {
      e = call_external("rpy_str_eq", {x, y});
    } else if (ia->kind == SomeValue::Bytes && ib->kind == SomeValue::Bytes && !ia->can_be_none && !ib->can_be_none) {
      e = call_external("rpy_bytes_eq", {x, y});
    } else if (ia->kind == SomeValue::Tuple && ib->kind == SomeValue::Tuple && ia->items.size() == ib->items.size()) {
      e = tuple_eq(x, y);
    } else if (ia->kind == SomeValue::Instance && ib->kind == SomeValue::Instance) {
      const LLType* base = ptr_to(ObjectStruct());
      e = gen("ptr_eq", {convert(x, base), convert(y, base)}, Bool);
    } else if (ia->kind == SomeValue::None && ib->kind == SomeValue::None) {
      continue;
    } else {
      unsupported(fmt::format("comparing tuples holding {} and {} is not supported yet", ia->pretty(), ib->pretty()));
    }
    Variable* both = gen("int_and", {gen("cast_bool_to_int", {acc}, Signed), gen("cast_bool_to_int", {e}, Signed)}, Signed);
    acc = gen("int_is_true", {both}, Bool);
  }
  return acc;
}

// a < b (or le/gt/ge) for tuples: lexicographic, the first differing item
// decides. Straight-line: every item pair is compared (the items are
// numbers and str, whose comparisons have no effects).
Value* RTyper::tuple_order(Value* a, Value* b, const std::string& cmpname) {
  SV sa = ann(a), sb = ann(b);
  const LLType* ta = lltype_of(sa);
  const LLType* tb = lltype_of(sb);
  Value* va = convert(a, ta);
  Value* vb = convert(b, tb);
  auto K = [&](bool v) { return typed_const(ConstValue::from_python(py::bool_(v)), Bool); };
  auto as_int = [&](Value* x) { return gen("cast_bool_to_int", {x}, Signed); };
  auto bool_op = [&](const char* op, Value* x, Value* y) {
    return gen("int_is_true", {gen(op, {as_int(x), as_int(y)}, Signed)}, Bool);
  };
  // Compares item i of both sides with `c` ("lt", "eq"...): a Bool.
  std::function<Value*(size_t, const std::string&)> item_cmp;
  std::vector<std::pair<Value*, Value*>> items;
  for (size_t i = 0; i < sa->items.size(); ++i) {
    std::string f = fmt::format("item{}", i);
    Variable* x = gen("getfield", {va, g_->new_llconst(f, Constant::FieldName)}, ta->item->fields[i].second);
    Variable* y = gen("getfield", {vb, g_->new_llconst(f, Constant::FieldName)}, tb->item->fields[i].second);
    x->annotation = sa->items[i];
    y->annotation = sb->items[i];
    items.push_back({x, y});
  }
  item_cmp = [&](size_t i, const std::string& c) -> Value* {
    auto [x, y] = items[i];
    SV ia = ann(x), ib = ann(y);
    if (ia->kind == SomeValue::Tuple) return c == "eq" ? tuple_eq(x, y) : tuple_order(x, y, c);
    if (ia->kind == SomeValue::String || ia->kind == SomeValue::Bytes) {
      Variable* r = call_external(ia->kind == SomeValue::String ? "rpy_str_cmp" : "rpy_bytes_cmp", {x, y});
      return gen("int_" + c, {r, typed_const(ConstValue::from_python(py::int_(0)), Signed)}, Bool);
    }
    if (is_int_like(ia) && is_int_like(ib)) return gen("int_" + c, {convert(x, Signed), convert(y, Signed)}, Bool);
    return gen("float_" + c, {convert(x, Float), convert(y, Float)}, Bool);
  };
  // From the last item back: r = x_i <op> y_i for the last one, then
  // r = x_i strict y_i or (x_i == y_i and r).
  std::string strict = cmpname == "lt" || cmpname == "le" ? "lt" : "gt";
  if (items.empty()) return K(cmpname == "le" || cmpname == "ge");
  Value* r = item_cmp(items.size() - 1, cmpname);
  for (size_t k = items.size() - 1; k-- > 0;)
    r = bool_op("int_or", item_cmp(k, strict), bool_op("int_and", item_cmp(k, "eq"), r));
  return r;
}

// The truth of a low-level value (a special method's result).
Value* RTyper::to_bool_value(Value* v) {
  const LLType* t = v->concretetype;
  if (t == Bool) return v;
  // A special method that never returns (it always raises): any value will do.
  if (t == Void) return typed_const(ConstValue::from_python(py::bool_(false)), Bool);
  if (t == Signed) return gen("int_is_true", {v}, Bool);
  if (t == Float) return gen("float_is_true", {v}, Bool);
  if (t && t->is_ptr()) return gen("ptr_nonzero", {v}, Bool);
  unsupported("truth value of a " + (t ? t->name() : std::string("?")));
}

Value* RTyper::to_bool(Value* v) {
  SV s = ann(v);
  if (s->const_ && s->kind != SomeValue::PBC) return typed_const(ConstValue::from_python(py::bool_(s->const_->truth())), Bool);
  switch (s->kind) {
    case SomeValue::Bool: return convert(v, Bool);
    case SomeValue::Integer:
      if (s->unsigned_) return gen("int_is_true", {gen("cast_uint_to_int", {v}, Signed)}, Bool);
      return gen("int_is_true", {convert(v, Signed)}, Bool);
    case SomeValue::Float: return gen("float_is_true", {v}, Bool);
    case SomeValue::None: return typed_const(ConstValue::from_python(py::bool_(false)), Bool);
    case SomeValue::Bytes:  // syslib
    case SomeValue::ByteArray:
    case SomeValue::String: {
      if (s->can_be_none)
        return call_external(s->kind == SomeValue::String ? "rpy_str_nonempty"
                             : s->kind == SomeValue::Bytes ? "rpy_bytes_nonempty"
                                                           : "rpy_bytearray_nonempty",
                             {v});
      Variable* len = gen("getfield", {v, g_->new_llconst("length", Constant::FieldName)}, Signed);
      return gen("int_is_true", {len}, Bool);
    }
    case SomeValue::Tuple: return typed_const(ConstValue::from_python(py::bool_(!s->items.empty())), Bool);
    case SomeValue::List: return gen("int_is_true", {list_len(v)}, Bool);
    case SomeValue::Dict: {
      if (s->can_be_none) return gen("ptr_nonzero", {v}, Bool);
      Variable* len = gen("getfield", {v, g_->new_llconst("num_items", Constant::FieldName)}, Signed);
      return gen("int_is_true", {len}, Bool);
    }
    case SomeValue::PBC:
      if (s->can_be_none && !s->descs.empty()) return gen("ptr_nonzero", {v}, Bool);  // a function or None
      return typed_const(ConstValue::from_python(py::bool_(true)), Bool);
    case SomeValue::Instance:
    case SomeValue::WeakRef:
      if (!s->can_be_none) return typed_const(ConstValue::from_python(py::bool_(true)), Bool);
      return gen("ptr_nonzero", {v}, Bool);
    default: unsupported("truth value of " + s->str() + " is not supported");
  }
}

Value* RTyper::to_str(Value* v) {
  SV s = ann(v);
  switch (s->kind) {
    case SomeValue::Bool: return call_external("rpy_bool2str", {v});
    case SomeValue::Integer:
      if (s->unsigned_) return call_external("rpy_uint2str", {convert(v, Unsigned)});
      return call_external("rpy_int2str", {v});
    case SomeValue::Float: return call_external("rpy_float2str", {v});
    case SomeValue::None: {
      ConstValue c;
      c.kind = ConstValue::Str;
      c.s = "None";
      return typed_const(c, StrPtr());
    }
    case SomeValue::String:
      if (s->can_be_none) return call_external("rpy_str_or_none", {convert(v, StrPtr())});
      return convert(v, StrPtr());
    case SomeValue::Bytes:  // syslib: str(b) is repr(b)
      if (s->can_be_none) unsupported("str() of a bytes that may be None is not supported yet");
      return call_external("rpy_bytes_repr", {v});
    case SomeValue::ByteArray:
      if (s->can_be_none) unsupported("str() of a bytearray that may be None is not supported yet");
      return call_external("rpy_bytearray_repr", {v});
    case SomeValue::Instance:
      if (s->classdef->root()->builtin_exception) return call_external("rpy_exc_str", {v});
      unsupported("str() of " + s->str() + " is not supported yet");
    default: unsupported("str() of " + s->str() + " is not supported yet");
  }
}

void RTyper::rtype_op(SpaceOperation& op) {
  const std::string name = op.opname.rfind("inplace_", 0) == 0 ? op.opname.substr(8) : op.opname;
  Variable* res = op.result;
  auto A = [&](size_t i) { return ann(op.args[i]); };
  cur_op_ = &op;
  if (auto it = bk_.helper_args.find(&op); it != bk_.helper_args.end()) {
    // Done by a helper of rpython/rlib/_listops.py or _listsort.py.
    std::vector<Value*> vals;
    for (const HelperArg& h : it->second) vals.push_back(h.index >= 0 ? op.args[h.index] : g_->new_const(h.c));
    Value* r = helper_call(op, kOpHelperSlot, vals);
    if (res->concretetype != Void) gen("same_as", {convert(r, res->concretetype)}, res->concretetype, res);
    return;
  }
  if (rtype_bytes_op(op)) return;  // syslib: bytes, str.encode (rtyper/rmodules.cpp)
  if (name == "getitem" || name == "setitem" || name == "delitem" || name == "contains" || name == "eq" ||
      name == "ne" || name == "bool" || name == "not_" || name == "lt" || name == "le" || name == "gt" ||
      name == "ge") {
    std::vector<Value*> rest(op.args.begin() + 1, op.args.end());
    if (Value* r = special_call(op, 0, op.args[0], rest)) {
      auto it = bk_.special_calls.find({&op, 0});
      const std::string& m = it->second->method_name;
      if (name == "getitem") {
        if (res->concretetype != Void) gen("same_as", {convert(r, res->concretetype)}, res->concretetype, res);
      } else if (name == "contains" || name == "eq" || (name == "ne" && m == "__ne__") || name == "lt" ||
                 name == "le" || name == "gt" || name == "ge") {
        gen("same_as", {to_bool_value(r)}, Bool, res);
      } else if (name == "ne") {
        gen("bool_not", {to_bool_value(r)}, Bool, res);
      } else if (name == "bool" || name == "not_") {
        Value* t = to_bool_value(r);
        gen(name == "bool" ? "same_as" : "bool_not", {t}, Bool, res);
      }
      return;
    }
  }

  if (rtype_dict_op(op)) return;
  if (name == "fmt_arg") {
    SV a = A(0);
    if (a->kind == SomeValue::Tuple) {
      int64_t k = A(1)->const_->i;
      const LLType* tt = lltype_of(a);
      Value* tv = convert(op.args[0], tt);
      Variable* v = gen("getfield", {tv, g_->new_llconst(fmt::format("item{}", k), Constant::FieldName)},
                        tt->item->fields[k].second);
      gen("same_as", {convert(v, res->concretetype)}, res->concretetype, res);
    } else {
      gen("same_as", {convert(op.args[0], res->concretetype)}, res->concretetype, res);
    }
    return;
  }
  if (name == "fmt_noargs") return;  // checked statically by the annotator
  if (name == "fmt_bytes") {
    gen("same_as", {as_bytes(op.args[0])}, BytesPtr(), res);
    return;
  }
  if (name == "fmt_mapping") {
    gen("same_as", {convert(op.args[0], res->concretetype)}, res->concretetype, res);
    return;
  }
  if (name == "fmt_int") {
    if (A(0)->kind == SomeValue::Float) call_external("rpy_float2int", {op.args[0]}, res);
    else gen("same_as", {convert(op.args[0], res->concretetype)}, res->concretetype, res);  // Unsigned for an r_uint
    return;
  }
  if (name == "fmt_float") {
    gen("same_as", {convert(op.args[0], Float)}, Float, res);
    return;
  }
  if (name == "fmt_char") {
    if (A(0)->kind == SomeValue::String) gen("same_as", {op.args[0]}, StrPtr(), res);
    else call_external("rpy_chr", {convert(op.args[0], Signed)}, res);
    return;
  }
  if ((name == "eq" || name == "ne") && A(0)->kind == SomeValue::Instance && A(1)->kind == SomeValue::Instance) {
    // No __eq__ (the special call above took those): identity.
    const LLType* base = ptr_to(ObjectStruct());
    gen(name == "eq" ? "ptr_eq" : "ptr_ne", {convert(op.args[0], base), convert(op.args[1], base)}, Bool, res);
    return;
  }
  static const std::map<std::string, std::string> arith = {
      {"add", "add"}, {"sub", "sub"}, {"mul", "mul"}, {"and_", "and"}, {"or_", "or"}, {"xor", "xor"}};
  static const std::map<std::string, std::string> cmp = {
      {"lt", "lt"}, {"le", "le"}, {"eq", "eq"}, {"ne", "ne"}, {"gt", "gt"}, {"ge", "ge"}};

  if (name == "add" && A(0)->kind == SomeValue::String) {
    call_external("rpy_str_concat", {op.args[0], op.args[1]}, res);
    return;
  }
  if (name == "mul" && (A(0)->kind == SomeValue::String || A(1)->kind == SomeValue::String)) {
    bool left = A(0)->kind == SomeValue::String;
    call_external("rpy_str_mul", {op.args[left ? 0 : 1], convert(op.args[left ? 1 : 0], Signed)}, res);
    return;
  }
  if (name == "newlist") {
    const LLType* lt = res->concretetype;
    const LLType* at = list_array_type(lt);
    Constant* atype = g_->new_llconst(at->item->struct_name, Constant::Plain);
    Value* n = typed_const(ConstValue::from_python(py::int_(op.args.size())), Signed);
    Variable* arr = gen("malloc_varsize", {atype, n}, at, at == lt ? res : nullptr);
    if (at != lt) {
      Constant* ctype = g_->new_llconst(lt->item->struct_name, Constant::Plain);
      // The header is allocated after the array: the array is a live ref
      // across that allocation, which the GC transform roots.
      Variable* l = gen("malloc", {ctype}, lt, res);
      gen("setfield", {l, g_->new_llconst("length", Constant::FieldName), n}, Void);
      gen("setfield", {l, g_->new_llconst("items", Constant::FieldName), arr}, Void);
    }
    for (size_t i = 0; i < op.args.size(); ++i)
      gen("setarrayitem", {arr, typed_const(ConstValue::from_python(py::int_(i)), Signed),
                           convert(op.args[i], at->item->item)},
          Void);
    return;
  }
  if (name == "setitem" && A(0)->kind == SomeValue::List) {
    Value* lst = op.args[0];
    const LLType* at = list_array_type(lst->concretetype);
    Variable* idx = gen("int_index_check_set", {convert(op.args[1], Signed), list_len(lst)}, Signed);
    Value* items = list_items(lst);
    gen("setarrayitem", {items, idx, convert(op.args[2], at->item->item)}, Void,
        res->concretetype == Void ? res : nullptr);
    return;
  }
  if (name == "getattr" && (A(0)->kind == SomeValue::List || A(0)->kind == SomeValue::Tuple)) {
    // a bound list (or tuple) method: the list itself
    gen("same_as", {op.args[0]}, op.args[0]->concretetype, res);
    return;
  }
  if (name == "getslice" && A(0)->kind == SomeValue::Tuple) {  // constant bounds (annotator)
    std::vector<size_t> idx;
    std::string err;
    const_slice_indexes(A(1), A(2), A(3), A(0)->items.size(), &idx, &err);
    const LLType* src = op.args[0]->concretetype;
    const LLType* t = res->concretetype;
    Constant* ctype = g_->new_llconst(t->item->struct_name, Constant::Plain);
    ctype->concretetype = Void;
    gen("malloc", {ctype}, t, res);
    for (size_t k = 0; k < idx.size(); ++k) {
      Variable* item = gen("getfield", {op.args[0], g_->new_llconst(fmt::format("item{}", idx[k]), Constant::FieldName)},
                           src->item->fields[idx[k]].second);
      const LLType* ft = t->item->fields[k].second;
      gen("setfield", {res, g_->new_llconst(fmt::format("item{}", k), Constant::FieldName), convert(item, ft)}, Void);
    }
    return;
  }
  if (name == "getslice") {
    auto bound = [&](Value* v, int64_t dflt) -> Value* {
      if (ann(v)->kind == SomeValue::None) return typed_const(ConstValue::from_python(py::int_(dflt)), Signed);
      return convert(v, Signed);
    };
    if (ann(op.args[3])->kind == SomeValue::None) {
      call_external("rpy_str_slice", {op.args[0], bound(op.args[1], INT64_MIN), bound(op.args[2], INT64_MAX)}, res);
    } else {
      // Omitted bounds with a step: start is (step < 0 ? END : 0) and stop
      // (step < 0 ? BEGIN : END), as CPython substitutes for None.
      Value* step = convert(op.args[3], Signed);
      Value* neg = gen("cast_bool_to_int", {gen("int_lt", {step, typed_const(ConstValue::from_python(py::int_(0)), Signed)}, Bool)}, Signed);
      Value* start = ann(op.args[1])->kind == SomeValue::None
                         ? gen("int_mul", {neg, typed_const(ConstValue::from_python(py::int_(INT64_MAX)), Signed)}, Signed)
                         : convert(op.args[1], Signed);
      Value* stop = ann(op.args[2])->kind == SomeValue::None
                        ? gen("int_add", {typed_const(ConstValue::from_python(py::int_(INT64_MAX)), Signed), neg}, Signed)
                        : convert(op.args[2], Signed);
      call_external("rpy_str_slice_step", {op.args[0], start, stop, step}, res);
    }
    return;
  }
  if (name == "contains" && A(0)->kind == SomeValue::String) {
    call_external("rpy_str_contains", {op.args[0], op.args[1]}, res);
    return;
  }
  if (name == "getitem" && A(0)->kind == SomeValue::String) {
    call_external("rpy_str_getitem", {op.args[0], convert(op.args[1], Signed)}, res);
    return;
  }
  if (name == "getattr" && A(0)->kind == SomeValue::String) {  // a bound str method: the str itself
    gen("same_as", {op.args[0]}, StrPtr(), res);
    return;
  }
  if (name == "getattr" && A(0)->is_numeric()) {  // int.bit_length, float.is_integer: the number itself
    gen("same_as", {convert(op.args[0], res->concretetype)}, res->concretetype, res);
    return;
  }
  bool ints = is_int_like(A(0)) && (op.args.size() < 2 || is_int_like(A(1)));
  bool uints = ints && (A(0)->unsigned_ || (op.args.size() >= 2 && A(1)->unsigned_));
  if (uints) {
    // r_uint: unsigned machine arithmetic; the other operand converts.
    static const std::map<std::string, std::string> u = {
        {"add", "uint_add"}, {"sub", "uint_sub"}, {"mul", "uint_mul"}, {"and_", "uint_and"}, {"or_", "uint_or"},
        {"xor", "uint_xor"}, {"floordiv", "uint_floordiv_zer"}, {"mod", "uint_mod_zer"}, {"lshift", "uint_lshift_val"},
        {"rshift", "uint_rshift_val"}, {"lt", "uint_lt"}, {"le", "uint_le"}, {"eq", "uint_eq"}, {"ne", "uint_ne"},
        {"gt", "uint_gt"}, {"ge", "uint_ge"}};
    if (auto it = u.find(name); it != u.end()) {
      bool shift = name == "lshift" || name == "rshift";
      Value* a = convert(op.args[0], Unsigned);
      Value* b = shift ? convert(op.args[1], Signed) : convert(op.args[1], Unsigned);
      bool cmp = name == "lt" || name == "le" || name == "eq" || name == "ne" || name == "gt" || name == "ge";
      gen(it->second, {a, b}, cmp ? Bool : Unsigned, res);
      return;
    }
    if (name == "neg" || name == "invert") {
      gen(name == "neg" ? "uint_neg" : "uint_invert", {convert(op.args[0], Unsigned)}, Unsigned, res);
      return;
    }
    if (name == "pos") {
      gen("same_as", {convert(op.args[0], Unsigned)}, Unsigned, res);
      return;
    }
    if (name == "truediv") {
      gen("float_truediv_zer", {convert(op.args[0], Float), convert(op.args[1], Float)}, Float, res);
      return;
    }
  }
  if (arith.count(name)) {
    if (ints) {
      Variable* r = gen("int_" + arith.at(name), {convert(op.args[0], Signed), convert(op.args[1], Signed)}, Signed,
                        res->concretetype == Signed ? res : nullptr);
      if (res->concretetype == Bool) gen("int_is_true", {r}, Bool, res);
    } else {
      gen("float_" + arith.at(name), {convert(op.args[0], Float), convert(op.args[1], Float)}, Float, res);
    }
    return;
  }
  if (name == "truediv") {
    if (ints) gen("int_truediv_zer", {convert(op.args[0], Signed), convert(op.args[1], Signed)}, Float, res);
    else gen("float_truediv_zer", {convert(op.args[0], Float), convert(op.args[1], Float)}, Float, res);
    return;
  }
  if (name == "floordiv" || name == "mod") {
    if (ints) {
      SV d = A(1);
      bool nonzero = d->const_ && d->const_->kind == ConstValue::Int && d->const_->i != 0;
      gen("int_" + name + (nonzero ? "" : "_zer"), {convert(op.args[0], Signed), convert(op.args[1], Signed)},
          Signed, res);
    } else {
      gen("float_" + name + "_zer", {convert(op.args[0], Float), convert(op.args[1], Float)}, Float, res);
    }
    return;
  }
  if (name == "pow") {
    if (ints) call_external("rpy_int_pow", {op.args[0], op.args[1]}, res);
    else call_external("rpy_float_pow", {op.args[0], op.args[1]}, res);
    return;
  }
  if (name == "lshift" || name == "rshift") {
    // Non-negative tracking assumes no wrap-around: the count is checked.
    bool nonneg = A(1)->const_ && A(1)->const_->kind == ConstValue::Int && A(1)->const_->i >= 0;
    gen("int_" + name + (nonneg ? "" : "_val"), {convert(op.args[0], Signed), convert(op.args[1], Signed)}, Signed,
        res);
    return;
  }
  if (cmp.count(name)) {
    SV a = A(0), b = A(1);
    if (a->is_numeric() && b->is_numeric()) {
      if (is_int_like(a) && is_int_like(b))
        gen("int_" + cmp.at(name), {convert(op.args[0], Signed), convert(op.args[1], Signed)}, Bool, res);
      else
        gen("float_" + cmp.at(name), {convert(op.args[0], Float), convert(op.args[1], Float)}, Bool, res);
      return;
    }
    if (a->kind == SomeValue::String && b->kind == SomeValue::String && name != "eq" && name != "ne") {
      Variable* c = call_external("rpy_str_cmp", {op.args[0], op.args[1]});
      gen("int_" + cmp.at(name), {c, typed_const(ConstValue::from_python(py::int_(0)), Signed)}, Bool, res);
      return;
    }
    if (a->kind == SomeValue::String && b->kind == SomeValue::String && (name == "eq" || name == "ne")) {
      // rpy_str_eq takes None on either side (equal only to None).
      if (name == "eq") call_external("rpy_str_eq", {op.args[0], op.args[1]}, res);
      else gen("bool_not", {call_external("rpy_str_eq", {op.args[0], op.args[1]})}, Bool, res);
      return;
    }
    if ((name == "eq" || name == "ne") && a->kind == SomeValue::Instance && b->kind == SomeValue::Instance) {
      gen(name == "eq" ? "ptr_eq" : "ptr_ne", {op.args[0], op.args[1]}, Bool, res);
      return;
    }
    if ((name == "eq" || name == "ne") && a->kind == SomeValue::Tuple && b->kind == SomeValue::Tuple) {
      Value* r = tuple_eq(op.args[0], op.args[1]);
      gen(name == "eq" ? "same_as" : "bool_not", {r}, Bool, res);
      return;
    }
    if (a->kind == SomeValue::Tuple && b->kind == SomeValue::Tuple) {
      gen("same_as", {tuple_order(op.args[0], op.args[1], name)}, Bool, res);
      return;
    }
    if (name == "eq" || name == "ne") {
      if (a->kind == SomeValue::None || b->kind == SomeValue::None) {
        Value* other = a->kind == SomeValue::None ? op.args[1] : op.args[0];
        SV os = a->kind == SomeValue::None ? b : a;
        if (os->kind == SomeValue::None) {
          gen("same_as", {typed_const(ConstValue::from_python(py::bool_(name == "eq")), Bool)}, Bool, res);
        } else if (lltype_of(os)->is_ptr()) {
          gen(name == "eq" ? "ptr_iszero" : "ptr_nonzero", {other}, Bool, res);
        } else {
          gen("same_as", {typed_const(ConstValue::from_python(py::bool_(name == "ne")), Bool)}, Bool, res);
        }
        return;
      }
    }
    unsupported(fmt::format("comparison {} between {} and {} is not supported yet", name, a->str(), b->str()));
  }
  if (name == "is_" || name == "is_not") {
    const LLType* ta = lltype_of(A(0));
    const LLType* tb = lltype_of(A(1));
    bool eq = name == "is_";
    if (ta == Void && tb == Void) {
      bool same = A(0)->kind == A(1)->kind && A(0)->const_ && A(1)->const_ && A(0)->const_->same(*A(1)->const_);
      gen("same_as", {typed_const(ConstValue::from_python(py::bool_(same == eq)), Bool)}, Bool, res);
    } else if ((ta == VtablePtr() && tb == Void && !A(1)->classdefs.empty()) ||
               (tb == VtablePtr() && ta == Void && !A(0)->classdefs.empty())) {
      // type(x) is C: the vtables compare.
      gen(eq ? "ptr_eq" : "ptr_ne", {convert(op.args[0], VtablePtr()), convert(op.args[1], VtablePtr())}, Bool, res);
    } else if (ta->is_ptr() && tb == Void && !A(0)->frozen.empty() && A(1)->kind == SomeValue::PBC) {
      gen(eq ? "ptr_eq" : "ptr_ne", {op.args[0], convert(op.args[1], ta)}, Bool, res);
    } else if (tb->is_ptr() && ta == Void && !A(1)->frozen.empty() && A(0)->kind == SomeValue::PBC) {
      gen(eq ? "ptr_eq" : "ptr_ne", {convert(op.args[0], tb), op.args[1]}, Bool, res);
    } else if (ta->is_ptr() && tb == Void) {
      gen(eq ? "ptr_iszero" : "ptr_nonzero", {op.args[0]}, Bool, res);
    } else if (tb->is_ptr() && ta == Void) {
      gen(eq ? "ptr_iszero" : "ptr_nonzero", {op.args[1]}, Bool, res);
    } else if (ta->is_ptr() && tb->is_ptr()) {
      gen(eq ? "ptr_eq" : "ptr_ne", {op.args[0], op.args[1]}, Bool, res);
    } else if (ta == Void || tb == Void) {
      // None against a number or bool: never the same object.
      gen("same_as", {typed_const(ConstValue::from_python(py::bool_(!eq)), Bool)}, Bool, res);
    } else {
      unsupported("'is' between " + A(0)->str() + " and " + A(1)->str() + " is not supported: use ==");
    }
    return;
  }
  if (name == "bool") {
    Value* b = to_bool(op.args[0]);
    gen("same_as", {b}, Bool, res);
    return;
  }
  if (name == "not_") {
    gen("bool_not", {to_bool(op.args[0])}, Bool, res);
    return;
  }
  if (name == "neg" || name == "pos" || name == "invert") {
    if (is_int_like(A(0))) {
      Value* x = convert(op.args[0], Signed);
      if (name == "pos") gen("same_as", {x}, Signed, res);
      else gen(name == "neg" ? "int_neg" : "int_invert", {x}, Signed, res);
    } else {
      if (name == "pos") gen("same_as", {op.args[0]}, Float, res);
      else gen("float_neg", {op.args[0]}, Float, res);
    }
    return;
  }
  if (name == "newtuple") {
    const LLType* t = res->concretetype;
    Constant* ctype = g_->new_llconst(t->item->struct_name, Constant::Plain);
    ctype->concretetype = Void;
    gen("malloc", {ctype}, t, res);
    for (size_t i = 0; i < op.args.size(); ++i) {
      const LLType* ft = t->item->fields[i].second;
      gen("setfield", {res, g_->new_llconst(fmt::format("item{}", i), Constant::FieldName), convert(op.args[i], ft)},
          Void);
    }
    return;
  }
  if (name == "getitem") {
    SV a = A(0);
    if (a->kind == SomeValue::Tuple) {
      int64_t k = A(1)->const_->i;
      if (k < 0) k += (int64_t)a->items.size();
      const LLType* tt = lltype_of(a);
      if (tt == Void) {  // unreachable in practice: tuples are pointers
        unsupported("internal: tuple without representation");
      }
      gen("getfield", {op.args[0], g_->new_llconst(fmt::format("item{}", k), Constant::FieldName)},
          tt->item->fields[k].second, res);
      return;
    }
    if (a->kind == SomeValue::List) {
      Value* lst = op.args[0];
      Variable* idx = gen("int_index_check", {convert(op.args[1], Signed), list_len(lst)}, Signed);
      gen("getarrayitem", {list_items(lst), idx}, res->concretetype, res);
      return;
    }
    unsupported("getitem on " + a->str() + " is not supported yet");
  }
  if (name == "unpack_check" || name == "int_check") return;  // checked statically by the annotator
  if (name == "add_ovf" || name == "sub_ovf" || name == "mul_ovf" || name == "lshift_ovf") {
    gen("int_" + name, {convert(op.args[0], Signed), convert(op.args[1], Signed)}, Signed, res);
    return;
  }
  if (name == "neg_ovf") {
    gen("int_neg_ovf", {convert(op.args[0], Signed)}, Signed, res);
    return;
  }
  // ovfcheck(x // y): only -maxint-1 // -1 overflows. ovfcheck(x % y) never
  // does (that case is 0), as rarithmetic.ovfcheck decides untranslated.
  if (name == "floordiv_ovf" || name == "mod_ovf") {
    gen(name == "floordiv_ovf" ? "int_floordiv_ovf_zer" : "int_mod_zer",
        {convert(op.args[0], Signed), convert(op.args[1], Signed)}, Signed, res);
    return;
  }
  if (name == "hash" || name == "identity_hash") {
    gen("same_as", {hash_of(op.args[0], name == "identity_hash")}, Signed, res);
    return;
  }
  if (name == "intmask") {
    gen("same_as", {convert(op.args[0], Signed)}, Signed, res);
    return;
  }
  if (name == "cast_uint" || name == "widen") {
    gen("same_as", {convert(op.args[0], res->concretetype)}, res->concretetype, res);
    return;
  }
  if (name == "instantiate") {
    rtype_instantiate(op, A(0)->const_->obj, {}, {}, /*call_init=*/false);
    return;
  }
  if (name == "type_of") {
    gen("getfield", {op.args[0], g_->new_llconst("typeptr", Constant::FieldName)}, VtablePtr(), res);
    return;
  }
  if (name == "exc_match") {
    SV r = ann(res);
    if (r->const_) gen("same_as", {typed_const(*r->const_, Bool)}, Bool, res);
    else rtype_isinstance(op.args[0], A(1), res);
    return;
  }
  if (name == "exception_init") {
    set_exception_args(op.args[0], ann(op.args[0])->classdef, std::vector<Value*>(op.args.begin() + 1, op.args.end()));
    return;
  }
  if (name == "range_len") {
    gen("int_range_len", {convert(op.args[0], Signed), convert(op.args[1], Signed), convert(op.args[2], Signed)},
        Signed, res);
    return;
  }
  if (name == "range_check_step") {
    gen("range_check_step", {convert(op.args[0], Signed)}, Void, res);
    return;
  }
  if (name == "simple_call" || name == "call_kw") {
    rtype_call(op);
    return;
  }
  if (name == "getattr" && A(0)->kind == SomeValue::PBC && !A(0)->frozen.empty()) {
    const std::string& attr = static_cast<Constant*>(op.args[1])->value.s;
    const LLType* pt = lltype_of(A(0));
    const LLType* ft = pt->item->field_type("f_" + attr);
    if (ft == Void) {
      SV r = ann(res);
      if (res->concretetype != Void && r->const_)
        gen("same_as", {convert(g_->new_const(*r->const_), res->concretetype)}, res->concretetype, res);
      return;
    }
    Variable* v = gen("getfield", {convert(op.args[0], pt), g_->new_llconst("f_" + attr, Constant::FieldName)}, ft);
    gen("same_as", {convert(v, res->concretetype)}, res->concretetype, res);
    return;
  }
  if (name == "getattr" && A(0)->kind == SomeValue::PBC) {
    SV r = ann(res);
    if (!r->const_) unsupported("attribute of a prebuilt object that is not a constant");
    if (res->concretetype != Void) gen("same_as", {convert(g_->new_const(*r->const_), res->concretetype)}, res->concretetype, res);
    return;
  }
  if (name == "getattr" && A(0)->kind == SomeValue::Class) {  // __name__ (the annotator allows no other)
    Variable* qual = gen("getfield", {op.args[0], g_->new_llconst("name", Constant::FieldName)}, StrPtr());
    // The vtable holds the qualified name (what an uncaught exception
    // prints); a nested class's __name__ is its last part.
    bool nested = false;
    for (ClassDef* c : A(0)->classdef->subtree())
      if (c->cls.attr("__qualname__").cast<std::string>() != c->cls.attr("__name__").cast<std::string>()) nested = true;
    if (!nested) {
      gen("same_as", {qual}, StrPtr(), res);
      return;
    }
    Constant* big = typed_const(ConstValue::from_python(py::int_(INT64_MAX)), Signed);
    Variable* dot = call_external("rpy_str_rfind", {qual, g_->new_const_str("."), typed_const(ConstValue::from_python(py::int_(0)), Signed), big});
    Variable* start = gen("int_add", {dot, typed_const(ConstValue::from_python(py::int_(1)), Signed)}, Signed);
    call_external("rpy_str_slice", {qual, start, big}, res);
    return;
  }
  if (name == "getattr" && A(0)->kind == SomeValue::Instance) {
    rtype_getattr_instance(op);
    return;
  }
  if (name == "setattr") {
    rtype_setattr_instance(op);
    return;
  }
  unsupported("operation '" + op.opname + "' cannot be translated yet");
}

void RTyper::rtype_call(SpaceOperation& op) {
  SV f = ann(op.args[0]);
  std::vector<Value*> args(op.args.begin() + 1, op.args.end());
  std::vector<std::string> kwnames;
  if (op.opname == "call_kw") {
    py::tuple kw = static_cast<Constant*>(args[0])->value.obj;
    for (auto k : kw) kwnames.push_back(k.cast<std::string>());
    args.erase(args.begin());
  }
  if (f->kind == SomeValue::PBC && !f->method_name.empty() && f->bound_self &&
      f->bound_self->kind == SomeValue::Dict) {
    rtype_dict_method(op, f, args);
    return;
  }
  if (f->kind == SomeValue::PBC && !f->method_name.empty() && f->bound_self &&
      f->bound_self->kind == SomeValue::List) {
    Value* lst = op.args[0];
    const LLType* item = list_array_type(lst->concretetype)->item->item;
    const std::string& m = f->method_name;
    // append and pop() (the other methods are helpers): placeholders that
    // expand_list_ops lowers once the graph is rtyped.
    if (m == "append") {
      gen("list_append", {lst, convert(args[0], item)}, Void);
    } else {
      Variable* r = gen("list_pop_last", {lst}, item);
      if (op.result->concretetype != Void) gen("same_as", {convert(r, op.result->concretetype)}, op.result->concretetype, op.result);
    }
    return;
  }
  if (f->kind == SomeValue::PBC && !f->method_name.empty() && f->bound_self &&
      f->bound_self->kind == SomeValue::String) {
    const StrMethod* m = str_method(f->method_name);
    if (!kwnames.empty()) {  // in parameter order (the annotator checked the names)
      std::string err;
      std::vector<Value*> ordered;
      for (int i : str_method_arg_order(*m, args.size() - kwnames.size(), kwnames, &err))
        ordered.push_back(i >= 0 ? args[(size_t)i] : nullptr);
      args = std::move(ordered);
    }
    std::vector<Value*> llargs{op.args[0]};
    for (size_t i = 0; i < m->params.size(); ++i) {
      auto [kind, dflt] = m->params[i];
      if (i < args.size() && args[i]) {
        SV a = ann(args[i]);
        if (kind == 'B') llargs.push_back(to_bool(args[i]));
        else if (kind == 'i') llargs.push_back(convert(args[i], Signed));
        else if (a->kind == SomeValue::None) llargs.push_back(typed_const(ConstValue{}, StrPtr()));
        else if (kind == 'L' && a->kind == SomeValue::List && a->listdef->find()->item->kind == SomeValue::Impossible) {
          // A list nothing ever stores into is empty: sep.join([]) is "".
          ConstValue empty;
          empty.kind = ConstValue::Str;
          gen("same_as", {convert(typed_const(empty, StrPtr()), op.result->concretetype)}, op.result->concretetype,
              op.result);
          return;
        }
        else llargs.push_back(args[i]);
        continue;
      }
      if (kind == 'B') {
        llargs.push_back(typed_const(ConstValue::from_python(py::bool_(dflt == "1")), Bool));
      } else if (kind == 'i') {
        int64_t v = dflt == "b" ? INT64_MIN : dflt == "e" ? INT64_MAX : std::stoll(dflt);
        if (dflt == "b") v = 0;
        llargs.push_back(typed_const(ConstValue::from_python(py::int_(v)), Signed));
      } else if (dflt.empty()) {
        llargs.push_back(typed_const(ConstValue{}, StrPtr()));
      } else {
        ConstValue c;
        c.kind = ConstValue::Str;
        c.s = dflt;
        llargs.push_back(typed_const(c, StrPtr()));
      }
    }
    Variable* r = call_external(m->runtime, llargs);
    gen("same_as", {convert(r, op.result->concretetype)}, op.result->concretetype, op.result);
    return;
  }
  if (f->kind == SomeValue::PBC && !f->method_name.empty()) {
    rtype_method_call(op, f, args, kwnames);
    return;
  }
  if (f->kind == SomeValue::Class) {
    rtype_class_call(op, f, args, kwnames);
    return;
  }
  if (f->kind == SomeValue::Instance) {  // __call__
    auto it = bk_.special_calls.find({&op, 0});
    if (it == bk_.special_calls.end()) unsupported("calling an instance without __call__");
    Value* r = call_method(it->second, op.args[0], args, kwnames, nullptr);
    if (op.result->concretetype != Void)
      gen("same_as", {convert(r, op.result->concretetype)}, op.result->concretetype, op.result);
    return;
  }
  if (f->kind == SomeValue::PBC && (f->descs.size() > 1 || (f->descs.size() == 1 && f->can_be_none))) {
    // Through a function pointer: the arguments are bound once for all the
    // functions, so they must agree on parameters and on the defaults used.
    FuncDesc* d0 = f->descs[0];
    CallShape shape{args.size() - kwnames.size(), kwnames};
    std::vector<int> binding = bind_call_args(*d0, shape, op.pos);
    for (FuncDesc* d : f->descs) {
      if (d->argnames != d0->argnames)
        unsupported(fmt::format("the functions called here ({} and {}) must have the same parameter names", d0->name,
                                d->name));
      for (int k : binding) {
        if (k >= 0) continue;
        size_t di = (size_t)(-1 - k);
        size_t idx0 = d0->argnames.size() - d0->defaults.size() + di;
        size_t dd = idx0 - (d->argnames.size() - d->defaults.size());
        if (idx0 < d->argnames.size() - d->defaults.size() || !d->defaults[dd].equal(d0->defaults[di]))
          unsupported(fmt::format("the functions called here ({} and {}) have different defaults for '{}'",
                                  d0->name, d->name, d0->argnames[idx0]));
      }
    }
    Value* fn = convert(op.args[0], lltype_of(f));
    std::vector<Value*> llargs{fn};
    FunctionGraph* g0 = d0->graph;
    for (size_t i = 0; i < binding.size(); ++i) {
      const LLType* want = g0->startblock->inputargs[i]->concretetype;
      Value* a = binding[i] >= 0 ? args[binding[i]]
                                 : static_cast<Value*>(g_->new_const(ConstValue::from_python(d0->defaults[-1 - binding[i]])));
      llargs.push_back(convert(a, want));
    }
    const LLType* rt = g0->returnblock->inputargs[0]->concretetype;
    Variable* r = gen("indirect_call", llargs, rt, rt == op.result->concretetype ? op.result : nullptr);
    if (r != op.result && op.result->concretetype != Void)
      gen("same_as", {convert(r, op.result->concretetype)}, op.result->concretetype, op.result);
    return;
  }
  if (auto m = bk_.memo_result.find(&op); m != bk_.memo_result.end()) {
    if (op.result->concretetype != Void)
      gen("same_as", {convert(g_->new_const(ConstValue::from_python(m->second)), op.result->concretetype)},
          op.result->concretetype, op.result);
    return;
  }
  if (f->kind == SomeValue::PBC && f->descs.size() == 1) {
    FuncDesc* d = f->descs[0];
    if (auto t = bk_.call_target.find(&op); t != bk_.call_target.end()) d = t->second;
    CallShape shape{args.size() - kwnames.size(), kwnames};
    std::vector<int> binding = bind_call_args(*d, shape, op.pos);
    FunctionGraph* callee = d->graph;
    std::vector<Value*> llargs;
    Constant* fn = g_->new_llconst(callee->name, Constant::Graph, callee);
    fn->concretetype = Void;
    llargs.push_back(fn);
    for (size_t i = 0; i < binding.size(); ++i) {
      const LLType* want = callee->startblock->inputargs[i]->concretetype;
      Value* a = binding[i] >= 0 ? args[binding[i]]
                                 : static_cast<Value*>(g_->new_const(ConstValue::from_python(d->defaults[-1 - binding[i]])));
      llargs.push_back(convert(a, want));
    }
    const LLType* rt = callee->returnblock->inputargs[0]->concretetype;
    if (rt == op.result->concretetype) {
      gen("direct_call", llargs, rt, op.result);
    } else {
      Variable* r = gen("direct_call", llargs, rt);
      if (op.result->concretetype != Void) gen("same_as", {convert(r, op.result->concretetype)}, op.result->concretetype, op.result);
    }
    return;
  }
  if (f->kind == SomeValue::WeakRef) {
    Variable* r = call_external("rpy_weakref_deref", {op.args[0]});
    gen("same_as", {convert(r, op.result->concretetype)}, op.result->concretetype, op.result);
    return;
  }
  if (f->kind == SomeValue::PBC && f->const_ && f->const_->obj) {
    std::string bn = builtin_name(f->const_->obj);
    if (!bn.empty()) {
      rtype_builtin(bn, op, args, kwnames);
      return;
    }
    if (PyType_Check(f->const_->obj.ptr())) {
      rtype_instantiate(op, f->const_->obj, args, kwnames);
      return;
    }
  }
  unsupported("this call cannot be translated yet");
}

void RTyper::rtype_builtin(const std::string& name, SpaceOperation& op, std::vector<Value*> args,
                           const std::vector<std::string>& kwnames) {
  Variable* res = op.result;
  auto A = [&](size_t i) { return ann(args[i]); };
  if (rtype_bytes_builtin(name, op, args, kwnames)) return;  // rtyper/rbytes.cpp
  if (name == "float.fromhex") {
    call_external("rpy_float_fromhex", {args[0]}, res);
    return;
  }
  if (name == "dict.fromkeys" && args.size() == 1) args.push_back(g_->new_const_none());
  if (name.find('.') != std::string::npos && name != "dict.fromkeys")
    return rtype_module_builtin(name, op, args, kwnames);  // syslib
  if (rtype_dict_builtin(name, op, args)) return;
  if (name == "set" || name == "dict" || name == "dict.fromkeys") {
    Value* r = helper_call(op, 0, args);
    gen("same_as", {convert(r, res->concretetype)}, res->concretetype, res);
    return;
  }
  if (name == "format") {
    SV a = A(0);
    Value* spec = args.size() > 1 ? args[1] : static_cast<Value*>(g_->new_const_str(""));
    if (a->kind == SomeValue::Bool) call_external("rpy_format_bool", {args[0], spec}, res);
    else if (a->unsigned_) call_external("rpy_format_uint", {convert(args[0], Unsigned), spec}, res);
    else if (is_int_like(a)) call_external("rpy_format_int", {convert(args[0], Signed), spec}, res);
    else if (a->kind == SomeValue::Float) call_external("rpy_format_float", {args[0], spec}, res);
    else call_external("rpy_format_str", {args[0], spec}, res);
    return;
  }
  if (name == "ascii") {
    if (A(0)->kind == SomeValue::String) call_external("rpy_str_ascii", {args[0]}, res);
    else gen("same_as", {to_str(args[0])}, StrPtr(), res);
    return;
  }
  if (name == "hash" && !bk_.special_calls.count({&op, 0})) {
    // Dict and set keys (rpython/rlib/_dictkeys.py) keep compute_hash's
    // cheaper hashes: only a hash the program sees must be CPython's.
    FuncDesc* d = bk_.desc_of(g_);
    bool dict_key = d && d->func && py::hasattr(d->func, "__module__") &&
                    py::str(d->func.attr("__module__")).cast<std::string>() == "rpython.rlib._dictkeys";
    gen("same_as", {dict_key ? hash_of(args[0], false) : builtin_hash_of(args[0])}, Signed, res);
    return;
  }
  if (name == "print") {
    size_t npos = args.size() - kwnames.size();
    Value* sep = nullptr;
    Value* end = nullptr;
    const char* writer = "rpy_stdout_write";
    bool to_stderr = false, flush = false;
    for (size_t i = 0; i < kwnames.size(); ++i) {
      Value* v = args[npos + i];
      if (kwnames[i] == "flush") {
        // Flushing when it is not known to be False writes the same bytes:
        // only when they leave the buffer differs.
        SV f = ann(v);
        flush = !(f->const_ && !py::bool_(f->const_->to_python()).cast<bool>());
        continue;
      }
      if (ann(v)->kind == SomeValue::None) continue;
      if (kwnames[i] == "file") {  // syslib: sys.stdout or sys.stderr, checked by the annotator
        to_stderr = ann(v)->const_->obj.is(py::module_::import("sys").attr("stderr"));
        if (to_stderr) writer = "rpy_stderr_write";
        continue;
      }
      (kwnames[i] == "sep" ? sep : end) = v;
    }
    auto strconst = [&](const char* s) {
      ConstValue c;
      c.kind = ConstValue::Str;
      c.s = s;
      return typed_const(c, StrPtr());
    };
    if (!sep) sep = strconst(" ");
    if (!end) end = strconst("\n");
    for (size_t i = 0; i < npos; ++i) {
      if (i) call_external(writer, {sep});
      Value* s = special_call(op, (int)i, args[i], {});
      if (!s) s = helper_call(op, (int)i, {args[i]});
      call_external(writer, {s ? s : to_str(args[i])});
    }
    call_external(writer, {end}, res->concretetype == Void && !flush ? res : nullptr);
    if (flush) call_external(to_stderr ? "rpy_sys_stderr_flush" : "rpy_stdout_flush", {}, res->concretetype == Void ? res : nullptr);
    return;
  }
  if (name == "int") {
    SV a = A(0);
    if (args.size() == 2) call_external("rpy_str2int_base", {args[0], convert(args[1], Signed)}, res);  // base= too
    else if (is_int_like(a)) gen("same_as", {convert(args[0], Signed)}, Signed, res);
    else if (a->kind == SomeValue::Float) call_external("rpy_float2int", {args[0]}, res);
    else call_external("rpy_str2int", {args[0]}, res);
    return;
  }
  if (name == "float") {
    SV a = A(0);
    if (a->is_numeric()) gen("same_as", {convert(args[0], Float)}, Float, res);
    else call_external("rpy_str2float", {args[0]}, res);
    return;
  }
  if (name == "bool") {
    gen("same_as", {to_bool(args[0])}, Bool, res);
    return;
  }
  if (name == "len" || name == "hash" || name == "iter" || name == "next" || name == "str" || name == "repr") {
    if (Value* r = special_call(op, 0, args[0], {})) {
      if (res->concretetype != Void) gen("same_as", {convert(r, res->concretetype)}, res->concretetype, res);
      return;
    }
  }
  if (name == "str" || name == "repr") {
    if (Value* r = helper_call(op, 0, {args[0]})) {
      gen("same_as", {r}, StrPtr(), res);
      return;
    }
    if (name == "repr" && A(0)->kind == SomeValue::String) {
      call_external("rpy_str_repr", {args[0]}, res);
      return;
    }
    gen("same_as", {to_str(args[0])}, StrPtr(), res);
    return;
  }
  if (name == "pow") {  // pow(x, y, z) of ints
    call_external("rpy_int_powmod", {convert(args[0], Signed), convert(args[1], Signed), convert(args[2], Signed)}, res);
    return;
  }
  if (name == "round") {
    bool with_ndigits = args.size() == 2 && A(1)->kind != SomeValue::None;
    if (A(0)->kind == SomeValue::Float) {
      if (with_ndigits) call_external("rpy_float_round_ndigits", {args[0], convert(args[1], Signed)}, res);
      else call_external("rpy_float_round", {args[0]}, res);
    } else if (with_ndigits) {
      call_external("rpy_int_round_ndigits", {convert(args[0], Signed), convert(args[1], Signed)}, res);
    } else {
      gen("same_as", {convert(args[0], Signed)}, Signed, res);
    }
    return;
  }
  if (name == "abs") {
    if (is_int_like(A(0))) gen("int_abs", {convert(args[0], Signed)}, Signed, res);
    else gen("float_abs", {args[0]}, Float, res);
    return;
  }
  if (name == "min" || name == "max") {
    const LLType* t = res->concretetype;
    std::string opn = (t == Float ? "float_" : "int_") + name;
    Value* acc = convert(args[0], t);
    for (size_t i = 1; i < args.size(); ++i)
      acc = gen(opn, {acc, convert(args[i], t)}, t, i + 1 == args.size() ? res : nullptr);
    return;
  }
  if (name == "isinstance") {
    SV r = ann(res);
    if (r->const_) gen("same_as", {typed_const(*r->const_, Bool)}, Bool, res);
    else rtype_isinstance(args[0], A(1), res);
    return;
  }
  if (name == "ord") {
    call_external("rpy_str_ord", {args[0]}, res);
    return;
  }
  if (name == "iter" && A(0)->kind == SomeValue::List) {
    const LLType* it = res->concretetype;
    Variable* v = gen("malloc", {g_->new_llconst(it->item->struct_name, Constant::Plain)}, it, res);
    gen("setfield", {v, g_->new_llconst("list", Constant::FieldName), convert(args[0], it->item->fields[0].second)}, Void);
    return;
  }
  if (name == "next" && A(0)->kind == SomeValue::ListIter) {
    const LLType* lt = args[0]->concretetype->item->fields[0].second;
    Variable* r = gen("listiter_next", {args[0]}, list_array_type(lt)->item->item);
    gen("same_as", {convert(r, res->concretetype)}, res->concretetype, res);
    return;
  }
  if (name == "chr") {
    call_external("rpy_chr", {convert(args[0], Signed)}, res);
    return;
  }
  if (name == "hex" || name == "oct" || name == "bin") {
    call_external(name == "hex" ? "rpy_int_tohex" : name == "oct" ? "rpy_int_tooct" : "rpy_int_tobin",
                  {convert(args[0], Signed)}, res);
    return;
  }
  if (name == "len") {
    SV a = A(0);
    if (a->kind == SomeValue::Tuple) {
      gen("same_as", {typed_const(ConstValue::from_python(py::int_(a->items.size())), Signed)}, Signed, res);
      return;
    }
    if (a->kind == SomeValue::List && args[0]->concretetype->item->kind == LLType::Array) {  // fixed size
      gen("getarraysize", {args[0]}, Signed, res);
      return;
    }
    gen("getfield", {args[0], g_->new_llconst("length", Constant::FieldName)}, Signed, res);
    return;
  }
  unsupported(name + "() cannot be translated yet");
}

}  // namespace rpy
