#include "runtime/jit/opcode.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

namespace rpy::jit {

namespace {

constexpr Kind I = Kind::Int, R = Kind::Ref, F = Kind::Float, V = Kind::Void;

constexpr std::string_view text_name(std::string_view enum_name) {
  return enum_name.ends_with('_') ? enum_name.substr(0, enum_name.size() - 1) : enum_name;
}

constexpr std::array<OpInfo, kOpcodeCount> kOpTable = {{
#define JIT_OP(name, result, args, flags) {text_name(#name), result, args, flags},
#include "runtime/jit/opcodes.def"
#undef JIT_OP
}};

}  // namespace

char kind_letter(Kind k) {
  switch (k) {
    case Kind::Int: return 'i';
    case Kind::Ref: return 'r';
    case Kind::Float: return 'f';
    case Kind::Void: return 'v';
  }
  return '?';
}

char kind_var_prefix(Kind k) { return k == Kind::Ref ? 'p' : kind_letter(k); }

const OpInfo& op_info(Opcode op) { return kOpTable[static_cast<size_t>(op)]; }

std::optional<Opcode> opcode_by_name(std::string_view name) {
  static const auto* by_name = [] {
    auto* m = new std::unordered_map<std::string_view, Opcode>();
    for (size_t i = 0; i < kOpTable.size(); i++) (*m)[kOpTable[i].name] = static_cast<Opcode>(i);
    return m;
  }();
  auto it = by_name->find(name);
  if (it == by_name->end()) return std::nullopt;
  return it->second;
}

Opcode getfield_for(Kind k) {
  return k == Kind::Int ? Opcode::getfield_gc_i : k == Kind::Ref ? Opcode::getfield_gc_r : Opcode::getfield_gc_f;
}
Opcode getarrayitem_for(Kind k) {
  return k == Kind::Int   ? Opcode::getarrayitem_gc_i
         : k == Kind::Ref ? Opcode::getarrayitem_gc_r
                          : Opcode::getarrayitem_gc_f;
}
Opcode call_for(Kind k) {
  switch (k) {
    case Kind::Int: return Opcode::call_i;
    case Kind::Ref: return Opcode::call_r;
    case Kind::Float: return Opcode::call_f;
    case Kind::Void: return Opcode::call_n;
  }
  return Opcode::call_n;
}
Opcode same_as_for(Kind k) {
  return k == Kind::Int ? Opcode::same_as_i : k == Kind::Ref ? Opcode::same_as_r : Opcode::same_as_f;
}

}  // namespace rpy::jit
