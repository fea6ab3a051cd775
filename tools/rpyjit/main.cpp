// rpyjit: runs text traces through the JIT's lower half.
//
//   rpyjit run [--no-opt] [--interp] [--dump-opt] [--dump-asm] FILE ARG...
//   rpyjit print FILE
//
// `run` parses FILE, optimizes it (unless --no-opt), compiles the loop and
// its bridges and runs it with ARG... bound to the loop's input arguments,
// then prints `exit N v1 v2 ...`. `print` parses and prints the canonical
// text, for checking the format. Diagnostics go to stderr; --dump-opt and
// --dump-asm write there too so stdout stays the one exit line.
#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/jit/llgraph.h"
#include "runtime/jit/optimizer.h"
#include "runtime/jit/parser.h"
#include "runtime/jit/printer.h"
#include "tools/rpyjit/test_functions.h"

namespace {

using namespace rpy::jit;

constexpr const char* kUsage =
    "usage: rpyjit run [--no-opt] [--interp] [--dump-opt] [--dump-asm] FILE ARG...\n"
    "       rpyjit print FILE\n";

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
  bool optimize = true, interp = false, dump_opt = false, dump_asm = false;
  size_t k = 0;
  for (; k < args.size() && args[k].starts_with("--"); k++) {
    if (args[k] == "--no-opt") optimize = false;
    else if (args[k] == "--interp") interp = true;
    else if (args[k] == "--dump-opt") dump_opt = true;
    else if (args[k] == "--dump-asm") dump_asm = true;
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
    // The optimizer passes are not written yet; the identity optimizer
    // keeps the pipeline (and --dump-opt) in place for them.
    NoOptimizer optimizer;
    optimize_trace_file(optimizer, *file);
  }
  if (dump_opt) std::cerr << print_trace_file(*file);

  if (!interp) {
    std::cerr << "rpyjit: error: the x86-64 backend is not built yet; use --interp\n";
    return 1;
  }
  JitHeap heap;
  LLGraphBackend backend(heap);
  try {
    auto compiled = backend.compile_loop(file->loop);
    for (const auto& bridge : file->bridges) backend.compile_bridge(*compiled, *bridge->guard, bridge->trace);
    if (dump_asm) std::cerr << "rpyjit: note: --dump-asm shows nothing with --interp (no machine code)\n";
    ExitState exit = backend.execute(*compiled, values);
    std::cout << format_exit(exit) << "\n";
  } catch (const ExecutionError& e) {
    std::cerr << path;
    if (e.op && e.op->source_line) std::cerr << ":" << e.op->source_line;
    std::cerr << ": error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command");
  std::string command = args.front();
  args.erase(args.begin());
  if (command == "run") return cmd_run(args);
  if (command == "print") return cmd_print(args);
  if (command == "-h" || command == "--help") {
    std::cout << kUsage;
    return 0;
  }
  return usage_error("unknown command '" + command + "'");
}
