// The x86-64 encoder checked against the system disassembler: every case
// encodes one instruction; all of them are written out as raw bytes,
// disassembled with `objdump -D -b binary -mi386:x86-64 -M intel`, and each
// line must read as the instruction we meant.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <sstream>

#include "targets/x86_64/backend.h"
#include "targets/x86_64/encoder.h"

using namespace rpy::jit;
using namespace rpy::jit::x86;

namespace {

struct Case {
  std::string expected;  // objdump's text; {+N} is the hex address start+N
  std::function<void(Encoder&)> emit;
};

std::string hex(size_t v) {
  std::ostringstream s;
  s << "0x" << std::hex << v;
  return s.str();
}

// "   1f:\t48 01 c8   \tadd    rax,rcx   # comment" -> "add rax,rcx"
std::vector<std::string> instructions(const std::string& objdump) {
  std::vector<std::string> out;
  std::istringstream in(objdump);
  std::string line;
  while (std::getline(in, line)) {
    size_t t1 = line.find('\t');
    if (t1 == std::string::npos) continue;
    size_t t2 = line.find('\t', t1 + 1);
    if (t2 == std::string::npos) continue;  // continuation of a long byte list
    std::string text = line.substr(t2 + 1);
    if (size_t hash = text.find('#'); hash != std::string::npos) text = text.substr(0, hash);
    std::string norm;
    for (char c : text) {
      if (c == ' ' || c == '\t') {
        if (!norm.empty() && norm.back() != ' ') norm += ' ';
      } else {
        norm += c;
      }
    }
    while (!norm.empty() && norm.back() == ' ') norm.pop_back();
    out.push_back(norm);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(encodings_match_objdump) {
  std::vector<Case> cases = {
      {"mov rax,rcx", [](Encoder& e) { e.mov(RAX, RCX); }},
      {"mov r11,r15", [](Encoder& e) { e.mov(R11, R15); }},
      {"mov rax,QWORD PTR [rbp+0x100]", [](Encoder& e) { e.mov(RAX, Mem::at(RBP, 0x100)); }},
      {"mov QWORD PTR [r12],r13", [](Encoder& e) { e.mov(Mem::at(R12), R13); }},
      {"mov QWORD PTR [r13+0x0],rax", [](Encoder& e) { e.mov(Mem::at(R13), RAX); }},
      {"mov rax,QWORD PTR [rsp+0x8]", [](Encoder& e) { e.mov(RAX, Mem::at(RSP, 8)); }},
      {"mov rdx,QWORD PTR [rax+rcx*8+0x10]", [](Encoder& e) { e.mov(RDX, Mem::indexed(RAX, RCX, 8, 16)); }},
      {"mov r9,QWORD PTR [r12+r13*8+0x10]", [](Encoder& e) { e.mov(R9, Mem::indexed(R12, R13, 8, 16)); }},
      {"mov rcx,QWORD PTR [rbp+rax*8-0x8]", [](Encoder& e) { e.mov(RCX, Mem::indexed(RBP, RAX, 8, -8)); }},
      {"mov eax,0x5", [](Encoder& e) { e.mov_imm(RAX, 5); }},
      {"mov r10d,0xffffffff", [](Encoder& e) { e.mov_imm(R10, 0xffffffffLL); }},
      {"mov rax,0xffffffffffffffff", [](Encoder& e) { e.mov_imm(RAX, -1); }},
      {"movabs r14,0x123456789a", [](Encoder& e) { e.mov_imm(R14, 0x123456789aLL); }},
      {"mov QWORD PTR [rbp+0x8],0xffffffffffffff85", [](Encoder& e) { e.mov_imm(Mem::at(RBP, 8), -123); }},
      {"movzx eax,cl", [](Encoder& e) { e.movzx8(RAX, RCX); }},
      {"movzx r8d,sil", [](Encoder& e) { e.movzx8(R8, RSI); }},
      {"movzx r11d,r11b", [](Encoder& e) { e.movzx8(R11, R11); }},
      {"lea rax,[rbx+rcx*8+0x10]", [](Encoder& e) { e.lea(RAX, Mem::indexed(RBX, RCX, 8, 16)); }},
      {"add rax,rcx", [](Encoder& e) { e.alu(ADD, RAX, RCX); }},
      {"sub r8,QWORD PTR [rbp+0x20]", [](Encoder& e) { e.alu(SUB, R8, Mem::at(RBP, 0x20)); }},
      {"xor QWORD PTR [rax],rdx", [](Encoder& e) { e.alu(XOR, Mem::at(RAX), RDX); }},
      {"and rax,0x7f", [](Encoder& e) { e.alu_imm(AND, RAX, 0x7f); }},
      {"or rcx,0x12345", [](Encoder& e) { e.alu_imm(OR, RCX, 0x12345); }},
      {"cmp r11,0xffffffffffffff80", [](Encoder& e) { e.alu_imm(CMP, R11, -128); }},
      {"cmp QWORD PTR [rbp+0x28],0x0", [](Encoder& e) { e.alu_imm(CMP, Mem::at(RBP, 0x28), 0); }},
      {"cmp DWORD PTR [rax],0x10000", [](Encoder& e) { e.cmp32_imm(Mem::at(RAX), 0x10000); }},
      {"cmp DWORD PTR [r12],0x10003", [](Encoder& e) { e.cmp32_imm(Mem::at(R12), 0x10003); }},
      {"imul rax,rbx", [](Encoder& e) { e.imul(RAX, RBX); }},
      {"imul r10,QWORD PTR [rbp+0x28]", [](Encoder& e) { e.imul(R10, Mem::at(RBP, 0x28)); }},
      {"imul rax,rcx,0x7", [](Encoder& e) { e.imul_imm(RAX, RCX, 7); }},
      {"imul r12,r13,0x1000", [](Encoder& e) { e.imul_imm(R12, R13, 0x1000); }},
      {"shl rax,0x3", [](Encoder& e) { e.shift_imm(SHL, RAX, 3); }},
      {"sar r9,cl", [](Encoder& e) { e.shift_cl(SAR, R9); }},
      {"shr rdx,0x3f", [](Encoder& e) { e.shift_imm(SHR, RDX, 63); }},
      {"neg r14", [](Encoder& e) { e.neg(R14); }},
      {"not rax", [](Encoder& e) { e.not_(RAX); }},
      {"test rdi,rdi", [](Encoder& e) { e.test(RDI, RDI); }},
      {"sete al", [](Encoder& e) { e.setcc(E, RAX); }},
      {"setne sil", [](Encoder& e) { e.setcc(NE, RSI); }},
      {"setg r11b", [](Encoder& e) { e.setcc(G, R11); }},
      {"setb cl", [](Encoder& e) { e.setcc(B, RCX); }},
      {"setnp dil", [](Encoder& e) { e.setcc(NP, RDI); }},
      {"jo {+6}", [](Encoder& e) { e.jcc(O, 0); }},
      {"jge {+22}", [](Encoder& e) { e.jcc(GE, 16); }},
      {"jbe {+6}", [](Encoder& e) { e.jcc(BE, 0); }},
      {"jmp {+5}", [](Encoder& e) { e.jmp(0); }},
      {"jmp r11", [](Encoder& e) { e.jmp(R11); }},
      {"call rax", [](Encoder& e) { e.call(RAX); }},
      {"call r11", [](Encoder& e) { e.call(R11); }},
      {"ret", [](Encoder& e) { e.ret(); }},
      {"push rbp", [](Encoder& e) { e.push(RBP); }},
      {"push r15", [](Encoder& e) { e.push(R15); }},
      {"pop rbx", [](Encoder& e) { e.pop(RBX); }},
      {"pop r12", [](Encoder& e) { e.pop(R12); }},
      {"movsd xmm1,xmm2", [](Encoder& e) { e.movsd(XMM1, XMM2); }},
      {"movsd xmm9,QWORD PTR [rbp+0x40]", [](Encoder& e) { e.movsd(XMM9, Mem::at(RBP, 0x40)); }},
      {"movsd QWORD PTR [rax+0x8],xmm15", [](Encoder& e) { e.movsd(Mem::at(RAX, 8), XMM15); }},
      {"movsd xmm3,QWORD PTR [rip+0x10]", [](Encoder& e) { Mem m = Mem::rip_relative(); m.disp = 16; e.movsd(XMM3, m); }},
      {"addsd xmm0,xmm1", [](Encoder& e) { e.sse(ADDSD, XMM0, XMM1); }},
      {"subsd xmm8,QWORD PTR [rbp+0x10]", [](Encoder& e) { e.sse(SUBSD, XMM8, Mem::at(RBP, 0x10)); }},
      {"mulsd xmm3,xmm12", [](Encoder& e) { e.sse(MULSD, XMM3, XMM12); }},
      {"divsd xmm14,xmm0", [](Encoder& e) { e.sse(DIVSD, XMM14, XMM0); }},
      {"ucomisd xmm0,xmm1", [](Encoder& e) { e.ucomisd(XMM0, XMM1); }},
      {"ucomisd xmm10,QWORD PTR [rbp+0x8]", [](Encoder& e) { e.ucomisd(XMM10, Mem::at(RBP, 8)); }},
      {"cvtsi2sd xmm0,rax", [](Encoder& e) { e.cvtsi2sd(XMM0, RAX); }},
      {"cvtsi2sd xmm9,r12", [](Encoder& e) { e.cvtsi2sd(XMM9, R12); }},
      {"cvttsd2si rax,xmm1", [](Encoder& e) { e.cvttsd2si(RAX, XMM1); }},
      {"cvttsd2si r10,xmm13", [](Encoder& e) { e.cvttsd2si(R10, XMM13); }},
      {"xorpd xmm0,XMMWORD PTR [rip+0x0]", [](Encoder& e) { e.xorpd(XMM0, Mem::rip_relative()); }},
      {"andpd xmm11,XMMWORD PTR [rip+0x20]", [](Encoder& e) { Mem m = Mem::rip_relative(); m.disp = 32; e.andpd(XMM11, m); }},
      {"xorpd xmm1,xmm1", [](Encoder& e) { e.xorpd(XMM1, XMM1); }},
      {"movq xmm0,rax", [](Encoder& e) { e.movq(XMM0, RAX); }},
      {"movq rax,xmm0", [](Encoder& e) { e.movq(RAX, XMM0); }},
      {"movq r11,xmm15", [](Encoder& e) { e.movq(R11, XMM15); }},
      {"movq xmm15,r11", [](Encoder& e) { e.movq(XMM15, R11); }},
  };
  Encoder enc;
  std::vector<std::string> expected;
  for (const Case& c : cases) {
    size_t start = enc.size();
    c.emit(enc);
    std::string text = c.expected;
    if (size_t at = text.find("{+"); at != std::string::npos) {
      size_t end = text.find('}', at);
      size_t delta = std::stoul(text.substr(at + 2, end - at - 2));
      text = text.substr(0, at) + hex(start + delta) + text.substr(end + 1);
    }
    expected.push_back(text);
  }
  std::vector<std::string> got = instructions(objdump_disassemble(enc.code.data(), enc.size(), 0));
  BOOST_REQUIRE_EQUAL(got.size(), expected.size());
  for (size_t k = 0; k < got.size(); k++) BOOST_TEST(got[k] == expected[k], "case " << k);
}

BOOST_AUTO_TEST_CASE(rip_fixups_are_recorded_in_order) {
  Encoder enc;
  enc.movsd(XMM0, Mem::rip_relative());
  enc.mov(RAX, RBX);
  enc.alu(CMP, R11, Mem::rip_relative());
  BOOST_REQUIRE_EQUAL(enc.rip_fixups.size(), 2u);
  BOOST_TEST(enc.rip_fixups[0] == 4u);           // f2 0f 10 05 [disp]
  BOOST_TEST(enc.rip_fixups[1] == 8u + 3u + 3u);  // after mov (3 bytes): 4c 3b 1d [disp]
}
