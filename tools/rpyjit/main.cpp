// rpyjit: runs text traces through the JIT's lower half.
//
//   rpyjit run [--no-opt] [--interp] [--dump-opt] [--dump-asm] [--time] FILE ARG...
//   rpyjit print FILE
//   rpyjit fuzz [--seed S] [--count N] [--show] [--quiet]
//
// `run` parses FILE, optimizes it (unless --no-opt), compiles the loop and
// its bridges with the x86-64 backend (or, with --interp, the reference
// executor) and runs it with ARG... bound to the loop's input arguments,
// then prints `exit N v1 v2 ...`. `print` parses and prints the canonical
// text, for checking the format. `fuzz` runs N random traces from seed S on
// both and reports every difference. Diagnostics go to stderr; --dump-opt
// and --dump-asm write there too so stdout stays the one exit line, as does
// --time (compile and execute times, for bench/jit_backend).
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/jit/jitlog.h"
#include "runtime/jit/llgraph.h"
#include "runtime/jit/opt/optimizeopt.h"
#include "runtime/jit/optimizer.h"
#include "runtime/jit/parser.h"
#include "runtime/jit/printer.h"
#include "targets/x86_64/backend.h"
#include "tools/rpyjit/fuzz.h"
#include "tools/rpyjit/test_functions.h"

