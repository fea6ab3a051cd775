#include "annotator/model.h"

#include "annotator/classdef.h"

#include <fmt/format.h>

#include <algorithm>

namespace rpy {

namespace {
SV make(SomeValue v) { return std::make_shared<const SomeValue>(std::move(v)); }
}  // namespace

std::string SomeValue::str() const {
  std::string s;
  switch (kind) {
    case Impossible: return "impossible";
    case Bool: s = "bool"; break;
    case Integer: s = unsigned_ ? "r_uint" : nonneg ? "int>=0" : "int"; break;
    case Float: s = "float"; break;
    case None: return "None";
    case String: s = can_be_none ? "str-or-None" : "str"; break;
    case Bytes: s = can_be_none ? "bytes-or-None" : "bytes"; break;
    case ByteArray: s = can_be_none ? "bytearray-or-None" : "bytearray"; break;
    case Tuple: {
      s = "tuple(";
      for (size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + items[i]->str();
      s += ")";
      break;
    }
    case List: s = "list(" + (listdef && listdef->find()->item ? listdef->find()->item->str() : "?") + ")"; break;
    case Instance: s = (classdef ? classdef->name : "?") + std::string(can_be_none ? "-or-None" : ""); break;
    case Class: s = "type(" + (classdef ? classdef->name : "?") + ")"; break;
    case WeakRef: s = "weakref(" + (classdef ? classdef->name : "?") + ")" + (can_be_none ? "-or-None" : ""); break;
    case ListIter: s = "list_iterator"; break;
    case Dict: {
      DictDef* d = dictdef ? dictdef->find() : nullptr;
      auto k = [](const SV& x) { return x ? x->str() : std::string("?"); };
      if (d && d->is_set) s = "set(" + k(d->key) + ")";
      else s = "dict(" + (d ? k(d->key) + ", " + k(d->value) : std::string("?")) + ")";
      if (can_be_none) s += "-or-None";
      break;
    }
    case DictView: s = std::string("dict_") + (dict_view == 'k' ? "keys" : dict_view == 'v' ? "values" : "items"); break;
    case DictIter: s = "dict_iterator"; break;
    case PBC: {
      if (!method_name.empty()) return "method " + (classdef ? classdef->name : "?") + "." + method_name;
      if (!frozen.empty()) return fmt::format("frozen{{{}}}", frozen.size());
      if (const_) return const_->repr();
      s = "function{";
      for (size_t i = 0; i < descs.size(); ++i) s += (i ? ", " : "") + std::string("?");
      s += "}";
      break;
    }
  }
  if (const_ && kind != PBC) s += "=" + const_->repr();
  return s;
}

std::string SomeValue::pretty() const {
  switch (kind) {
    case Impossible: return "no value";
    case Bool: return "bool";
    case Integer: return unsigned_ ? "r_uint" : "int";
    case Float: return "float";
    case None: return "None";
    case String: return can_be_none ? "str or None" : "str";
    case Bytes: return can_be_none ? "bytes or None" : "bytes";
    case ByteArray: return can_be_none ? "bytearray or None" : "bytearray";
    case Tuple: {
      std::string s = "tuple[";
      for (size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + items[i]->pretty();
      return s + "]";
    }
    case List: return "list[" + (listdef && listdef->find()->item ? listdef->find()->item->pretty() : "?") + "]";
    case Instance: return (classdef ? classdef->name : "?") + std::string(can_be_none ? " or None" : "");
    case Class: return "type[" + (classdef ? classdef->name : "?") + "]";
    case WeakRef: return "weakref[" + (classdef ? classdef->name : "?") + "]" + (can_be_none ? " or None" : "");
    case ListIter: return "list_iterator";
    case Dict: {
      DictDef* d = dictdef ? dictdef->find() : nullptr;
      auto k = [](const SV& x) { return x ? x->pretty() : std::string("?"); };
      std::string r = d && d->is_set ? "set[" + k(d->key) + "]"
                                     : "dict[" + (d ? k(d->key) + ", " + k(d->value) : std::string("?")) + "]";
      return r + (can_be_none ? " or None" : "");
    }
    case DictView: return std::string("dict_") + (dict_view == 'k' ? "keys" : dict_view == 'v' ? "values" : "items");
    case DictIter: return dict_view == 'k' ? "dict_keyiterator" : dict_view == 'v' ? "dict_valueiterator" : "dict_itemiterator";
    case PBC:
      if (!method_name.empty()) return "method " + (classdef ? classdef->name : "?") + "." + method_name;
      if (!frozen.empty()) return fmt::format("one of {} frozen objects", frozen.size());
      return descs.empty() && const_ ? const_->repr() : "function";
  }
  return "?";
}

std::function<void(const std::set<std::pair<FunctionGraph*, Block*>>&)>& ListDef::reflow_hook() {
  static std::function<void(const std::set<std::pair<FunctionGraph*, Block*>>&)> hook;
  return hook;
}

bool ListDef::generalize(const SV& s) {
  ListDef* d = find();
  SV u = union_of(d->item, without_const(s));
  if (!u) return false;
  if (!contains(d->item, u) || !contains(u, d->item)) {
    d->item = u;
    if (reflow_hook()) reflow_hook()(d->readers);
  }
  return true;
}

namespace {
bool generalize_field(DictDef* d, SV& field, const SV& s) {
  SV u = union_of(field, without_const(s));
  if (!u) return false;
  if (!contains(field, u) || !contains(u, field)) {
    field = u;
    if (ListDef::reflow_hook()) ListDef::reflow_hook()(d->readers);
  }
  return true;
}
}  // namespace

bool DictDef::generalize_key(const SV& s) {
  DictDef* d = find();
  return generalize_field(d, d->key, s);
}
bool DictDef::generalize_value(const SV& s) {
  DictDef* d = find();
  return generalize_field(d, d->value, s);
}

SV s_dict(std::shared_ptr<DictDef> def) {
  SomeValue v;
  v.kind = SomeValue::Dict;
  v.dictdef = std::move(def);
  return make(std::move(v));
}

SV s_impossible() {
  static SV v = make(SomeValue{});
  return v;
}
SV s_bool(std::optional<bool> c) {
  SomeValue v;
  v.kind = SomeValue::Bool;
  v.nonneg = true;
  if (c) {
    ConstValue cv;
    cv.kind = ConstValue::Bool;
    cv.b = *c;
    v.const_ = cv;
  }
  return make(std::move(v));
}
SV s_int(bool nonneg) {
  SomeValue v;
  v.kind = SomeValue::Integer;
  v.nonneg = nonneg;
  return make(std::move(v));
}
SV s_uint() {
  SomeValue v;
  v.kind = SomeValue::Integer;
  v.unsigned_ = true;
  v.nonneg = true;
  return make(std::move(v));
}

SV s_float() {
  SomeValue v;
  v.kind = SomeValue::Float;
  return make(std::move(v));
}
SV s_none() {
  SomeValue v;
  v.kind = SomeValue::None;
  v.const_ = ConstValue{};
  return make(std::move(v));
}
SV s_str(bool can_be_none) {
  SomeValue v;
  v.kind = SomeValue::String;
  v.can_be_none = can_be_none;
  return make(std::move(v));
}
SV s_bytes(bool can_be_none) {
  SomeValue v;
  v.kind = SomeValue::Bytes;
  v.can_be_none = can_be_none;
  return make(std::move(v));
}
SV s_bytearray(bool can_be_none) {
  SomeValue v;
  v.kind = SomeValue::ByteArray;
  v.can_be_none = can_be_none;
  return make(std::move(v));
}
SV s_tuple(std::vector<SV> items) {
  SomeValue v;
  v.kind = SomeValue::Tuple;
  v.items = std::move(items);
  return make(std::move(v));
}
SV s_list(std::shared_ptr<ListDef> def) {
  SomeValue v;
  v.kind = SomeValue::List;
  v.listdef = std::move(def);
  return make(std::move(v));
}

SV s_instance(ClassDef* cd, bool can_be_none) {
  SomeValue v;
  v.kind = SomeValue::Instance;
  v.classdef = cd;
  v.can_be_none = can_be_none;
  return make(std::move(v));
}

SV s_weakref(ClassDef* cd, bool can_be_none) {
  SomeValue v;
  v.kind = SomeValue::WeakRef;
  v.classdef = cd;
  v.can_be_none = can_be_none;
  return make(std::move(v));
}

bool is_frozen_object(py::handle o) {
  if (!o || PyType_Check(o.ptr()) || !py::hasattr(o, "_freeze_")) return false;
  py::object f = o.attr("_freeze_");
  return PyCallable_Check(f.ptr()) && py::bool_(f());
}

SV s_class(ClassDef* cd) {
  SomeValue v;
  v.kind = SomeValue::Class;
  v.classdef = cd;
  return make(std::move(v));
}

SV s_const(const ConstValue& c) {
  SomeValue v;
  v.const_ = c;
  switch (c.kind) {
    case ConstValue::None: v.kind = SomeValue::None; break;
    case ConstValue::Bool: v.kind = SomeValue::Bool; v.nonneg = true; break;
    case ConstValue::Int:
      v.kind = SomeValue::Integer;
      v.unsigned_ = c.is_unsigned;
      v.nonneg = c.is_unsigned || c.i >= 0;
      break;
    case ConstValue::Float: v.kind = SomeValue::Float; break;
    case ConstValue::Str: v.kind = SomeValue::String; break;
    case ConstValue::Object: {
      py::gil_scoped_acquire gil;
      if (c.obj && PyBytes_CheckExact(c.obj.ptr())) {
        v.kind = SomeValue::Bytes;
      } else if (c.obj && PyTuple_CheckExact(c.obj.ptr())) {
        v.kind = SomeValue::Tuple;
        for (auto item : py::reinterpret_borrow<py::tuple>(c.obj)) v.items.push_back(s_const(ConstValue::from_python(item)));
        // A tuple holding an unrepresentable item (e.g. a big int) keeps the
        // item's annotation, which the user of the item reports.
      } else {
        v.kind = SomeValue::PBC;
      }
      break;
    }
  }
  return make(std::move(v));
}

SV without_const(const SV& a) {
  if (!a->const_ || a->kind == SomeValue::PBC || a->kind == SomeValue::None) return a;
  SomeValue v = *a;
  v.const_.reset();
  for (auto& it : v.items) it = without_const(it);
  return make(std::move(v));
}

bool is_with_unassigned(const SV& s) {
  if (s->kind != SomeValue::PBC || !s->const_ || !s->const_->obj) return false;
  static PyObject* marker = [] {
    py::gil_scoped_acquire gil;
    return py::object(py::module_::import("rpython.rlib._with").attr("UNDEFINED")).release().ptr();
  }();
  return s->const_->obj.ptr() == marker;
}

bool const_slice_indexes(const SV& start, const SV& stop, const SV& step, size_t n, std::vector<size_t>* out,
                         std::string* error) {
  int64_t b[3];
  bool given[3];
  const SV* bounds[3] = {&start, &stop, &step};
  for (int k = 0; k < 3; ++k) {
    const SV& v = *bounds[k];
    given[k] = v->kind != SomeValue::None;
    if (given[k] && v->kind != SomeValue::Integer && v->kind != SomeValue::Bool) {
      *error = "slice indices must be integers or None or have an __index__ method";
      return false;
    }
    if (given[k] && (!v->const_ || (v->const_->kind != ConstValue::Int && v->const_->kind != ConstValue::Bool)))
      return false;
    b[k] = !given[k] ? 0 : v->const_->kind == ConstValue::Bool ? (int64_t)v->const_->b : v->const_->i;
  }
  int64_t st = given[2] ? b[2] : 1;
  if (st == 0) {
    *error = "slice step cannot be zero";
    return false;
  }
  // CPython's PySlice_AdjustIndices
  int64_t len = (int64_t)n;
  auto adjust = [&](bool has, int64_t v, int64_t dflt) {
    if (!has) return dflt;
    if (v < 0) {
      v += len;
      if (v < 0) v = st < 0 ? -1 : 0;
    } else if (v >= len) {
      v = st < 0 ? len - 1 : len;
    }
    return v;
  };
  int64_t lo = adjust(given[0], b[0], st < 0 ? len - 1 : 0);
  int64_t hi = adjust(given[1], b[1], st < 0 ? -1 : len);
  out->clear();
  for (int64_t i = lo; st > 0 ? i < hi : i > hi; i += st) out->push_back((size_t)i);
  return true;
}

SV union_of(const SV& a, const SV& b) {
  if (a == b) return a;
  if (a->kind == SomeValue::Impossible) return b;
  if (b->kind == SomeValue::Impossible) return a;
  // syslib: a variable the body of a `with` did not assign, after an
  // __exit__ that suppressed an exception (rpython/rlib/_with.py): takes
  // the other side's type (CPython would leave it unbound).
  if (is_with_unassigned(a)) return b;
  if (is_with_unassigned(b)) return a;
  if (a->const_ && b->const_ && a->kind == b->kind && a->const_->same(*b->const_)) return a;
  auto K = [](const SV& x) { return x->kind; };
  // bool is a subtype of int, as in Python.
  if ((K(a) == SomeValue::Bool || K(a) == SomeValue::Integer) &&
      (K(b) == SomeValue::Bool || K(b) == SomeValue::Integer)) {
    if (K(a) == SomeValue::Bool && K(b) == SomeValue::Bool) return s_bool();
    if (a->unsigned_ || b->unsigned_) return s_uint();  // r_uint wins, as in RPython
    return s_int(a->nonneg && b->nonneg);
  }
  if (K(a) == SomeValue::Float && K(b) == SomeValue::Float) return s_float();
  if ((K(a) == SomeValue::String || K(a) == SomeValue::None) && (K(b) == SomeValue::String || K(b) == SomeValue::None)) {
    bool none = K(a) == SomeValue::None || K(b) == SomeValue::None || a->can_be_none || b->can_be_none;
    return s_str(none);
  }
  if ((K(a) == SomeValue::Bytes || K(a) == SomeValue::None) && (K(b) == SomeValue::Bytes || K(b) == SomeValue::None)) {
    bool none = K(a) == SomeValue::None || K(b) == SomeValue::None || a->can_be_none || b->can_be_none;
    return s_bytes(none);
  }
  if ((K(a) == SomeValue::ByteArray || K(a) == SomeValue::None) &&
      (K(b) == SomeValue::ByteArray || K(b) == SomeValue::None)) {
    bool none = K(a) == SomeValue::None || K(b) == SomeValue::None || a->can_be_none || b->can_be_none;
    return s_bytearray(none);
  }
  if ((K(a) == SomeValue::List || K(a) == SomeValue::None) && (K(b) == SomeValue::List || K(b) == SomeValue::None)) {
    if (K(a) == SomeValue::List && K(b) == SomeValue::List && a->listdef->find() != b->listdef->find()) {
      // Merge the two families: one item type from now on.
      ListDef* da = a->listdef->find();
      ListDef* db = b->listdef->find();
      SV item = union_of(da->item, db->item);
      if (!item) return nullptr;
      auto readers = da->readers;
      readers.insert(db->readers.begin(), db->readers.end());
      db->leader = std::shared_ptr<ListDef>(a->listdef, da);  // aliasing: keeps a's family alive
      da->readers = readers;
      da->resized |= db->resized;
      da->mutated |= db->mutated;
      if (!contains(da->item, item) || !contains(item, da->item)) {
        da->item = item;
        if (ListDef::reflow_hook()) ListDef::reflow_hook()(readers);
      } else if (ListDef::reflow_hook()) {
        ListDef::reflow_hook()(readers);
      }
    }
    SomeValue v = K(a) == SomeValue::List ? *a : *b;
    v.can_be_none = true;
    if (K(a) == SomeValue::List && K(b) == SomeValue::List) v.can_be_none = a->can_be_none || b->can_be_none;
    v.const_.reset();
    return make(std::move(v));
  }
  if ((K(a) == SomeValue::Dict || K(a) == SomeValue::None) && (K(b) == SomeValue::Dict || K(b) == SomeValue::None)) {
    if (K(a) == SomeValue::Dict && K(b) == SomeValue::Dict && a->dictdef->find() != b->dictdef->find()) {
      // Merge the two families: one key and one value type from now on.
      DictDef* da = a->dictdef->find();
      DictDef* db = b->dictdef->find();
      if (da->is_set != db->is_set) return nullptr;
      if ((da->custom_eq || db->custom_eq) &&
          (!da->custom_eq || !db->custom_eq || !contains(da->custom_eq, db->custom_eq) ||
           !contains(db->custom_eq, da->custom_eq) || !contains(da->custom_hash, db->custom_hash) ||
           !contains(db->custom_hash, da->custom_hash)))
        return nullptr;  // r_dicts with other functions (or a plain dict)
      SV key = union_of(da->key, db->key);
      SV value = union_of(da->value, db->value);
      if (!key || !value) return nullptr;
      auto readers = da->readers;
      readers.insert(db->readers.begin(), db->readers.end());
      db->leader = std::shared_ptr<DictDef>(a->dictdef, da);
      da->readers = readers;
      da->key = key;
      da->value = value;
      if (ListDef::reflow_hook()) ListDef::reflow_hook()(readers);
    }
    SomeValue v = K(a) == SomeValue::Dict ? *a : *b;
    v.can_be_none = true;
    if (K(a) == SomeValue::Dict && K(b) == SomeValue::Dict) v.can_be_none = a->can_be_none || b->can_be_none;
    v.const_.reset();
    return make(std::move(v));
  }
  if ((K(a) == SomeValue::DictView || K(a) == SomeValue::DictIter) && K(a) == K(b) && a->dict_view == b->dict_view &&
      a->dictdef->find() == b->dictdef->find())
    return a;
  if ((K(a) == SomeValue::Instance || K(a) == SomeValue::None) &&
      (K(b) == SomeValue::Instance || K(b) == SomeValue::None)) {
    if (K(a) == SomeValue::None) return s_instance(b->classdef, true);
    if (K(b) == SomeValue::None) return s_instance(a->classdef, true);
    ClassDef* common = a->classdef->commonbase(b->classdef);
    if (!common) return nullptr;  // unrelated classes
    return s_instance(common, a->can_be_none || b->can_be_none);
  }
  if ((K(a) == SomeValue::WeakRef || K(a) == SomeValue::None) &&
      (K(b) == SomeValue::WeakRef || K(b) == SomeValue::None)) {
    if (K(a) == SomeValue::None) return s_weakref(b->classdef, true);
    if (K(b) == SomeValue::None) return s_weakref(a->classdef, true);
    ClassDef* common = a->classdef->commonbase(b->classdef);
    if (!common) return nullptr;
    return s_weakref(common, a->can_be_none || b->can_be_none);
  }
  // Classes as values: a class constant (PBC with its classdef) or a Class.
  auto as_class = [](const SV& x) -> bool {
    return x->kind == SomeValue::Class || (x->kind == SomeValue::PBC && !x->classdefs.empty());
  };
  if ((as_class(a) && K(b) == SomeValue::None) || (K(a) == SomeValue::None && as_class(b))) {
    // syslib: a class or None (the exc_type an __exit__ receives).
    SomeValue v = as_class(a) ? *a : *b;
    if (v.kind == SomeValue::PBC) {
      v.kind = SomeValue::Class;
      v.const_.reset();
    }
    v.can_be_none = true;
    return make(std::move(v));
  }
  if (as_class(a) && as_class(b)) {
    ClassDef* common = a->classdefs.empty() || b->classdefs.empty()
                           ? (a->classdef && b->classdef ? a->classdef->commonbase(b->classdef) : nullptr)
                           : a->classdefs[0]->commonbase(b->classdefs[0]);
    std::vector<ClassDef*> all = a->classdefs;
    for (ClassDef* c : b->classdefs)
      if (std::find(all.begin(), all.end(), c) == all.end()) all.push_back(c);
    for (ClassDef* c : all) common = common ? common->commonbase(c) : nullptr;
    if (!common) return nullptr;
    std::sort(all.begin(), all.end(), [](ClassDef* x, ClassDef* y) { return x->name < y->name; });
    SomeValue v;
    v.kind = SomeValue::Class;
    v.classdef = common;
    v.classdefs = all;
    return make(std::move(v));
  }
  if (K(a) == SomeValue::ListIter && K(b) == SomeValue::ListIter && a->listdef->find() == b->listdef->find()) return a;
  if (K(a) == SomeValue::Tuple && K(b) == SomeValue::Tuple) {
    if (a->items.size() != b->items.size()) return nullptr;
    std::vector<SV> items;
    for (size_t i = 0; i < a->items.size(); ++i) {
      SV u = union_of(a->items[i], b->items[i]);
      if (!u) return nullptr;
      items.push_back(u);
    }
    return s_tuple(std::move(items));
  }
  // Frozen prebuilt objects: a set of them, read through a struct of
  // their attributes.
  auto frozen_of = [](const SV& x) -> std::vector<py::object> {
    if (x->kind != SomeValue::PBC) return {};
    if (!x->frozen.empty()) return x->frozen;
    if (x->const_ && x->const_->obj && x->descs.empty() && x->classdefs.empty() && is_frozen_object(x->const_->obj))
      return {x->const_->obj};
    return {};
  };
  if (auto fa = frozen_of(a), fb = frozen_of(b); !fa.empty() && !fb.empty()) {
    for (auto& o : fb)
      if (std::find_if(fa.begin(), fa.end(), [&](const py::object& p) { return p.is(o); }) == fa.end())
        fa.push_back(o);
    std::sort(fa.begin(), fa.end(), [](const py::object& x, const py::object& y) { return x.ptr() < y.ptr(); });
    SomeValue v;
    v.kind = SomeValue::PBC;
    v.frozen = fa;
    return make(std::move(v));
  }
  // A function or None (`table.get(name, None)`): a nullable function pointer.
  auto plain_functions = [](const SV& x) {
    return x->kind == SomeValue::PBC && !x->descs.empty() && x->method_name.empty() && x->frozen.empty() &&
           x->classdefs.empty();
  };
  if ((plain_functions(a) && K(b) == SomeValue::None) || (K(a) == SomeValue::None && plain_functions(b))) {
    SomeValue v = K(a) == SomeValue::PBC ? *a : *b;
    v.const_.reset();
    v.can_be_none = true;
    return make(std::move(v));
  }
  if (K(a) == SomeValue::PBC && K(b) == SomeValue::PBC) {
    if (!a->method_name.empty() || !b->method_name.empty()) {
      if (a->method_name != b->method_name) return nullptr;
      SV self = union_of(a->bound_self, b->bound_self);
      if (!self || (self->kind != SomeValue::Instance && self->kind != SomeValue::String &&
                    self->kind != SomeValue::List && self->kind != SomeValue::Dict && self->kind != SomeValue::Bytes &&
                    self->kind != SomeValue::ByteArray && !self->is_numeric() && self->kind != SomeValue::Tuple))
        return nullptr;
      SomeValue v;
      v.kind = SomeValue::PBC;
      v.method_name = a->method_name;
      v.bound_self = self;
      v.classdef = self->kind == SomeValue::Instance ? self->classdef : nullptr;
      v.descs = a->descs;
      for (auto* d : b->descs)
        if (std::find(v.descs.begin(), v.descs.end(), d) == v.descs.end()) v.descs.push_back(d);
      std::sort(v.descs.begin(), v.descs.end());
      return make(std::move(v));
    }
    // Two different function constants: a family called through a pointer.
    if (a->descs.empty() || b->descs.empty()) return nullptr;
    SomeValue v;
    v.kind = SomeValue::PBC;
    v.descs = a->descs;
    for (auto* d : b->descs)
      if (std::find(v.descs.begin(), v.descs.end(), d) == v.descs.end()) v.descs.push_back(d);
    std::sort(v.descs.begin(), v.descs.end());
    v.can_be_none = a->can_be_none || b->can_be_none;
    if (v.descs.size() == 1 && a->const_ && !v.can_be_none) v.const_ = a->const_;
    return make(std::move(v));
  }
  if (K(a) == SomeValue::None && K(b) == SomeValue::None) return a;
  return nullptr;
}

bool contains(const SV& general, const SV& specific) {
  SV u = union_of(general, specific);
  if (!u) return false;
  if (u == general) return true;
  // Structural equality of the join with `general`.
  if (u->kind != general->kind || u->nonneg != general->nonneg || u->can_be_none != general->can_be_none ||
      u->unsigned_ != general->unsigned_)
    return false;
  if (u->const_.has_value() != general->const_.has_value()) return false;
  if (u->kind == SomeValue::Tuple) {
    for (size_t i = 0; i < u->items.size(); ++i)
      if (!contains(general->items[i], u->items[i])) return false;
  }
  if (u->kind == SomeValue::PBC && u->descs != general->descs) return false;
  if (u->kind == SomeValue::List && u->listdef && general->listdef && u->listdef->find() != general->listdef->find())
    return false;
  if (u->kind == SomeValue::Dict && u->dictdef && general->dictdef && u->dictdef->find() != general->dictdef->find())
    return false;
  if (u->kind == SomeValue::PBC && u->frozen.size() != general->frozen.size()) return false;
  if ((u->kind == SomeValue::Instance || u->kind == SomeValue::Class || u->kind == SomeValue::WeakRef) &&
      u->classdef != general->classdef) return false;
  if (u->kind == SomeValue::Class && u->classdefs.size() != general->classdefs.size()) return false;
  if (u->kind == SomeValue::PBC && u->bound_self && !contains(general->bound_self, u->bound_self)) return false;
  return true;
}

}  // namespace rpy
