// The JIT core as the codewriter and the meta-interpreter will drive it:
// descrs declared in code, traces built op by op (no text), optimized,
// compiled, run, a guard failing with a virtual in its fail arguments, a
// bridge attached afterwards, an exception raised by a called function.
// docs/JIT_IR.md ("Driving the JIT from code") walks through this file.
#include <boost/test/unit_test.hpp>

#include <cstring>

#include "runtime/jit/cfunction.h"
#include "runtime/jit/exception.h"
#include "runtime/jit/llgraph.h"
#include "runtime/jit/opt/optimizeopt.h"
#include "runtime/jit/printer.h"
#include "targets/x86_64/backend.h"

using namespace rpy::jit;

namespace {

// A runtime helper the trace calls: divides, raising the exception object
// it is given when the divisor is 0 (RPython code would allocate one).
int64_t api_div(int64_t a, int64_t b, void* exc) {
  if (b == 0) {
    raise_exception(exc);
    return 0;
  }
  return a / b;
}

const CFunction kDiv = make_cfunction<&api_div>("api_div");

struct Built {
  TraceFile file;
  StructDescr* box = nullptr;
  FieldDescr* box_value = nullptr;
  StructDescr* exc = nullptr;
  FailDescr* loop_exit = nullptr;  // the guard ending the loop
  FailDescr* div_exit = nullptr;   // guard_no_exception after the call
};

// i0 counts down from its start; each iteration adds 1000 / i0 to i1 and
// boxes the sum (the box stays virtual after optimization). When i0 hits
// 0 the guard fails with the box as a fail argument.
//   [i0, i1, p2]
//   label(i0, i1, p2, descr=loop)
//   i3 = int_gt(i0, 0)
//   guard_true(i3) [i1, p4] {p4: Box(value=i1)}   <- written with a real new
//   i5 = call_i(1000, i0, p2, descr=DIV)
//   guard_no_exception() [i0, i1]
//   i6 = int_add(i1, i5)
//   i7 = int_sub(i0, 1)
//   jump(i7, i6, p2, descr=loop)
void build(Built& b) {
  DescrTable& d = *b.file.descrs;
  b.box = d.declare_struct("Box");
  b.box_value = d.add_field(b.box, "value", Kind::Int);
  b.exc = d.declare_struct("ZeroDiv");
  d.add_field(b.exc, "code", Kind::Int);
  EffectInfo effects;
  effects.extra = EffectInfo::Extra::CanRaise;
  effects.writes_anything = false;  // writes no field or array: heap caches survive the call
  CallDescr* div = d.declare_call("DIV", kDiv.name, kDiv.arg_kinds, kDiv.result_kind, effects, &kDiv);
  TargetToken* loop_token = d.target("loop");

  Trace& t = b.file.loop;
  InputArg* i0 = t.add_inputarg(Kind::Int, "i0");
  InputArg* i1 = t.add_inputarg(Kind::Int, "i1");
  InputArg* p2 = t.add_inputarg(Kind::Ref, "p2");
  t.append(Opcode::label, {i0, i1, p2}, loop_token);
  Op* i3 = t.append(Opcode::int_gt, {i0, t.const_int(0)});
  Op* p4 = t.append(Opcode::new_, {}, b.box);
  t.append(Opcode::setfield_gc, {p4, i1}, b.box_value);
  b.loop_exit = d.new_fail_descr(4);
  Op* guard = t.append(Opcode::guard_true, {i3}, b.loop_exit);
  guard->fail_args = {i1, p4};
  Op* i5 = t.append(Opcode::call_i, {t.const_int(1000), i0, p2}, div);
  b.div_exit = d.new_fail_descr(6);
  Op* no_exc = t.append(Opcode::guard_no_exception, {}, b.div_exit);
  no_exc->fail_args = {i0, i1};
  Op* i6 = t.append(Opcode::int_add, {i1, i5});
  Op* i7 = t.append(Opcode::int_sub, {i0, t.const_int(1)});
  t.append(Opcode::jump, {i7, i6, p2}, loop_token);
  bind_labels(t);
}

std::string run(Backend& backend, const Trace& loop, const Built& b, std::vector<RtValue> args, void** last_box) {
  auto compiled = backend.compile_loop(loop);
  ExitState s = backend.execute(*compiled, args);
  if (last_box) *last_box = s.values.size() > 1 ? s.values[1].r : nullptr;
  return format_exit(s, b.file.descrs.get());
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_trace_built_in_code_verifies_and_prints) {
  Built b;
  build(b);
  auto errors = verify(b.file);
  BOOST_TEST(errors.empty(), (errors.empty() ? "" : errors.front().message));
  std::string text = print_trace_file(b.file);
  BOOST_TEST(text.find("guard_true(i2) [i1, p3]") != std::string::npos, text);
  BOOST_TEST(text.find("i4 = call_i(1000, i0, p2, descr=DIV)") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(optimized_loop_exits_with_a_rebuilt_virtual_then_takes_a_bridge) {
  Built b;
  build(b);
  opt::ChainOptimizer optimizer;
  Trace optimized = optimizer.optimize_loop(b.file.loop, *b.file.descrs);
  bind_labels(optimized);
  // The box is virtual: no `new` is left, the guards carry it as resume data.
  std::string text = print_trace(optimized);
  BOOST_TEST(text.find("new(") == std::string::npos, text);
  BOOST_TEST(text.find("Box(value=") != std::string::npos, text);

  JitHeap heap;
  void* exc = heap.new_struct(*b.exc);
  LLGraphBackend reference(heap);
  X86Backend x86(heap);
  for (Backend* backend : {static_cast<Backend*>(&reference), static_cast<Backend*>(&x86)}) {
    void* box = nullptr;
    // 1000/5 + 1000/4 + 1000/3 + 1000/2 + 1000/1 = 2283, exits with a Box(2283).
    BOOST_TEST(run(*backend, optimized, b, {RtValue::of_int(5), RtValue::of_int(0), RtValue::of_ref(exc)}, &box) ==
               "exit 4 2283 ref");
    BOOST_REQUIRE(box);
    BOOST_TEST(JitHeap::type_id_of(box) == b.box->type_id());
    int64_t value;
    std::memcpy(&value, static_cast<char*>(box) + b.box_value->offset(), 8);
    BOOST_TEST(value == 2283);
  }

  // A bridge for the loop's exit, attached after the loop was compiled:
  // it gets the sum and the rebuilt box, divides by their difference (0),
  // and leaves through its guard_no_exception with the exception pending.
  JitHeap heap2;
  void* exc2 = heap2.new_struct(*b.exc);
  Trace bridge;
  InputArg* j0 = bridge.add_inputarg(Kind::Int);
  InputArg* q1 = bridge.add_inputarg(Kind::Ref);
  Op* v = bridge.append(Opcode::getfield_gc_i, {q1}, b.box_value);
  Op* zero = bridge.append(Opcode::int_sub, {j0, v});  // the sum, twice: once as i1, once in the box
  Op* r = bridge.append(Opcode::call_i, {v, zero, bridge.const_ref(exc2)}, static_cast<CallDescr*>(b.file.descrs->find("DIV")));
  Op* g = bridge.append(Opcode::guard_no_exception, {}, b.file.descrs->new_fail_descr(101));
  g->fail_args = {j0, v};
  bridge.append(Opcode::finish, {r}, b.file.descrs->new_fail_descr(102));
  for (int which = 0; which < 2; which++) {
    LLGraphBackend ref2(heap2);
    X86Backend x2(heap2);
    Backend& backend = which ? static_cast<Backend&>(x2) : ref2;
    auto compiled = backend.compile_loop(optimized);
    std::vector<RtValue> args{RtValue::of_int(2), RtValue::of_int(0), RtValue::of_ref(exc2)};
    BOOST_TEST(format_exit(backend.execute(*compiled, args)) == "exit 4 1500 ref");
    backend.compile_bridge(*compiled, *b.loop_exit, bridge);
    ExitState s = backend.execute(*compiled, args);
    // 1000/2 + 1000/1 = 1500; then 1500 / 0 in the bridge raises.
    BOOST_TEST(format_exit(s, b.file.descrs.get()) == "exit 101 1500 1500 exception ZeroDiv");
    BOOST_TEST((s.exception == exc2));
    BOOST_TEST(exception_state().type == 0);  // moved into the ExitState
  }
}
