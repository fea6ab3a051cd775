// C functions a trace can call. A call descr names its function; the
// registry gives both its machine address (what a backend emits a call to)
// and a typed invoker (how the reference executor calls it without knowing
// the ABI).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "runtime/jit/kind.h"
#include "runtime/jit/value.h"

namespace rpy::jit {

struct CFunction {
  std::string name;
  void* address = nullptr;
  std::vector<Kind> arg_kinds;
  Kind result_kind = Kind::Void;
  RtValue (*invoke)(const RtValue* args) = nullptr;
};

namespace cfunction_detail {

template <class T>
constexpr Kind kind_of() {
  if constexpr (std::is_same_v<T, void>) return Kind::Void;
  else if constexpr (std::is_same_v<T, double>) return Kind::Float;
  else if constexpr (std::is_pointer_v<T>) return Kind::Ref;
  else {
    static_assert(std::is_same_v<T, int64_t>, "trace-callable functions take and return int64_t, double or pointers");
    return Kind::Int;
  }
}

template <class T>
T unwrap(const RtValue& v) {
  if constexpr (std::is_same_v<T, double>) return v.f;
  else if constexpr (std::is_pointer_v<T>) return static_cast<T>(v.r);
  else return v.i;
}

template <class R>
RtValue wrap(R r) {
  if constexpr (std::is_same_v<R, double>) return RtValue::of_float(r);
  else if constexpr (std::is_pointer_v<R>) return RtValue::of_ref(const_cast<void*>(static_cast<const void*>(r)));
  else return RtValue::of_int(r);
}

template <auto Fn, class R, class... Args>
struct Binder {
  static RtValue invoke(const RtValue* args) {
    return call(args, std::index_sequence_for<Args...>{});
  }
  template <size_t... I>
  static RtValue call(const RtValue* args, std::index_sequence<I...>) {
    if constexpr (std::is_same_v<R, void>) {
      Fn(unwrap<Args>(args[I])...);
      return RtValue{};
    } else {
      return wrap<R>(Fn(unwrap<Args>(args[I])...));
    }
  }
};

template <auto Fn, class R, class... Args>
CFunction make(std::string name, R (*)(Args...)) {
  return CFunction{std::move(name), reinterpret_cast<void*>(Fn), {kind_of<Args>()...}, kind_of<R>(),
                   &Binder<Fn, R, Args...>::invoke};
}

}  // namespace cfunction_detail

// make_cfunction<&f>("f"): signature, address and invoker from f's C++ type.
template <auto Fn>
CFunction make_cfunction(std::string name) {
  return cfunction_detail::make<Fn>(std::move(name), Fn);
}

class CFunctionRegistry {
 public:
  void add(CFunction f) {
    std::string key = f.name;
    functions_.insert_or_assign(std::move(key), std::move(f));
  }
  const CFunction* find(std::string_view name) const {
    auto it = functions_.find(std::string(name));
    return it == functions_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::string, CFunction> functions_;
};

}  // namespace rpy::jit
