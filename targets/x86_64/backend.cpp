#include "targets/x86_64/backend.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "runtime/jit/exception.h"
#include "runtime/jit/jitlog.h"
#include "targets/x86_64/assembler.h"

namespace rpy::jit {

using x86::GuardInfo;
using x86::Loc;
using x86::TraceAssembler;
using x86::X86Loop;

namespace {

std::string hex_address(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(p)));
  return buf;
}

// jit-backend-addr and jit-backend-dump as PyPy writes them, and
// jit-backend: sizes, time and the disassembly, for people.
void log_compiled(const std::string& what, const uint8_t* start, size_t size, const uint8_t* bootstrap,
                  size_t n_ops, double seconds) {
  if (jitlog::enabled("jit-backend-addr")) {
    std::string line = what + " has address " + hex_address(start) + " to " + hex_address(start + size);
    if (bootstrap) line += " (bootstrap " + hex_address(bootstrap) + ")";
    jitlog::write_section("jit-backend-addr", line + "\n");
  }
  if (jitlog::enabled("jit-backend-dump")) jitlog::write_section("jit-backend-dump", jitlog::code_dump("x86_64", start, size));
  if (jitlog::enabled("jit-backend")) {
    char head[160];
    std::snprintf(head, sizeof head, "# %s: %zu ops, %zu bytes at %s, assembled in %.1f us\n", what.c_str(), n_ops, size,
                  hex_address(start).c_str(), seconds * 1e6);
    jitlog::write_section("jit-backend", head + objdump_disassemble(start, size, reinterpret_cast<uint64_t>(start)));
  }
}

std::string label_name(const Trace& t) {
  for (const Op* op : t.ops)
    if (op->opcode() == Opcode::label && op->target()) return op->target()->name();
  return "trace";
}

}  // namespace

X86Backend::X86Backend(JitHeap& heap) : heap_(heap) {}
X86Backend::~X86Backend() = default;

std::unique_ptr<CompiledLoop> X86Backend::compile_loop(const Trace& loop) {
  auto t0 = std::chrono::steady_clock::now();
  auto compiled = std::make_unique<X86Loop>();
  compiled->n_inputargs = loop.inputargs.size();
  TraceAssembler as(*compiled, heap_, memory_.address_of_next());
  as.assemble_loop(loop);
  uint8_t* code = memory_.install(as.enc.code.data(), as.enc.size());
  as.finish_install(code);
  compiled->entry = code + as.entry_offset;
  compiled->epilogue = code + as.epilogue_offset;
  compiled->frame_words = std::max(compiled->frame_words, x86::kSpillBase + as.max_slots);
  compiled->pieces.push_back(x86::CodePiece{"loop", code, as.enc.size()});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  jitlog::JitStats& s = jitlog::stats();
  std::string what = "Loop " + std::to_string(s.loops_compiled) + " (" + label_name(loop) + ")";
  s.loops_compiled++;
  s.backend_seconds += seconds;
  s.code_bytes += as.enc.size();
  log_compiled(what, code, as.enc.size(), compiled->entry, loop.ops.size(), seconds);
  return compiled;
}

