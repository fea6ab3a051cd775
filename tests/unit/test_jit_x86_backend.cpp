// The x86-64 backend on hand-written traces aimed at its corners: register
// pressure and spilling, fixed registers (shift counts), cycles in the
// moves of a jump, calls with stack arguments, guards shared by two places,
// bridges patched in after the first run. Every case also runs on the
// reference executor, which must agree.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstring>
#include <limits>

#include "runtime/jit/llgraph.h"
#include "runtime/jit/parser.h"
#include "targets/x86_64/backend.h"
#include "tools/rpyjit/test_functions.h"

using namespace rpy::jit;

namespace {

int64_t many_ints(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f, int64_t g, int64_t h) {
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h;
}
double many_floats(double a, double b, double c, double d, double e, double f, double g, double h, double i,
                   double j, int64_t k) {
  return a - b + c - d + e - f + g - h + i * 2 - j * 3 + static_cast<double>(k);
}

const CFunctionRegistry& registry() {
  static const CFunctionRegistry r = [] {
    CFunctionRegistry r;
    register_test_functions(r);
    r.add(make_cfunction<&many_ints>("many_ints"));
    r.add(make_cfunction<&many_floats>("many_floats"));
    return r;
  }();
  return r;
}

std::unique_ptr<TraceFile> parse(const std::string& text) {
  ParseOptions options;
  options.functions = &registry();
  ParseResult r = parse_trace_file(text, "t.trace", options);
  BOOST_REQUIRE_MESSAGE(r.ok(), r.error.format());
  return std::move(r.file);
}

// Runs on both backends; returns the x86 exit line after checking they agree.
std::string run(const std::string& text, std::vector<RtValue> args) {
  auto file = parse(text);
  JitHeap h1, h2;
  LLGraphBackend ref(h1);
  X86Backend x86(h2);
  std::string expected = format_exit(run_trace_file(ref, *file, args));
  std::string actual = format_exit(run_trace_file(x86, *file, args));
  BOOST_TEST(actual == expected);
  return actual;
}

RtValue I(int64_t v) { return RtValue::of_int(v); }
RtValue F(double v) { return RtValue::of_float(v); }

}  // namespace

BOOST_AUTO_TEST_CASE(forty_live_ints_spill_and_come_back) {
  std::string t = "[i0]\n";
  for (int k = 1; k <= 40; k++) t += "i" + std::to_string(k) + " = int_add(i0, " + std::to_string(k * k) + ")\n";
  std::string acc = "i1";
  for (int k = 2; k <= 40; k++) {
    std::string next = "s" + std::to_string(k);
    t += "i" + next + " = int_xor(" + acc + ", i" + std::to_string(k) + ")\n";
    acc = "i" + next;
  }
  t += "finish(" + acc + ", i1, i20, i40)\n";
  run(t, {I(12345)});
}

BOOST_AUTO_TEST_CASE(twenty_live_floats_spill) {
  std::string t = "[f0]\n";
  for (int k = 1; k <= 20; k++) t += "f" + std::to_string(k) + " = float_mul(f0, " + std::to_string(k) + ".5)\n";
  std::string acc = "f1";
  for (int k = 2; k <= 20; k++) {
    t += "fs" + std::to_string(k) + " = float_sub(" + acc + ", f" + std::to_string(k) + ")\n";
    acc = "fs" + std::to_string(k);
  }
  t += "finish(" + acc + ", f1, f20)\n";
  BOOST_TEST(run(t, {F(0.1)}).starts_with("exit 39 "));
}

BOOST_AUTO_TEST_CASE(shift_counts_go_through_rcx) {
  const char* t =
      "[i0, i1, i2, i3]\n"
      "i4 = int_lshift(i0, i1)\n"
      "i5 = int_rshift(i1, i0)\n"   // i0 as the count while i1 is the shifted value
      "i6 = uint_rshift(i2, i3)\n"
      "i7 = int_lshift(i3, i3)\n"
      "finish(i4, i5, i6, i7, i0, i1, i2, i3)\n";
  BOOST_TEST(run(t, {I(3), I(5), I(-64), I(2)}) == "exit 4 96 0 4611686018427387888 8 3 5 -64 2");
}