namespace {

using namespace rpy::jit;

constexpr const char* kUsage =
    "usage: rpyjit run [--no-opt] [--opt=PASSES] [--interp] [--dump-opt] [--dump-asm] FILE ARG...\n"
    "       rpyjit print FILE\n"
    "       rpyjit fuzz [--seed S] [--count N] [--show] [--quiet]\n";

int usage_error(const std::string& message) {
  std::cerr << "rpyjit: error: " << message << "\n" << kUsage;
  return 2;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

std::unique_ptr<TraceFile> load(const std::string& path) {
  std::string text;
  if (!read_file(path, text)) {
    std::cerr << "rpyjit: error: cannot read " << path << "\n";
    return nullptr;
  }
  ParseOptions options;
  options.functions = &test_function_registry();
  ParseResult result = parse_trace_file(text, path, options);
  if (!result.ok()) std::cerr << result.error.format();
  return std::move(result.file);
}

// One command-line argument for an input argument of the given kind.
bool parse_arg(const std::string& text, Kind kind, RtValue& out) {
  const char* b = text.data();
  const char* e = text.data() + text.size();
  switch (kind) {
    case Kind::Int: {
      int64_t v;
      auto [p, ec] = std::from_chars(b, e, v);
      if (ec != std::errc() || p != e) return false;
      out = RtValue::of_int(v);
      return true;
    }
    case Kind::Float: {
      double v;
      auto [p, ec] = std::from_chars(b, e, v);
      if (ec != std::errc() || p != e) return false;
      out = RtValue::of_float(v);
      return true;
    }
    case Kind::Ref:
      if (text != "null") return false;
      out = RtValue::of_ref(nullptr);
      return true;
    case Kind::Void: return false;
  }
  return false;
}

const char* kind_description(Kind k) {
  return k == Kind::Int ? "an integer" : k == Kind::Float ? "a float" : "null (the only ref an argument can be)";
}

int cmd_print(const std::vector<std::string>& args) {
  if (args.size() != 1) return usage_error("print takes one FILE");
  auto file = load(args[0]);
  if (!file) return 1;
  std::cout << print_trace_file(*file);
  return 0;
}

int cmd_run(const std::vector<std::string>& args) {
  bool optimize = true, interp = false, dump_opt = false, dump_asm = false, timing = false;
  opt::OptOptions opt_options;
  size_t k = 0;
  for (; k < args.size() && args[k].starts_with("--"); k++) {
    if (args[k] == "--no-opt") optimize = false;
    else if (args[k] == "--interp") interp = true;
    else if (args[k] == "--dump-opt") dump_opt = true;
    else if (args[k] == "--dump-asm") dump_asm = true;
    else if (args[k] == "--time") timing = true;
    else if (args[k].starts_with("--opt=")) {  // which passes, e.g. --opt=rewrite,pure (default all)
      std::string error;
      if (!opt_options.parse(std::string_view(args[k]).substr(6), &error)) return usage_error(error);
    }
    else return usage_error("unknown option " + args[k]);
  }
  if (k == args.size()) return usage_error("run needs a FILE");
  const std::string& path = args[k++];
  auto file = load(path);
  if (!file) return 1;

  const auto& inputs = file->loop.inputargs;
  if (args.size() - k != inputs.size()) {
    std::cerr << "rpyjit: error: " << path << " takes " << inputs.size() << " argument"
              << (inputs.size() == 1 ? "" : "s") << ", " << args.size() - k << " given\n";
    return 1;
  }
  std::vector<RtValue> values(inputs.size());
  for (size_t a = 0; a < inputs.size(); a++)
    if (!parse_arg(args[k + a], inputs[a]->kind(), values[a])) {
      std::cerr << "rpyjit: error: argument " << a + 1 << " ('" << args[k + a] << "') must be "
                << kind_description(inputs[a]->kind()) << " for " << inputs[a]->name << "\n";
      return 1;
    }

  if (optimize) {
    // The optimizer (runtime/jit/opt/). Guards may keep virtuals in their
    // fail arguments: both backends rebuild them on exit (resume.h).
    opt::ChainOptimizer optimizer(opt_options);
    optimize_trace_file(optimizer, *file);
    if (auto errors = verify(*file); !errors.empty()) {
      std::cerr << print_trace_file(*file) << "rpyjit: internal error: the optimized trace is invalid: "
                << errors.front().message << "\n";
      return 3;
    }
  }
  if (dump_opt) std::cerr << print_trace_file(*file);

  JitHeap heap;
  std::unique_ptr<Backend> backend;
  if (interp) backend = std::make_unique<LLGraphBackend>(heap);
  else backend = std::make_unique<X86Backend>(heap);
  try {
    auto t0 = std::chrono::steady_clock::now();
    auto compiled = backend->compile_loop(file->loop);
    for (const auto& bridge : file->bridges) backend->compile_bridge(*compiled, *bridge->guard, bridge->trace);
    auto t1 = std::chrono::steady_clock::now();
    if (dump_asm) {
      if (interp) std::cerr << "rpyjit: note: --dump-asm shows nothing with --interp (no machine code)\n";
      else std::cerr << backend->disassemble(*compiled);
    }
    auto t2 = std::chrono::steady_clock::now();
    ExitState exit = backend->execute(*compiled, values);
    auto t3 = std::chrono::steady_clock::now();
    std::cout << format_exit(exit, file->descrs.get()) << "\n";
    jitlog::write_summary();
    if (timing) {
      size_t n_ops = file->loop.ops.size();
      for (const auto& bridge : file->bridges) n_ops += bridge->trace.ops.size();
      double compile_us = std::chrono::duration<double, std::micro>(t1 - t0).count();
      double run_us = std::chrono::duration<double, std::micro>(t3 - t2).count();
      std::fprintf(stderr, "time: %s compile %.1f us for %zu ops (%.3f us/op), execute %.1f us\n",
                   std::string(backend->name()).c_str(), compile_us, n_ops, compile_us / static_cast<double>(n_ops),
                   run_us);
    }
  } catch (const ExecutionError& e) {
    std::cerr << path;
    if (e.op && e.op->source_line) std::cerr << ":" << e.op->source_line;
    std::cerr << ": error: " << e.what() << "\n";
    return 1;
  } catch (const std::runtime_error& e) {
    std::cerr << path << ": error: " << backend->name() << " backend: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

// A backend bug may crash instead of mismatching: say which seed did it.
volatile uint64_t fuzz_current_seed = 0;
void fuzz_crash_handler(int sig) {
  char buf[96];
  int n = std::snprintf(buf, sizeof buf, "CRASH seed %llu (signal %d)\n",
                        static_cast<unsigned long long>(fuzz_current_seed), sig);
  if (n > 0) (void)!write(2, buf, static_cast<size_t>(n));
  _exit(3);
}

bool parse_u64(const std::string& text, uint64_t& out) {
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && p == text.data() + text.size();
}

// Random traces on the reference executor and the x86-64 backend, with and
// without the optimizer; prints each mismatch as a runnable trace file.
int cmd_fuzz(const std::vector<std::string>& args) {
  uint64_t seed = 1, count = 1000;
  bool show = false, quiet = false;
  for (size_t k = 0; k < args.size(); k++) {
    if (args[k] == "--seed" && k + 1 < args.size()) {
      if (!parse_u64(args[++k], seed)) return usage_error("--seed takes a number");
    } else if (args[k] == "--count" && k + 1 < args.size()) {
      if (!parse_u64(args[++k], count)) return usage_error("--count takes a number");
    } else if (args[k] == "--show") {
      show = true;
    } else if (args[k] == "--quiet") {
      quiet = true;
    } else {
      return usage_error("unknown fuzz option " + args[k]);
    }
  }
  uint64_t matched = 0, skipped = 0, mismatched = 0, opt_skipped = 0, with_objects = 0, with_exceptions = 0;
  uint64_t virtual_guards_before = jitlog::stats().virtual_guards;
  opt::ChainOptimizer chain;
  std::signal(SIGSEGV, fuzz_crash_handler);
  std::signal(SIGBUS, fuzz_crash_handler);
  std::signal(SIGILL, fuzz_crash_handler);
  std::signal(SIGFPE, fuzz_crash_handler);
  for (uint64_t s = seed; s < seed + count; s++) {
    fuzz_current_seed = s;
    FuzzCase c = generate_fuzz_case(s);
    if (show) std::cout << c.text << "# args: " << c.args_text() << "\n";
    for (Optimizer* opt : {static_cast<Optimizer*>(nullptr), static_cast<Optimizer*>(&chain)}) {
      FuzzOutcome o = run_fuzz_case(c, opt);
      if (o.status == FuzzOutcome::Status::Skipped) {
        (opt ? opt_skipped : skipped)++;
        break;
      }
      if (o.status == FuzzOutcome::Status::Match) {
        matched++;
        with_objects += o.expected.find(" | ") != std::string::npos;
        with_exceptions += o.expected.find(" exception ") != std::string::npos;
        continue;
      }
      mismatched++;
      std::cout << "MISMATCH seed " << s << (opt ? " (optimized)" : "") << "\n"
                << "  reference: " << o.expected << "\n  x86_64:    " << o.actual << "\n";
      if (!o.note.empty()) std::cout << "  " << o.note << "\n";
      std::cout << c.text << "# args: " << c.args_text() << std::endl;
      break;
    }
    if (!quiet && (s - seed + 1) % 10000 == 0)
      std::cerr << "rpyjit fuzz: " << s - seed + 1 << " cases, " << mismatched << " mismatches\n";
  }
  std::cout << "fuzz: seeds " << seed << ".." << seed + count - 1 << ": " << matched << " runs matched, "
            << skipped << " cases skipped (undefined in the reference), " << opt_skipped
            << " optimized runs skipped (a guard with a bridge optimized away), " << mismatched << " mismatches\n"
            << "fuzz: covered " << with_objects << " exits with objects, " << with_exceptions
            << " with a pending exception, " << jitlog::stats().virtual_guards - virtual_guards_before
            << " optimized guards with virtuals in their resume data\n";
  return mismatched ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command");
  std::string command = args.front();
  args.erase(args.begin());
  if (command == "run") return cmd_run(args);
  if (command == "print") return cmd_print(args);
  if (command == "fuzz") return cmd_fuzz(args);
  if (command == "-h" || command == "--help") {
    std::cout << kUsage;
    return 0;
  }
  return usage_error("unknown command '" + command + "'");
}
