#include "annotator/classdef.h"

namespace rpy {

ClassDef* ClassDef::commonbase(ClassDef* other) {
  for (ClassDef* c = this; c; c = c->base)
    if (other->issubclass(c)) return c;
  return nullptr;
}

std::vector<ClassDef*> ClassDef::subtree() {
  std::vector<ClassDef*> out{this};
  for (size_t i = 0; i < out.size(); ++i)
    for (ClassDef* s : out[i]->subdefs) out.push_back(s);
  return out;
}

ClassDef* ClassDef::attr_owner(const std::string& name) {
  for (ClassDef* c = this; c; c = c->base)
    if (c->attrs.count(name)) return c;
  return nullptr;
}

}  // namespace rpy
