// Helpers shared by the runtime unit tests (tests/unit/test_rt_*.cpp).
#pragma once
#include <cmath>
#include <cstring>
#include <string>

#include "runtime/rpy.h"

namespace rt_test {

inline rpy_string* S(const char* bytes, long long n) { return rpy_str_from_utf8(bytes, n); }
inline rpy_string* S(const std::string& s) { return rpy_str_from_utf8(s.data(), (Signed)s.size()); }
inline std::string text(const rpy_string* s) { return std::string(s->data, (size_t)s->nbytes); }

inline void clear_exc() {
  rpy_exc_type = nullptr;
  rpy_exc_value = nullptr;
}

inline std::string exc_name() {
  return rpy_exc_type ? text(rpy_exc_type->name) : std::string("<none>");
}

inline std::string exc_msg() {
  auto* e = reinterpret_cast<rpy_exception*>(rpy_exc_value);
  return e && e->msg ? text(e->msg) : std::string("<no message>");
}

// Same double, bit for bit except that all NaNs are equal.
inline bool same_double(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return a == b && std::signbit(a) == std::signbit(b);
}

// Every test starts from a clean exception state and checks it is left clean.
struct ExcFixture {
  ExcFixture() { clear_exc(); }
  ~ExcFixture() { clear_exc(); }
};

}  // namespace rt_test
