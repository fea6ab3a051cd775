// Functions of the standard modules a translated program may call (math,
// time, os, os.path, sys): which Python objects they are, their signatures,
// and the runtime functions they become. The annotator
// (Annotator::consider_module_builtin, annotator/builtin_modules.cpp) and the
// rtyper (RTyper::rtype_module_builtin, rtyper/rmodules.cpp) both read this
// table; the runtime side is runtime/mathmod.cpp, timemod.cpp, os.cpp.
#pragma once
#include <string>
#include <vector>

#include "flowspace/model.h"

namespace rpy {

struct ModuleFunc {
  std::string name;     // "math.sqrt": what builtin_name() returns for it
  // One letter per parameter: f float (int and bool accepted), i int,
  // s str, y bytes, S str or None, u any iterable; upper-case letters past `required` are
  // optional. 'n' a number kept as it is (floor/ceil/trunc of an int).
  std::string params;
  size_t required;
  // f float, i int, I int >= 0, b bool, s str, S str or None, y bytes,
  // n None, L list[str], t tuple(float, float), T tuple(float, int),
  // H computed by the helper `runtime` of rpython/rlib/_mathx.py.
  char result;
  std::string runtime;  // the runtime function; empty: rtyped by hand
};

// The module function `obj` is (`sys.stdout.write` included), or nullptr.
const ModuleFunc* module_builtin(py::handle obj);
const ModuleFunc* module_builtin_by_name(const std::string& name);
// sys.stdout / sys.stderr (and their __stdout__/__stderr__): constants whose
// write/flush methods are module functions, not prebuilt instances.
bool is_std_stream(py::handle o);

}  // namespace rpy
