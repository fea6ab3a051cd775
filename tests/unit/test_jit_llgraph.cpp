// The reference executor driven through the Backend interface.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>

#include "runtime/jit/llgraph.h"
#include "runtime/jit/parser.h"
#include "tools/rpyjit/test_functions.h"

using namespace rpy::jit;

namespace {

std::string run(const std::string& text, std::vector<RtValue> args) {
  ParseOptions options;
  options.functions = &test_function_registry();
  ParseResult r = parse_trace_file(text, "t.trace", options);
  BOOST_REQUIRE_MESSAGE(r.ok(), r.error.format());
  JitHeap heap;
  LLGraphBackend backend(heap);
  return format_exit(run_trace_file(backend, *r.file, args));
}

RtValue I(int64_t v) { return RtValue::of_int(v); }
RtValue F(double v) { return RtValue::of_float(v); }

}  // namespace

BOOST_AUTO_TEST_CASE(overflow_flag_is_set_by_each_ovf_operation) {
  const char* t =
      "[i0, i1]\n"
      "i2 = int_mul_ovf(i0, i1)\n"
      "guard_no_overflow() [i0]\n"
      "i3 = int_sub_ovf(i2, 1)\n"
      "guard_no_overflow() [i2]\n"
      "finish(i3)\n";
  BOOST_TEST(run(t, {I(6), I(7)}) == "exit 4 41");
  BOOST_TEST(run(t, {I(int64_t{1} << 62), I(2)}) == "exit 1 4611686018427387904");
  BOOST_TEST(run(t, {I(std::numeric_limits<int64_t>::min()), I(1)}) == "exit 3 -9223372036854775808");
}

BOOST_AUTO_TEST_CASE(floats_are_ieee_operation_by_operation) {
  // (a*b)+c rounded twice differs from a fused multiply-add here.
  const char* t = "[f0, f1, f2]\nf3 = float_mul(f0, f1)\nf4 = float_add(f3, f2)\nfinish(f4)\n";
  double a = 1.0 + std::ldexp(1.0, -30), c = -(1.0 + std::ldexp(1.0, -29));
  BOOST_TEST(run(t, {F(a), F(a), F(c)}) == "exit 2 0.0");
  BOOST_TEST(run("[f0]\nf1 = float_truediv(f0, 0.0)\ni2 = float_eq(f1, f1)\nfinish(f1, i2)\n", {F(0.0)}) ==
             "exit 2 nan 0");
}

BOOST_AUTO_TEST_CASE(bridges_continue_after_a_failing_guard) {
  const char* t =
      "[i0]\n"
      "label(i0, descr=loop)\n"
      "i1 = int_lt(i0, 5)\n"
      "guard_true(i1) [i0]\n"
      "i2 = int_add(i0, 1)\n"
      "jump(i2, descr=loop)\n"
      "bridge 2:\n"
      "[i3]\n"
      "i4 = int_mul(i3, 100)\n"
      "finish(i4)\n";
  BOOST_TEST(run(t, {I(0)}) == "exit 6 500");
}

BOOST_AUTO_TEST_CASE(undefined_behaviour_is_reported) {
  ParseResult r = parse_trace_file("descr T = struct(a: i)\n[p0]\ni1 = getfield_gc_i(p0, descr=T.a)\nfinish(i1)\n");
  BOOST_REQUIRE(r.ok());
  JitHeap heap;
  LLGraphBackend backend(heap);
  std::vector<RtValue> args = {RtValue::of_ref(nullptr)};
  BOOST_CHECK_THROW(run_trace_file(backend, *r.file, args), ExecutionError);

  ParseResult endless = parse_trace_file("[i0]\nlabel(i0, descr=l)\njump(i0, descr=l)\n");
  backend.set_step_limit(1000);
  std::vector<RtValue> one = {RtValue::of_int(1)};
  BOOST_CHECK_THROW(run_trace_file(backend, *endless.file, one), ExecutionError);
}

BOOST_AUTO_TEST_CASE(c_functions_bind_from_their_cpp_type) {
  const CFunction* f = test_function_registry().find("c_scale");
  BOOST_REQUIRE(f);
  BOOST_TEST(f->arg_kinds.size() == 2u);
  BOOST_TEST((f->arg_kinds[0] == Kind::Int && f->arg_kinds[1] == Kind::Float));
  BOOST_TEST((f->result_kind == Kind::Float));
  RtValue args[] = {I(3), F(0.5)};
  BOOST_TEST(f->invoke(args).f == 1.5);
  BOOST_TEST(f->address != nullptr);
}

BOOST_AUTO_TEST_CASE(heap_objects_follow_the_documented_layout) {
  ParseResult r = parse_trace_file("descr T = struct(a: i, b: f)\ndescr A = array(r)\n[i0]\nfinish(i0)\n");
  BOOST_REQUIRE(r.ok());
  auto* t = static_cast<StructDescr*>(r.file->descrs->find("T"));
  auto* a = static_cast<ArrayDescr*>(r.file->descrs->find("A"));
  BOOST_TEST(t->size() == 24);
  BOOST_TEST(t->field("b")->offset() == 16);
  JitHeap heap;
  void* obj = heap.new_struct(*t);
  BOOST_TEST(JitHeap::type_id_of(obj) == t->type_id());
  void* arr = heap.new_array(*a, 4);
  BOOST_TEST(JitHeap::array_length(arr) == 4);
  BOOST_TEST(JitHeap::type_id_of(arr) == a->type_id());
  BOOST_TEST(t->type_id() != a->type_id());
}
