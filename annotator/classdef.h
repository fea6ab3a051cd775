// What the annotator knows about a user class (RPython's ClassDef): its base,
// its known subclasses, and the instance attributes that live on it.
//
// An attribute lives on the most general class where it is read or written:
// reading `x.a` for an x of class C puts `a` on C even if only a subclass
// assigns it, and merges the subclasses' separate `a`s into it ("lifting").
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "annotator/model.h"

namespace rpy {

struct LLType;

struct Attribute {
  SV s_value;
  std::set<std::pair<FunctionGraph*, Block*>> readers;  // reflowed when s_value generalizes
  SourcePos first_read;                                  // for "read but never assigned"
  bool assigned = false;
  bool class_default = false;  // some class in the hierarchy gives it a value
};

struct ClassDef {
  py::object cls;
  std::string name;
  ClassDef* base = nullptr;
  std::vector<ClassDef*> subdefs;
  std::map<std::string, Attribute> attrs;  // instance attributes living on this class
  std::set<std::string> immutable_fields;  // from _immutable_fields_ on this class or a base
  bool builtin_exception = false;          // one of Python's exception classes
  bool instantiated = false;
  // Blocks that looked something up on this class (a method family, a class
  // attribute): reflowed when a subclass appears.
  std::set<std::pair<FunctionGraph*, Block*>> lookups;

  // Filled in by the rtyper.
  int subclassrange_min = 0, subclassrange_max = 0;
  LLType* inst_struct = nullptr;
  LLType* vtable_struct = nullptr;

  bool issubclass(const ClassDef* other) const {
    for (const ClassDef* c = this; c; c = c->base)
      if (c == other) return true;
    return false;
  }
  ClassDef* commonbase(ClassDef* other);
  ClassDef* root() {
    ClassDef* c = this;
    while (c->base) c = c->base;
    return c;
  }
  // This class and every known subclass, preorder.
  std::vector<ClassDef*> subtree();
  // The class in this class's ancestry where attribute `name` lives, if any.
  ClassDef* attr_owner(const std::string& name);
};

}  // namespace rpy
