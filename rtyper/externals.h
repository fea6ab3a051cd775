// Runtime functions (runtime/rpy.h) that low-level graphs call with
// direct_call, with the effects the optimizers and the JIT rely on: whether
// they can raise, whether they are pure (elidable), and an oopspec naming
// the operation they implement.
#pragma once
#include <string>
#include <vector>

#include "rtyper/lltype.h"

namespace rpy {

struct ExternalFunc {
  std::string name;  // the C symbol
  std::vector<const LLType*> args;
  const LLType* result;
  bool canraise;
  bool elidable;      // no side effects, result depends only on the arguments
  std::string oopspec;  // e.g. "str.concat"; empty when none
  // A runtime template (dicts): the C++ call is name<struct of template_arg>.
  const LLType* template_arg = nullptr;
  // Whether a call may run a collection (allocate, or raise: raising
  // allocates the exception instance). The GC transform keeps the caller's
  // live refs on the shadow stack around such calls. True unless the
  // function is listed as never allocating in externals.cpp: a new runtime
  // function is assumed to collect until someone checks that it does not.
  bool cancollect = true;
};

// Looks up a runtime function by its C name; aborts on an unknown name (a
// toolchain bug, not a user error).
const ExternalFunc* external(const std::string& name);

// The dict functions that share one lookup between a read and a write of
// the same key (runtime/dict.h, used by backendopt/dictlookup.cpp), for the
// dict or set struct `dict` (its DictLayout has no custom_eq):
//   rpy_dict_lookup_slot(d, key) -> Signed           dict.lookup_slot
//   rpy_dict_get_at(d, slot, key, default) -> V      dict.get_at
//   rpy_dict_getitem_at(d, slot, key) -> V           dict.getitem_at (KeyError)
//   rpy_dict_contains_at(d, slot) -> Bool            dict.contains_at
//   rpy_dict_store_at(d, slot, key[, value])         dict.store_at
// and, for the reads at an iterator's entry (the same function the rtyper
// calls when iterating):
//   rpy_dict_entry_value(d, ix) -> V                 dict.entry_value
// Aborts on another name.
const ExternalFunc* dict_slot_external(const std::string& name, const LLType* dict);

// syslib (rtyper/rmodules.cpp): math, time, os, sys and bytes functions.
const std::vector<ExternalFunc>& syslib_externals();

}  // namespace rpy
