#include "rtyper/lltype.h"

#include <deque>
#include <map>
#include <memory>

namespace rpy {

std::string LLType::name() const {
  switch (kind) {
    case Void: return "Void";
    case Signed: return "Signed";
    case Unsigned: return "Unsigned";
    case Float: return "Float";
    case Bool: return "Bool";
    case Char: return "Char";
    case Ptr: return "Ptr(" + item->name() + ")";
    case Struct: return (gc ? "GcStruct " : "Struct ") + struct_name;
    case Array: return (gc ? "GcArray " : "Array ") + struct_name;
    case Func: {
      std::string r = "Func(";
      for (size_t i = 0; i < func_args.size(); ++i) r += (i ? ", " : "") + func_args[i]->name();
      return r + ") -> " + item->name();
    }
  }
  return "?";
}

const LLType* LLType::field_type(const std::string& f) const {
  for (const LLType* s = this; s; s = s->super)
    for (auto& [n, t] : s->fields)
      if (n == f) return t;
  return nullptr;
}

bool LLType::is_substruct_of(const LLType* other) const {
  for (const LLType* s = this; s; s = s->super)
    if (s == other) return true;
  return false;
}

namespace lltypes {
namespace {
// Types live as long as the process: pointers to them are the identity.
std::deque<LLType>& store() {
  static std::deque<LLType> s;
  return s;
}
LLType* make(LLType::Kind k) {
  store().push_back(LLType{k});
  return &store().back();
}
std::vector<const LLType*>& gc_types() {
  static std::vector<const LLType*> v;
  return v;
}
}  // namespace

const LLType* const Void = make(LLType::Void);
const LLType* const Signed = make(LLType::Signed);
const LLType* const Unsigned = make(LLType::Unsigned);
const LLType* const Float = make(LLType::Float);
const LLType* const Bool = make(LLType::Bool);
const LLType* const Char = make(LLType::Char);

const LLType* ptr_to(const LLType* target) {
  static std::map<const LLType*, const LLType*> cache;
  auto it = cache.find(target);
  if (it != cache.end()) return it->second;
  LLType* p = make(LLType::Ptr);
  p->item = target;
  p->gc = target->gc;
  cache[target] = p;
  return p;
}

const LLType* StrPtr() {
  static const LLType* p = [] {
    LLType* chars = make(LLType::Array);
    chars->struct_name = "chars";
    chars->item = Char;
    chars->gc = false;
    LLType* s = make(LLType::Struct);
    s->struct_name = "rpy_string";
    s->runtime_cname = "rpy_string";
    s->fields = {{"hash", Signed}, {"length", Signed}, {"nbytes", Signed}, {"data", chars}};
    s->type_id = 1;  // RPY_TID_STRING
    return ptr_to(s);
  }();
  return p;
}

const LLType* StrListPtr() {
  static const LLType* p = [] {
    LLType* arr = make(LLType::Array);
    arr->struct_name = "strarray";
    arr->runtime_cname = "rpy_strarray";
    arr->item = StrPtr();
    arr->type_id = 4;  // RPY_TID_STRARRAY
    LLType* l = make(LLType::Struct);
    l->struct_name = "strlist";
    l->runtime_cname = "rpy_strlist";
    l->fields = {{"length", Signed}, {"items", ptr_to(arr)}};
    l->type_id = 3;  // RPY_TID_STRLIST
    return ptr_to(l);
  }();
  return p;
}

const LLType* WeakRefPtr() {
  static const LLType* p = [] {
    LLType* s = make(LLType::Struct);
    s->struct_name = "rpy_weakref";
    s->runtime_cname = "rpy_weakref";
    s->fields = {{"target", ptr_to(ObjectStruct())}};
    s->type_id = 6;  // RPY_TID_WEAKREF
    return ptr_to(s);
  }();
  return p;
}

const LLType* DictIndexPtr() {
  static const LLType* p = [] {
    LLType* arr = make(LLType::Array);
    arr->struct_name = "dictindex";
    arr->runtime_cname = "rpy_dictindex";
    arr->item = Signed;  // really 4-byte slots (int32_t): only the runtime reads them
    arr->type_id = 5;  // RPY_TID_DICTINDEX
    return ptr_to(arr);
  }();
  return p;
}

const LLType* VtablePtr() {
  static const LLType* p = [] {
    LLType* s = make(LLType::Struct);
    s->struct_name = "rpy_vtable";
    s->runtime_cname = "rpy_vtable";
    s->gc = false;
    s->fields = {{"subclassrange_min", Signed}, {"subclassrange_max", Signed}, {"name", StrPtr()}};
    return ptr_to(s);
  }();
  return p;
}

const LLType* ObjectStruct() {
  static const LLType* p = [] {
    LLType* s = make(LLType::Struct);
    s->struct_name = "rpy_object";
    s->runtime_cname = "rpy_object";
    s->fields = {{"typeptr", VtablePtr()}};
    return s;
  }();
  return p;
}

const LLType* ExceptionPtr() {
  static const LLType* p = [] {
    LLType* s = make(LLType::Struct);
    s->struct_name = "rpy_exception";
    s->runtime_cname = "rpy_exception";
    s->super = ObjectStruct();
    s->fields = {{"msg", StrPtr()}, {"os_errno", Signed}};  // os_errno: syslib (OSError.errno)
    s->type_id = 2;  // RPY_TID_EXCEPTION
    return ptr_to(s);
  }();
  return p;
}

LLType* new_gcstruct(const std::string& name, std::vector<std::pair<std::string, const LLType*>> fields) {
  LLType* s = make(LLType::Struct);
  s->struct_name = name;
  s->fields = std::move(fields);
  gc_types().push_back(s);
  return s;
}

LLType* new_gcarray(const std::string& name, const LLType* item) {
  LLType* a = make(LLType::Array);
  a->struct_name = name;
  a->item = item;
  gc_types().push_back(a);
  return a;
}

const std::vector<const LLType*>& all_gc_types() { return gc_types(); }

LLType* new_struct(const std::string& name, std::vector<std::pair<std::string, const LLType*>> fields) {
  LLType* s = make(LLType::Struct);
  s->struct_name = name;
  s->fields = std::move(fields);
  s->gc = false;
  return s;
}

namespace {
std::vector<const LLType*>& func_types() {
  static std::vector<const LLType*> v;
  return v;
}
}  // namespace

const LLType* func_type(const std::vector<const LLType*>& args, const LLType* result) {
  for (const LLType* f : func_types())
    if (f->func_args == args && f->item == result) return f;
  LLType* f = make(LLType::Func);
  f->func_args = args;
  f->item = result;
  f->gc = false;
  func_types().push_back(f);
  return f;
}

const std::vector<const LLType*>& all_func_types() { return func_types(); }

}  // namespace lltypes
}  // namespace rpy