BOOST_AUTO_TEST_CASE(jump_with_swapped_arguments_breaks_the_cycle) {
  const char* t =
      "[i0, i1, f0, f1, i2]\n"
      "label(i0, i1, f0, f1, i2, descr=loop)\n"
      "i3 = int_sub(i2, 1)\n"
      "i4 = int_ge(i3, 0)\n"
      "guard_true(i4) [i0, i1, f0, f1]\n"
      "jump(i1, i0, f1, f0, i3, descr=loop)\n";
  BOOST_TEST(run(t, {I(1), I(2), F(1.5), F(2.5), I(3)}) == "exit 3 2 1 2.5 1.5");
  BOOST_TEST(run(t, {I(1), I(2), F(1.5), F(2.5), I(4)}) == "exit 3 1 2 1.5 2.5");
}

BOOST_AUTO_TEST_CASE(calls_with_arguments_on_the_stack) {
  const char* t =
      "descr MI = call(many_ints: i, i, i, i, i, i, i, i -> i)\n"
      "descr MF = call(many_floats: f, f, f, f, f, f, f, f, f, f, i -> f)\n"
      "[i0, f0]\n"
      "i1 = int_add(i0, 1)\n"
      "f1 = float_add(f0, 1.0)\n"
      "i2 = call_i(i0, i1, 2, 3, 4, 5, i1, i0, descr=MI)\n"
      "f2 = call_f(f0, f1, 0.5, 0.25, f0, f1, 3.0, 4.0, 5.0, f0, i2, descr=MF)\n"
      "finish(i0, i1, f0, f1, i2, f2)\n";
  BOOST_TEST(run(t, {I(10), F(0.5)}) == "exit 4 10 11 0.5 1.5 " + std::to_string(many_ints(10, 11, 2, 3, 4, 5, 11, 10)) +
                                            " " + float_repr(many_floats(0.5, 1.5, 0.5, 0.25, 0.5, 1.5, 3.0, 4.0, 5.0, 0.5,
                                                                         many_ints(10, 11, 2, 3, 4, 5, 11, 10))));
}

BOOST_AUTO_TEST_CASE(values_live_across_calls_survive) {
  std::string t =
      "descr ADD = call(c_add: i, i -> i)\n"
      "descr MULADD = call(c_muladd: f, f, f -> f)\n"
      "[i0, f0]\n";
  for (int k = 1; k <= 14; k++) t += "i" + std::to_string(k) + " = int_mul(i0, " + std::to_string(k) + ")\n";
  t += "i20 = call_i(i1, i2, descr=ADD)\n"
       "f1 = float_add(f0, 0.5)\n"
       "f2 = call_f(f0, f1, f0, descr=MULADD)\n"
       "i21 = call_i(i20, i14, descr=ADD)\n";
  t += "finish(i1, i2, i3, i4, i5, i6, i7, i8, i9, i10, i11, i12, i13, i14, i20, i21, f0, f1, f2)\n";
  run(t, {I(7), F(2.0)});
}

BOOST_AUTO_TEST_CASE(float_guard_value_compares_bits) {
  const char* t =
      "[f0]\n"
      "guard_value(f0, 0.0) [f0]\n"
      "finish(f0)\n";
  BOOST_TEST(run(t, {F(0.0)}) == "exit 1 0.0");
  BOOST_TEST(run(t, {F(-0.0)}) == "exit 0 -0.0");
  const char* nan = "[f0]\nguard_value(f0, nan) [f0]\nfinish(f0)\n";
  BOOST_TEST(run(nan, {F(std::nan(""))}) == "exit 1 nan");
}

