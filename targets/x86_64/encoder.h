// x86-64 instruction encoding: the few instructions the JIT backend emits,
// written into a growable byte buffer. Register-register, register-memory
// and register-immediate forms; memory operands are [base + index*scale +
// disp] or RIP-relative. Verified against objdump (test_jit_x86_encoder).
// Like rx86.py in RPython, but typed by operand form instead of generated.
#pragma once
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <vector>

namespace rpy::jit::x86 {

enum Reg : uint8_t { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15, NoReg = 0xff };
enum Xmm : uint8_t { XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7,
                     XMM8, XMM9, XMM10, XMM11, XMM12, XMM13, XMM14, XMM15 };

// Condition codes, numbered as in the opcodes (Jcc = 0F 80+cc, SETcc = 0F 90+cc).
enum Cond : uint8_t { O, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G };
inline Cond invert(Cond c) { return static_cast<Cond>(c ^ 1); }

// The ALU group: the value is the /digit of the 81 /n form and (times 8)
// the base of the register forms.
enum AluOp : uint8_t { ADD = 0, OR = 1, AND = 4, SUB = 5, XOR = 6, CMP = 7 };
enum ShiftOp : uint8_t { SHL = 4, SHR = 5, SAR = 7 };
// Scalar-double arithmetic: the second opcode byte of F2 0F xx.
enum SseOp : uint8_t { ADDSD = 0x58, MULSD = 0x59, SUBSD = 0x5c, DIVSD = 0x5e };

struct Mem {
  Reg base = NoReg;     // NoReg with rip=false is not allowed
  Reg index = NoReg;
  uint8_t scale = 1;    // 1, 2, 4, 8
  int32_t disp = 0;
  bool rip = false;     // [rip + disp]: disp is patched later (see Encoder::rip_fixup)
  static Mem at(Reg base, int32_t disp = 0) { Mem m; m.base = base; m.disp = disp; return m; }
  static Mem indexed(Reg base, Reg index, uint8_t scale, int32_t disp) {
    Mem m; m.base = base; m.index = index; m.scale = scale; m.disp = disp; return m;
  }
  static Mem rip_relative() { Mem m; m.rip = true; return m; }
};

inline bool fits_i8(int64_t v) { return v >= -128 && v <= 127; }
inline bool fits_i32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

class Encoder {
 public:
  std::vector<uint8_t> code;

  size_t size() const { return code.size(); }
  void byte(uint8_t b) { code.push_back(b); }
  void i32(int32_t v) { uint8_t b[4]; std::memcpy(b, &v, 4); code.insert(code.end(), b, b + 4); }
  void i64(int64_t v) { uint8_t b[8]; std::memcpy(b, &v, 8); code.insert(code.end(), b, b + 8); }
  void patch_i32(size_t at, int32_t v) { std::memcpy(&code[at], &v, 4); }
  // Offsets of the disp32 of every RIP-relative operand emitted, in order:
  // the user patches them once it knows where the referenced data lands.
  std::vector<size_t> rip_fixups;

  // ---- integer moves
  void mov(Reg dst, Reg src);                 // mov r64, r64
  void mov(Reg dst, const Mem& src);          // mov r64, [m]
  void mov(const Mem& dst, Reg src);          // mov [m], r64
  void mov_imm(Reg dst, int64_t imm);         // shortest of mov r32,imm32 / mov r64,simm32 / movabs
  void mov_imm(const Mem& dst, int32_t imm);  // mov qword [m], simm32
  void movzx8(Reg dst, Reg src);              // movzx r32, r8
  void lea(Reg dst, const Mem& src);

  // ---- integer arithmetic (64-bit)
  void alu(AluOp op, Reg dst, Reg src);
  void alu(AluOp op, Reg dst, const Mem& src);
  void alu(AluOp op, const Mem& dst, Reg src);
  void alu_imm(AluOp op, Reg dst, int32_t imm);
  void alu_imm(AluOp op, const Mem& dst, int32_t imm);
  void cmp32_imm(const Mem& dst, int32_t imm);  // cmp dword [m], imm32
  void imul(Reg dst, Reg src);
  void imul(Reg dst, const Mem& src);
  void imul_imm(Reg dst, Reg src, int32_t imm);
  void shift_imm(ShiftOp op, Reg dst, uint8_t count);
  void shift_cl(ShiftOp op, Reg dst);
  void neg(Reg r);
  void not_(Reg r);
  void test(Reg a, Reg b);
  void setcc(Cond c, Reg dst8);

  // ---- control
  // Return the offset of the rel32 field, for patching.
  size_t jcc(Cond c, int32_t rel = 0);
  size_t jmp(int32_t rel = 0);
  void jmp(Reg target);
  void call(Reg target);
  void ret() { byte(0xc3); }
  void push(Reg r);
  void pop(Reg r);
  // Makes the rel32 at `at` point to `target` (both offsets in this buffer).
  // `n` bytes of no-operation, in the fewest instructions.
  void nops(size_t n);
  void bind(size_t at, size_t target) { patch_i32(at, static_cast<int32_t>(target - (at + 4))); }

  // ---- SSE2 scalar doubles
  void movsd(Xmm dst, Xmm src);
  void movsd(Xmm dst, const Mem& src);
  void movsd(const Mem& dst, Xmm src);
  void sse(SseOp op, Xmm dst, Xmm src);
  void sse(SseOp op, Xmm dst, const Mem& src);
  void ucomisd(Xmm a, Xmm b);
  void ucomisd(Xmm a, const Mem& b);
  void cvtsi2sd(Xmm dst, Reg src);
  void cvttsd2si(Reg dst, Xmm src);
  void xorpd(Xmm dst, const Mem& src);   // 16-byte aligned memory
  void andpd(Xmm dst, const Mem& src);
  void xorpd(Xmm dst, Xmm src);
  void movq(Xmm dst, Reg src);           // movq xmm, r64
  void movq(Reg dst, Xmm src);           // movq r64, xmm

 private:
  // [legacy prefix] [REX] opcode... ModRM [SIB] [disp], with `reg` in the
  // ModRM reg field and a register (rm_reg) or memory operand in r/m.
  void emit_rr(uint8_t prefix, bool w, std::initializer_list<uint8_t> opcode, int reg, int rm, bool byte_regs = false);
  void emit_rm(uint8_t prefix, bool w, std::initializer_list<uint8_t> opcode, int reg, const Mem& m);
  void rex(bool w, int reg, int index, int base, bool force);
};

}  // namespace rpy::jit::x86
