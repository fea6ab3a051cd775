#include "rtyper/externals.h"

#include <cstdio>
#include <cstdlib>
#include <map>

namespace rpy {

const ExternalFunc* external(const std::string& name) {
  using namespace lltypes;
  static const std::map<std::string, ExternalFunc> table = [] {
    const LLType* S = StrPtr();
    std::vector<ExternalFunc> v = {
        {"rpy_str_concat", {S, S}, S, false, true, "str.concat"},
        {"rpy_str_eq", {S, S}, Bool, false, true, "str.eq"},
        {"rpy_str_repr", {S}, S, false, true, "str.repr"},
        {"rpy_exc_str", {ExceptionPtr()}, S, false, false, ""},
        {"rpy_str_hash", {S}, Signed, false, true, "str.hash"},
        {"rpy_float_hash", {Float}, Signed, false, true, "float.hash"},
        {"rpy_identity_hash", {ptr_to(ObjectStruct())}, Signed, false, true, "gc.identityhash"},
        {"rpy_int2str", {Signed}, S, false, true, "str.from_int"},
        {"rpy_float2str", {Float}, S, false, true, "str.from_float"},
        {"rpy_bool2str", {Bool}, S, false, true, "str.from_bool"},
        {"rpy_str2int", {S}, Signed, true, true, "str.to_int"},
        {"rpy_str2float", {S}, Float, true, true, "str.to_float"},
        {"rpy_stdout_write", {S}, Void, false, false, "os.write_stdout"},
        {"rpy_int_pow", {Signed, Signed}, Signed, true, true, "int.pow"},
        {"rpy_float_pow", {Float, Float}, Float, true, true, "float.pow"},
        {"rpy_float2int", {Float}, Signed, true, true, "float.to_int"},
    };
    std::map<std::string, ExternalFunc> m;
    for (auto& f : v) m[f.name] = f;
    return m;
  }();
  auto it = table.find(name);
  if (it == table.end()) {
    std::fprintf(stderr, "internal error: unknown runtime function %s\n", name.c_str());
    std::abort();
  }
  return &it->second;
}

}  // namespace rpy