BOOST_AUTO_TEST_CASE(float_comparisons_with_nan) {
  const char* t =
      "[f0, f1]\n"
      "i0 = float_lt(f0, f1)\n"
      "i1 = float_le(f0, f1)\n"
      "i2 = float_eq(f0, f1)\n"
      "i3 = float_ne(f0, f1)\n"
      "i4 = float_gt(f0, f1)\n"
      "i5 = float_ge(f0, f1)\n"
      "finish(i0, i1, i2, i3, i4, i5)\n";
  double nan = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(run(t, {F(nan), F(1.0)}) == "exit 6 0 0 0 1 0 0");
  BOOST_TEST(run(t, {F(1.0), F(1.0)}) == "exit 6 0 1 1 0 0 1");
  BOOST_TEST(run(t, {F(0.5), F(1.0)}) == "exit 6 1 1 0 1 0 0");
  const char* g = "[f0, f1]\ni0 = float_lt(f0, f1)\nguard_false(i0) [f0]\nfinish(f1)\n";
  BOOST_TEST(run(g, {F(nan), F(1.0)}) == "exit 2 1.0");
  BOOST_TEST(run(g, {F(0.0), F(1.0)}) == "exit 1 0.0");
}

BOOST_AUTO_TEST_CASE(a_bridge_is_patched_in_after_a_run) {
  auto file = parse(
      "[i0, i1]\n"
      "label(i0, i1, descr=loop)\n"
      "i2 = int_lt(i0, 20)\n"
      "guard_true(i2) [i1]\n"
      "i3 = int_and(i0, 1)\n"
      "guard_false(i3) [i0, i1]\n"
      "i4 = int_add(i1, i0)\n"
      "i5 = int_add(i0, 1)\n"
      "jump(i5, i4, descr=loop)\n"
      "\n"
      "bridge 4:\n"
      "[i10, i11]\n"
      "i12 = int_add(i11, 100)\n"
      "i13 = int_add(i12, i10)\n"
      "i14 = int_add(i10, 1)\n"
      "jump(i14, i13, descr=loop)\n");
  JitHeap heap;
  X86Backend x86(heap);
  auto loop = x86.compile_loop(file->loop);
  std::vector<RtValue> args{I(0), I(0)};
  BOOST_TEST(format_exit(x86.execute(*loop, args)) == "exit 4 1 0");
  x86.compile_bridge(*loop, *file->bridges[0]->guard, file->bridges[0]->trace);
  BOOST_TEST(format_exit(x86.execute(*loop, args)) == "exit 2 1190");
  BOOST_TEST(x86.disassemble(*loop).find("# bridge 4") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(two_guards_sharing_an_exit_both_reach_its_bridge) {
  auto file = parse(
      "[i0]\n"
      "i1 = int_gt(i0, 5)\n"
      "guard_true(i1) [i0]\n"
      "i2 = int_add(i0, 100)\n"
      "i3 = int_mul(i2, 3)\n"
      "i4 = int_gt(i2, 200)\n"
      "guard_true(i4) [i2]\n"
      "finish(i3, i0)\n"
      "\n"
      "bridge 1:\n"
      "[i9]\n"
      "i10 = int_mul(i9, 2)\n"
      "finish(i10)\n");
  // As an optimizer that duplicates a guard would: the second guard exits
  // with the first one's FailDescr, so the bridge serves both.
  file->loop.ops[5]->descr = file->loop.ops[1]->descr;
  JitHeap heap;
  X86Backend x86(heap);
  auto loop = x86.compile_loop(file->loop);
  x86.compile_bridge(*loop, *file->bridges[0]->guard, file->bridges[0]->trace);
  std::vector<RtValue> a{I(3)}, b{I(50)}, c{I(500)};
  BOOST_TEST(format_exit(x86.execute(*loop, a)) == "exit 8 6");
  BOOST_TEST(format_exit(x86.execute(*loop, b)) == "exit 8 300");
  BOOST_TEST(format_exit(x86.execute(*loop, c)) == "exit 6 1800 500");
}

BOOST_AUTO_TEST_CASE(heap_objects_arrays_and_classes) {
  const char* t =
      "descr S = struct(a: i, b: f, c: r)\n"
      "descr AF = array(f)\n"
      "[i0, f0]\n"
      "p1 = new(descr=S)\n"
      "p2 = new_array(i0, descr=AF)\n"
      "setfield_gc(p1, 9223372036854775807, descr=S.a)\n"
      "setfield_gc(p1, f0, descr=S.b)\n"
      "setfield_gc(p1, p1, descr=S.c)\n"
      "i3 = int_sub(i0, 1)\n"
      "setarrayitem_gc(p2, i3, -2.5, descr=AF)\n"
      "setarrayitem_gc(p2, 0, f0, descr=AF)\n"
      "p4 = getfield_gc_r(p1, descr=S.c)\n"
      "guard_nonnull_class(p4, ConstClass(S)) [i0]\n"
      "i5 = getfield_gc_i(p4, descr=S.a)\n"
      "f6 = getarrayitem_gc_f(p2, i3, descr=AF)\n"
      "f7 = getarrayitem_gc_f(p2, 0, descr=AF)\n"
      "i8 = arraylen_gc(p2, descr=AF)\n"
      "i9 = ptr_eq(p4, p1)\n"
      "finish(i5, f6, f7, i8, i9, p4)\n";
  BOOST_TEST(run(t, {I(5), F(0.75)}) == "exit 15 9223372036854775807 -2.5 0.75 5 1 ref");
}

BOOST_AUTO_TEST_CASE(compiled_loop_runs_many_times) {
  auto file = parse(
      "[i0, i1]\n"
      "label(i0, i1, descr=loop)\n"
      "i2 = int_lt(i0, 1000)\n"
      "guard_true(i2) [i0, i1]\n"
      "i3 = int_add(i1, i0)\n"
      "i4 = int_add(i0, 1)\n"
      "jump(i4, i3, descr=loop)\n");
  JitHeap heap;
  X86Backend x86(heap);
  auto loop = x86.compile_loop(file->loop);
  for (int64_t start = 0; start < 50; start++) {
    std::vector<RtValue> args{I(start), I(0)};
    int64_t sum = (999 * 1000) / 2 - (start * (start - 1)) / 2;
    BOOST_TEST(format_exit(x86.execute(*loop, args)) == "exit 2 1000 " + std::to_string(sum));
  }
}

// Guards whose fail arguments are virtuals (resume data): the exit builds
// the objects from the values the guard kept, with floats in xmm registers
// and ints spilled, a shared item and a cycle.
BOOST_AUTO_TEST_CASE(exit_rebuilds_virtuals_from_resume_data) {
  auto file = parse(
      "descr T = struct(x: i, y: f, next: r)\n"
      "descr A = array(i)\n"
      "[i0, f0]\n"
      "i1 = int_add(i0, 1)\n"
      "f1 = float_add(f0, 0.5)\n"
      "i2 = int_gt(i0, 5)\n"
      "guard_false(i2) [i1, p3, p4, p3] {p3: T(x=i1, y=f1, next=p5); p5: T(x=-7, y=f0, next=p3); p4: A[i0, i1, 3]}\n"
      "finish(i0)\n");
  for (int backend = 0; backend < 2; backend++) {
    JitHeap heap;
    LLGraphBackend ref(heap);
    X86Backend x86(heap);
    Backend& b = backend ? static_cast<Backend&>(x86) : ref;
    std::vector<RtValue> args{I(9), F(1.25)};
    ExitState s = run_trace_file(b, *file, args);
    BOOST_REQUIRE(s.values.size() == 4u);
    BOOST_TEST(s.values[0].i == 10);
    auto* p3 = static_cast<char*>(s.values[1].r);
    auto* p4 = static_cast<char*>(s.values[2].r);
    BOOST_TEST((s.values[3].r == p3));  // the same virtual twice: one object
    auto word = [](char* obj, int64_t offset) {
      int64_t v;
      std::memcpy(&v, obj + offset, 8);
      return v;
    };
    auto dbl = [&](char* obj, int64_t offset) {
      double d;
      std::memcpy(&d, obj + offset, 8);
      return d;
    };
    StructDescr* t = static_cast<StructDescr*>(file->descrs->find("T"));
    BOOST_TEST(JitHeap::type_id_of(p3) == t->type_id());
    BOOST_TEST(word(p3, 8) == 10);
    BOOST_TEST(dbl(p3, 16) == 1.75);
    auto* p5 = reinterpret_cast<char*>(word(p3, 24));
    BOOST_TEST(word(p5, 8) == -7);
    BOOST_TEST(dbl(p5, 16) == 1.25);
    BOOST_TEST((reinterpret_cast<char*>(word(p5, 24)) == p3));  // the cycle
    BOOST_TEST(JitHeap::array_length(p4) == 3);
    BOOST_TEST(word(p4, 16) == 9);
    BOOST_TEST(word(p4, 24) == 10);
    BOOST_TEST(word(p4, 32) == 3);
  }
}

// A bridge on a guard with virtuals gets real objects: an adapter
// materializes them before the bridge runs, on every failure anew.
BOOST_AUTO_TEST_CASE(bridge_on_a_virtual_guard_gets_fresh_objects_each_time) {
  const char* t =
      "descr B = struct(v: i)\n"
      "[i0, i1]\n"
      "label(i0, i1, descr=loop)\n"
      "i2 = int_lt(i0, 30)\n"
      "guard_true(i2) [i1]\n"
      "i3 = int_and(i0, 3)\n"
      "guard_true(i3) [p4, i0, i1] {p4: B(v=i0)}\n"
      "i5 = int_add(i0, 1)\n"
      "jump(i5, i1, descr=loop)\n"
      "\n"
      "bridge 4:\n"
      "[p10, i11, i12]\n"
      "i13 = getfield_gc_i(p10, descr=B.v)\n"
      "setfield_gc(p10, 1000, descr=B.v)\n"
      "i14 = int_add(i12, i13)\n"
      "i15 = int_add(i11, 1)\n"
      "jump(i15, i14, descr=loop)\n";
  // Multiples of 4 below 30: 0 + 4 + ... + 28 = 112. Were the object shared
  // between failures, the setfield would make it 1000s.
  BOOST_TEST(run(t, {I(0), I(0)}) == "exit 2 112");
}

// The loop's first guard is copied to the end of the loop (rotation): a
// bridge attached to it after a run must be reached from the copy too,
// whichever iteration fails.
BOOST_AUTO_TEST_CASE(bridge_on_the_rotated_loop_head_guard) {
  auto file = parse(
      "[i0, i1]\n"
      "label(i0, i1, descr=loop)\n"
      "i2 = int_lt(i0, i1)\n"
      "guard_true(i2) [i0, i1]\n"
      "i3 = int_add(i0, 1)\n"
      "jump(i3, i1, descr=loop)\n"
      "\n"
      "bridge 2:\n"
      "[i10, i11]\n"
      "i12 = int_mul(i10, 1000)\n"
      "finish(i12, i11)\n");
  JitHeap heap;
  X86Backend x86(heap);
  auto loop = x86.compile_loop(file->loop);
  std::vector<RtValue> first{I(0), I(0)}, later{I(0), I(7)};
  BOOST_TEST(format_exit(x86.execute(*loop, first)) == "exit 2 0 0");  // fails at the label's copy
  BOOST_TEST(format_exit(x86.execute(*loop, later)) == "exit 2 7 7");  // fails at the rotated copy
  x86.compile_bridge(*loop, *file->bridges[0]->guard, file->bridges[0]->trace);
  BOOST_TEST(format_exit(x86.execute(*loop, first)) == "exit 6 0 0");
  BOOST_TEST(format_exit(x86.execute(*loop, later)) == "exit 6 7000 7");
}
