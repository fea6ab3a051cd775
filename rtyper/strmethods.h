// The str methods translated programs may call, as calls of runtime
// functions (runtime/strmethods.cpp): shared by the annotator (result
// types, arity) and the rtyper (the call, with defaults filled in).
#pragma once
#include <string>
#include <vector>

namespace rpy {

struct StrMethod {
  const char* name;
  const char* runtime;  // the ExternalFunc
  // Parameter kinds after self: 's' str, 'S' str or None (NULL), 'i' int,
  // 'B' bool, 'L' list of str;
  // optional ones have a default: "" for None, "b"/"e" for the begin/end of
  // the string, or a number.
  std::vector<std::pair<char, std::string>> params;
  size_t required;
  char result;  // 's' str, 'i' int, 'b' bool, 'l' list of str
};

const StrMethod* str_method(const std::string& name);

}  // namespace rpy
