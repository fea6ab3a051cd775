// rpyjit-opt: the trace optimizer on its own, text in, text out.
//
//   rpyjit-opt [--passes=SPEC] FILE      prints FILE optimized (stdout)
//   rpyjit-opt --bench [--ops=N] [--repeat=R] [--passes=SPEC]
//                                        optimizes a synthetic loop of about N
//                                        operations R times; prints µs per op
//
// SPEC is `all` (the default), `none`, or a comma-separated list of
// intbounds, rewrite, virtualize, pure, heap, unroll. The tests in
// tests/jit/opt/<pass>/*.test run through here (tests/run_jit_opt.py).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "runtime/jit/opt/optimizeopt.h"
#include "runtime/jit/parser.h"
#include "runtime/jit/printer.h"
#include "tools/rpyjit/test_functions.h"

using namespace rpy::jit;

namespace {

// A loop body in the style of an interpreter's: boxed integers read and
// written through a frame, arithmetic with overflow checks, comparisons
// and guards, an array, an elidable call, repeated `blocks` times.
std::string synthetic_trace(int blocks) {
  std::ostringstream t;
  t << "descr Box = struct(value: i)\n"
       "descr Frame = struct(a: r, b: r, n: i)\n"
       "descr A = array(i)\n"
       "descr ADD = call(c_add: i, i -> i, effect=elidable)\n"
       "[p0, i0]\n"
       "label(p0, i0, descr=loop)\n";
  std::string cur = "i0";
  for (int k = 0; k < blocks; k++) {
    std::string s = std::to_string(k);
    t << "p1_" << s << " = getfield_gc_r(p0, descr=Frame.a)\n"
      << "guard_nonnull(p1_" << s << ") [p0, " << cur << "]\n"
      << "guard_class(p1_" << s << ", ConstClass(Box)) [p0, " << cur << "]\n"
      << "i1_" << s << " = getfield_gc_i(p1_" << s << ", descr=Box.value)\n"
      << "i2_" << s << " = int_add_ovf(i1_" << s << ", " << cur << ")\n"
      << "guard_no_overflow() [p0, " << cur << "]\n"
      << "i3_" << s << " = int_and(i2_" << s << ", 255)\n"
      << "i4_" << s << " = int_lt(i3_" << s << ", 256)\n"
      << "guard_true(i4_" << s << ") [p0, " << cur << "]\n"
      << "p5_" << s << " = new(descr=Box)\n"
      << "setfield_gc(p5_" << s << ", i3_" << s << ", descr=Box.value)\n"
      << "setfield_gc(p0, p5_" << s << ", descr=Frame.b)\n"
      << "i6_" << s << " = getfield_gc_i(p5_" << s << ", descr=Box.value)\n"
      << "i7_" << s << " = int_mul(i6_" << s << ", 4)\n"
      << "i8_" << s << " = int_add(i7_" << s << ", 0)\n"
      << "i9_" << s << " = call_i(i8_" << s << ", 3, descr=ADD)\n"
      << "i10_" << s << " = call_i(i8_" << s << ", 3, descr=ADD)\n"
      << "p11_" << s << " = new_array(2, descr=A)\n"
      << "setarrayitem_gc(p11_" << s << ", 0, i9_" << s << ", descr=A)\n"
      << "i12_" << s << " = getarrayitem_gc_i(p11_" << s << ", 0, descr=A)\n"
      << "i13_" << s << " = int_sub(i12_" << s << ", i10_" << s << ")\n"
      << "i14_" << s << " = int_add(i13_" << s << ", i12_" << s << ")\n"
      << "setfield_gc(p0, i14_" << s << ", descr=Frame.n)\n"
      << "i15_" << s << " = getfield_gc_i(p0, descr=Frame.n)\n";
    cur = "i15_" + s;
  }
  t << "jump(p0, " << cur << ", descr=loop)\n";
  return t.str();
}

int bench(int ops, int repeat, const opt::OptOptions& options) {
  int blocks = ops / 24 > 0 ? ops / 24 : 1;
  std::string text = synthetic_trace(blocks);
  ParseOptions po;
  po.functions = &test_function_registry();
  ParseResult parsed = parse_trace_file(text, "<synthetic>", po);
  if (!parsed.ok()) {
    std::cerr << parsed.error.format();
    return 1;
  }
  TraceFile& file = *parsed.file;
  size_t n = file.loop.ops.size();
  opt::ChainOptimizer optimizer(options);
  size_t out_ops = 0;
  double best = 1e100;
  for (int r = 0; r < repeat; r++) {
    auto t0 = std::chrono::steady_clock::now();
    Trace out = optimizer.optimize_loop(file.loop, *file.descrs);
    auto t1 = std::chrono::steady_clock::now();
    out_ops = out.ops.size();
    best = std::min(best, std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  std::printf("optimizer (%s): %zu ops in, %zu ops out; best of %d: %.0f us, %.3f us/op\n", options.str().c_str(), n,
              out_ops, repeat, best, best / static_cast<double>(n));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  opt::OptOptions options;
  std::string path;
  bool do_bench = false;
  int ops = 100000, repeat = 5;
  for (int k = 1; k < argc; k++) {
    std::string a = argv[k];
    if (a.rfind("--passes=", 0) == 0) {
      std::string error;
      if (!options.parse(a.substr(9), &error)) {
        std::cerr << "rpyjit-opt: error: " << error << "\n";
        return 2;
      }
    } else if (a == "--bench") {
      do_bench = true;
    } else if (a.rfind("--ops=", 0) == 0) {
      ops = std::stoi(a.substr(6));
    } else if (a.rfind("--repeat=", 0) == 0) {
      repeat = std::stoi(a.substr(9));
    } else if (path.empty() && a[0] != '-') {
      path = a;
    } else {
      std::cerr << "usage: rpyjit-opt [--passes=SPEC] FILE | --bench [--ops=N] [--repeat=R]\n";
      return 2;
    }
  }
  if (do_bench) return bench(ops, repeat, options);
  if (path.empty()) {
    std::cerr << "usage: rpyjit-opt [--passes=SPEC] FILE | --bench [--ops=N] [--repeat=R]\n";
    return 2;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "rpyjit-opt: error: cannot read " << path << "\n";
    return 1;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  ParseOptions po;
  po.functions = &test_function_registry();
  ParseResult parsed = parse_trace_file(ss.str(), path, po);
  if (!parsed.ok()) {
    std::cerr << parsed.error.format();
    return 1;
  }
  opt::ChainOptimizer optimizer(options);
  optimize_trace_file(optimizer, *parsed.file);
  std::cout << print_trace_file(*parsed.file);
  if (auto errors = verify(*parsed.file); !errors.empty()) {
    std::cerr << "rpyjit-opt: internal error: the optimized trace is invalid: " << errors.front().message << "\n";
    return 3;
  }
  return 0;
}
