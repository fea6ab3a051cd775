// Shared by the annotator's source files (annotator.cpp, dicts.cpp); not an
// interface of the annotator.
#pragma once
#include <string>

#include "annotator/model.h"

namespace rpy {

bool is_int_like(const SV& s);
bool is_str(const SV& s);
// Python's spelling of a value's type, for messages that mirror CPython's.
std::string pyname(const SV& s);
// What iterating over `s` gives, when the annotation says (nullptr if not).
SV item_of(const SV& s);
// str methods that are RPython helpers (annotator/strs.cpp).
bool is_str_helper_method(const std::string& m);

}  // namespace rpy
