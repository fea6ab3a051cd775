#include "runtime/jit/value.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace rpy::jit {

bool Const::same_constant(const Const& other) const {
  return kind() == other.kind() && bits_.i == other.bits_.i;
}

// Same layout rule as the runtime's rpy_float2str (runtime/floatrepr.cpp),
// producing a std::string instead of a GC string: the JIT tools do not link
// the program runtime.
std::string float_repr(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char sci[40];
  auto res = std::to_chars(sci, sci + sizeof sci, x, std::chars_format::scientific);
  const char* p = sci;
  std::string digits;
  bool negative = *p == '-';
  if (negative) p++;
  for (; *p != 'e'; p++)
    if (*p != '.') digits += *p;
  p++;
  int exponent = 0;
  std::from_chars(*p == '+' ? p + 1 : p, res.ptr, exponent);

  std::string out = negative ? "-" : "";
  int nd = static_cast<int>(digits.size());
  if (exponent < -4 || exponent >= 16) {
    out += digits[0];
    if (nd > 1) out += "." + digits.substr(1);
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += buf;
  } else if (exponent >= 0) {
    int intlen = exponent + 1;
    if (nd <= intlen) {
      out += digits + std::string(intlen - nd, '0') + ".0";
    } else {
      out += digits.substr(0, intlen) + "." + digits.substr(intlen);
    }
  } else {
    out += "0." + std::string(-exponent - 1, '0') + digits;
  }
  return out;
}

std::string format_rt_value(const RtValue& v) {
  switch (v.kind) {
    case Kind::Int: return std::to_string(v.i);
    case Kind::Float: return float_repr(v.f);
    case Kind::Ref: return v.r ? "ref" : "null";
    case Kind::Void: return "void";
  }
  return "?";
}

}  // namespace rpy::jit
