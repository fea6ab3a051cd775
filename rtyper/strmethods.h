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
  // The parameters CPython also takes by keyword, in order (the first ones).
  std::vector<std::string> keywords = {};
};

const StrMethod* str_method(const std::string& name);

// Where each parameter of a call of `m` comes from: an index into the
// call's arguments (the positional ones, then the keyword values in the
// order of `kwnames`), or -1 when omitted. Shared by the annotator and the
// rtyper so both see the same order. On a bad keyword, *error is CPython's
// message.
std::vector<int> str_method_arg_order(const StrMethod& m, size_t npositional, const std::vector<std::string>& kwnames,
                                      std::string* error);

}  // namespace rpy