// Every copy of the guard (an optimizer may duplicate one) reaches the
// bridge: the bridge is compiled against the first copy's locations, and a
// copy that holds its values elsewhere, or has virtuals to materialize
// first, goes through an adapter. A fail argument that is a constant in
// the first copy but not the same constant in every copy gets a frame slot,
// so the bridge never assumes one copy's constant.
void X86Backend::compile_bridge(CompiledLoop& loop, const FailDescr& guard, const Trace& bridge) {
  auto t0 = std::chrono::steady_clock::now();
  auto& l = static_cast<X86Loop&>(loop);
  auto it = l.guards_by_descr.find(&guard);
  if (it == l.guards_by_descr.end() || it->second.empty())
    throw std::runtime_error("x86: no guard " + guard.name() + " to attach a bridge to");
  std::vector<GuardInfo*> copies = it->second;
  int slots = 0;
  std::vector<std::vector<Loc>> from;
  for (GuardInfo* g : copies) {
    if (g->resume.fail_args.size() != bridge.inputargs.size())
      throw std::runtime_error("x86: bridge does not match guard " + guard.name());
    slots = std::max(slots, assign_virtual_slots(*g));
    from.push_back(fail_arg_locs(*g));
  }
  std::vector<Loc> entry = from.front();
  for (size_t k = 0; k < entry.size(); k++) {
    if (entry[k].type != Loc::Imm) continue;
    bool agree = true;
    for (const auto& f : from) agree &= f[k] == entry[k];
    if (!agree) entry[k] = Loc::stack(slots++);
  }
  l.frame_words = std::max(l.frame_words, x86::kSpillBase + slots);

  TraceAssembler as(l, heap_, memory_.address_of_next());
  as.assemble_bridge(bridge, entry);
  uint8_t* code = memory_.install(as.enc.code.data(), as.enc.size());
  as.finish_install(code);
  l.frame_words = std::max(l.frame_words, x86::kSpillBase + as.max_slots);
  l.pieces.push_back(x86::CodePiece{"bridge " + std::to_string(guard.index()), code, as.enc.size()});

  auto redirect = [&](GuardInfo* g, uint8_t* target) {
    for (uint8_t* at : g->jumps) {
      int32_t rel = static_cast<int32_t>(target - (at + 4));
      memory_.patch(at, &rel, 4);
    }
  };
  for (size_t k = 0; k < copies.size(); k++) {
    if (from[k] == entry && !copies[k]->resume.has_virtuals()) {
      redirect(copies[k], code);
      continue;
    }
    TraceAssembler adapter(l, heap_, memory_.address_of_next());
    adapter.assemble_adapter(*copies[k], entry, code);
    uint8_t* at = memory_.install(adapter.enc.code.data(), adapter.enc.size());
    l.pieces.push_back(x86::CodePiece{"adapter to bridge " + std::to_string(guard.index()), at, adapter.enc.size()});
    redirect(copies[k], at);
    jitlog::stats().code_bytes += adapter.enc.size();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  jitlog::JitStats& s = jitlog::stats();
  s.bridges_compiled++;
  s.backend_seconds += seconds;
  s.code_bytes += as.enc.size();
  log_compiled("bridge out of Guard " + std::to_string(guard.index()), code, as.enc.size(), nullptr,
               bridge.ops.size(), seconds);
}

ExitState X86Backend::execute(CompiledLoop& loop, std::span<const RtValue> args) {
  auto& l = static_cast<X86Loop&>(loop);
  if (args.size() != l.n_inputargs)
    throw ExecutionError(nullptr, "the loop takes " + std::to_string(l.n_inputargs) + " arguments, not " +
                                      std::to_string(args.size()));
  std::vector<uint64_t> frame(static_cast<size_t>(l.frame_words) + 1, 0);
  for (size_t k = 0; k < args.size(); k++) std::memcpy(&frame[x86::kSpillBase + k], &args[k].i, 8);
  auto entry = reinterpret_cast<const GuardInfo* (*)(uint64_t*)>(l.entry);
  take_exception();  // compiled code starts with none pending
  const GuardInfo* g = entry(frame.data());
  ExitState state;
  state.exit = g->descr;
  state.exception = take_exception();
  std::vector<RtValue> leaves = x86::read_leaves(frame.data(), *g);
  state.values = g->resume.materialize(heap_, leaves);
  return state;
}

std::string objdump_disassemble(const uint8_t* bytes, size_t size, uint64_t vma, bool intel) {
  char path[] = "/tmp/rpyjit-asm-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return "(cannot write a temporary file for objdump)\n";
  size_t done = 0;
  while (done < size) {
    ssize_t n = write(fd, bytes + done, size - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  close(fd);
  char vma_text[32];
  std::snprintf(vma_text, sizeof vma_text, "0x%llx", static_cast<unsigned long long>(vma));
  std::string cmd = std::string("objdump -D -b binary -mi386:x86-64 ") + (intel ? "-M intel " : "") +
                    "--adjust-vma=" + vma_text + " " + path + " 2>&1";
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    if (pclose(p) != 0) out = "(objdump failed)\n" + out;
  } else {
    out = "(cannot run objdump)\n";
  }
  unlink(path);
  // Keep the instruction lines only: drop objdump's file header.
  size_t start = out.find("<.data>:\n");
  if (start != std::string::npos) out = out.substr(start + 9);
  return out;
}

std::string X86Backend::disassemble(const CompiledLoop& loop) const {
  const auto& l = static_cast<const X86Loop&>(loop);
  std::string out;
  for (const x86::CodePiece& p : l.pieces) {
    char header[128];
    std::snprintf(header, sizeof header, "# %s: %zu bytes at %p\n", p.title.c_str(), p.size,
                  static_cast<void*>(p.start));
    out += header;
    if (p.title == "loop") {
      char entry[96];
      std::snprintf(entry, sizeof entry, "# entry at %p, epilogue at %p\n", static_cast<void*>(l.entry),
                    static_cast<void*>(l.epilogue));
      out += entry;
    }
    out += objdump_disassemble(p.start, p.size, reinterpret_cast<uint64_t>(p.start));
  }
  return out;
}

}  // namespace rpy::jit
