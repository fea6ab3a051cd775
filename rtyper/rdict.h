// The low-level representation of a dict (or set) family: the types the
// rtyper builds for it (see runtime/dict.h for the layout and algorithms)
// and the key helpers the runtime templates call.
#pragma once
#include "flowspace/model.h"
#include "rtyper/lltype.h"

namespace rpy {

struct DictLayout {
  const LLType* key = nullptr;
  const LLType* value = nullptr;  // Void for sets
  const LLType* entry = nullptr;  // struct {key, value, hash}
  const LLType* entries = nullptr;
  const LLType* dict = nullptr;  // the GcStruct (not the pointer)
  // Graphs of rpython/rlib/_dictkeys.py annotated for this family.
  FunctionGraph* hash_graph = nullptr;
  FunctionGraph* eq_graph = nullptr;
  FunctionGraph* repr_graph = nullptr;  // null: KeyError without a message
  bool is_set = false;
  // Key equality may run user code (__eq__, r_dict): a lookup must check
  // for exceptions and for the dict changing under it.
  bool custom_eq = false;
};

}  // namespace rpy
