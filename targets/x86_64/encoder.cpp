#include "targets/x86_64/encoder.h"

namespace rpy::jit::x86 {

void Encoder::rex(bool w, int reg, int index, int base, bool force) {
  uint8_t r = 0x40 | (w ? 8 : 0) | ((reg & 8) ? 4 : 0) | ((index & 8) ? 2 : 0) | ((base & 8) ? 1 : 0);
  if (r != 0x40 || force) byte(r);
}

void Encoder::emit_rr(uint8_t prefix, bool w, std::initializer_list<uint8_t> opcode, int reg, int rm, bool byte_regs) {
  if (prefix) byte(prefix);
  // spl/bpl/sil/dil need a REX prefix to be told apart from ah/ch/dh/bh.
  rex(w, reg, 0, rm, byte_regs && ((rm >= 4 && rm < 8) || (reg >= 4 && reg < 8)));
  for (uint8_t b : opcode) byte(b);
  byte(static_cast<uint8_t>(0xc0 | ((reg & 7) << 3) | (rm & 7)));
}

void Encoder::emit_rm(uint8_t prefix, bool w, std::initializer_list<uint8_t> opcode, int reg, const Mem& m) {
  if (prefix) byte(prefix);
  if (m.rip) {
    rex(w, reg, 0, 0, false);
    for (uint8_t b : opcode) byte(b);
    byte(static_cast<uint8_t>(((reg & 7) << 3) | 5));
    rip_fixups.push_back(size());
    i32(m.disp);
    return;
  }
  int base = m.base, index = m.index == NoReg ? 0 : m.index;
  rex(w, reg, index, base, false);
  for (uint8_t b : opcode) byte(b);
  int mod;
  if (m.disp == 0 && (base & 7) != 5) mod = 0;
  else if (fits_i8(m.disp)) mod = 1;
  else mod = 2;
  bool sib = m.index != NoReg || (base & 7) == 4;
  byte(static_cast<uint8_t>((mod << 6) | ((reg & 7) << 3) | (sib ? 4 : (base & 7))));
  if (sib) {
    int ss = m.scale == 8 ? 3 : m.scale == 4 ? 2 : m.scale == 2 ? 1 : 0;
    int idx = m.index == NoReg ? 4 : (m.index & 7);
    byte(static_cast<uint8_t>((ss << 6) | (idx << 3) | (base & 7)));
  }
  if (mod == 1) byte(static_cast<uint8_t>(static_cast<int8_t>(m.disp)));
  else if (mod == 2) i32(m.disp);
}

// ---- integer moves

void Encoder::mov(Reg dst, Reg src) { emit_rr(0, true, {0x89}, src, dst); }
void Encoder::mov(Reg dst, const Mem& src) { emit_rm(0, true, {0x8b}, dst, src); }
void Encoder::mov(const Mem& dst, Reg src) { emit_rm(0, true, {0x89}, src, dst); }

void Encoder::mov_imm(Reg dst, int64_t imm) {
  if (imm >= 0 && imm <= UINT32_MAX) {  // mov r32, imm32 zero-extends
    rex(false, 0, 0, dst, false);
    byte(static_cast<uint8_t>(0xb8 | (dst & 7)));
    i32(static_cast<int32_t>(static_cast<uint32_t>(imm)));
  } else if (fits_i32(imm)) {  // mov r/m64, simm32
    emit_rr(0, true, {0xc7}, 0, dst);
    i32(static_cast<int32_t>(imm));
  } else {  // movabs
    rex(true, 0, 0, dst, false);
    byte(static_cast<uint8_t>(0xb8 | (dst & 7)));
    i64(imm);
  }
}

void Encoder::mov_imm(const Mem& dst, int32_t imm) {
  emit_rm(0, true, {0xc7}, 0, dst);
  i32(imm);
}

void Encoder::movzx8(Reg dst, Reg src) { emit_rr(0, false, {0x0f, 0xb6}, dst, src, true); }
void Encoder::lea(Reg dst, const Mem& src) { emit_rm(0, true, {0x8d}, dst, src); }

// ---- integer arithmetic

void Encoder::alu(AluOp op, Reg dst, Reg src) { emit_rr(0, true, {static_cast<uint8_t>(op * 8 + 1)}, src, dst); }
void Encoder::alu(AluOp op, Reg dst, const Mem& src) { emit_rm(0, true, {static_cast<uint8_t>(op * 8 + 3)}, dst, src); }
void Encoder::alu(AluOp op, const Mem& dst, Reg src) { emit_rm(0, true, {static_cast<uint8_t>(op * 8 + 1)}, src, dst); }

void Encoder::alu_imm(AluOp op, Reg dst, int32_t imm) {
  if (fits_i8(imm)) {
    emit_rr(0, true, {0x83}, op, dst);
    byte(static_cast<uint8_t>(static_cast<int8_t>(imm)));
  } else {
    emit_rr(0, true, {0x81}, op, dst);
    i32(imm);
  }
}

void Encoder::alu_imm(AluOp op, const Mem& dst, int32_t imm) {
  if (fits_i8(imm)) {
    emit_rm(0, true, {0x83}, op, dst);
    byte(static_cast<uint8_t>(static_cast<int8_t>(imm)));
  } else {
    emit_rm(0, true, {0x81}, op, dst);
    i32(imm);
  }
}

void Encoder::cmp32_imm(const Mem& dst, int32_t imm) {
  emit_rm(0, false, {0x81}, CMP, dst);
  i32(imm);
}

void Encoder::imul(Reg dst, Reg src) { emit_rr(0, true, {0x0f, 0xaf}, dst, src); }
void Encoder::imul(Reg dst, const Mem& src) { emit_rm(0, true, {0x0f, 0xaf}, dst, src); }
void Encoder::imul_imm(Reg dst, Reg src, int32_t imm) {
  if (fits_i8(imm)) {
    emit_rr(0, true, {0x6b}, dst, src);
    byte(static_cast<uint8_t>(static_cast<int8_t>(imm)));
  } else {
    emit_rr(0, true, {0x69}, dst, src);
    i32(imm);
  }
}

void Encoder::shift_imm(ShiftOp op, Reg dst, uint8_t count) {
  emit_rr(0, true, {0xc1}, op, dst);
  byte(count);
}
void Encoder::shift_cl(ShiftOp op, Reg dst) { emit_rr(0, true, {0xd3}, op, dst); }
void Encoder::neg(Reg r) { emit_rr(0, true, {0xf7}, 3, r); }
void Encoder::not_(Reg r) { emit_rr(0, true, {0xf7}, 2, r); }
void Encoder::test(Reg a, Reg b) { emit_rr(0, true, {0x85}, b, a); }
void Encoder::setcc(Cond c, Reg dst8) { emit_rr(0, false, {0x0f, static_cast<uint8_t>(0x90 + c)}, 0, dst8, true); }

// ---- control

size_t Encoder::jcc(Cond c, int32_t rel) {
  byte(0x0f);
  byte(static_cast<uint8_t>(0x80 + c));
  size_t at = size();
  i32(rel);
  return at;
}

void Encoder::nops(size_t n) {
  // The recommended multi-byte NOPs (Intel SDM, NOP): 1 to 9 bytes.
  static const uint8_t forms[9][9] = {
      {0x90},
      {0x66, 0x90},
      {0x0f, 0x1f, 0x00},
      {0x0f, 0x1f, 0x40, 0x00},
      {0x0f, 0x1f, 0x44, 0x00, 0x00},
      {0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00},
      {0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00},
      {0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
      {0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
  };
  while (n > 0) {
    size_t k = n < 9 ? n : 9;
    for (size_t b = 0; b < k; b++) byte(forms[k - 1][b]);
    n -= k;
  }
}

size_t Encoder::jmp(int32_t rel) {
  byte(0xe9);
  size_t at = size();
  i32(rel);
  return at;
}

void Encoder::jmp(Reg target) { emit_rr(0, false, {0xff}, 4, target); }
void Encoder::call(Reg target) { emit_rr(0, false, {0xff}, 2, target); }
void Encoder::push(Reg r) {
  rex(false, 0, 0, r, false);
  byte(static_cast<uint8_t>(0x50 | (r & 7)));
}
void Encoder::pop(Reg r) {
  rex(false, 0, 0, r, false);
  byte(static_cast<uint8_t>(0x58 | (r & 7)));
}

// ---- SSE2

void Encoder::movsd(Xmm dst, Xmm src) { emit_rr(0xf2, false, {0x0f, 0x10}, dst, src); }
void Encoder::movsd(Xmm dst, const Mem& src) { emit_rm(0xf2, false, {0x0f, 0x10}, dst, src); }
void Encoder::movsd(const Mem& dst, Xmm src) { emit_rm(0xf2, false, {0x0f, 0x11}, src, dst); }
void Encoder::sse(SseOp op, Xmm dst, Xmm src) { emit_rr(0xf2, false, {0x0f, op}, dst, src); }
void Encoder::sse(SseOp op, Xmm dst, const Mem& src) { emit_rm(0xf2, false, {0x0f, op}, dst, src); }
void Encoder::ucomisd(Xmm a, Xmm b) { emit_rr(0x66, false, {0x0f, 0x2e}, a, b); }
void Encoder::ucomisd(Xmm a, const Mem& b) { emit_rm(0x66, false, {0x0f, 0x2e}, a, b); }
void Encoder::cvtsi2sd(Xmm dst, Reg src) { emit_rr(0xf2, true, {0x0f, 0x2a}, dst, src); }
void Encoder::cvttsd2si(Reg dst, Xmm src) { emit_rr(0xf2, true, {0x0f, 0x2c}, dst, src); }
void Encoder::xorpd(Xmm dst, const Mem& src) { emit_rm(0x66, false, {0x0f, 0x57}, dst, src); }
void Encoder::andpd(Xmm dst, const Mem& src) { emit_rm(0x66, false, {0x0f, 0x54}, dst, src); }
void Encoder::xorpd(Xmm dst, Xmm src) { emit_rr(0x66, false, {0x0f, 0x57}, dst, src); }
void Encoder::movq(Xmm dst, Reg src) { emit_rr(0x66, true, {0x0f, 0x6e}, dst, src); }
void Encoder::movq(Reg dst, Xmm src) { emit_rr(0x66, true, {0x0f, 0x7e}, src, dst); }

}  // namespace rpy::jit::x86
