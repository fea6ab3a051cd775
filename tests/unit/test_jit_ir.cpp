// The trace IR: opcode table, printer/parser round trips, parse errors,
// the verifier, and building traces through the C++ API.
#include <boost/test/unit_test.hpp>

#include "runtime/jit/optimizer.h"
#include "runtime/jit/parser.h"
#include "runtime/jit/printer.h"

using namespace rpy::jit;

namespace {

const char* kIssueExample =
    "descr T = struct(value: i, next: r)\n"
    "descr A = array(i)\n"
    "descr F = call(f: i, f -> r, effect=can_raise, writes=T.value|A)\n"
    "[i0, i1, f0]\n"
    "label(i0, i1, f0, descr=loop)\n"
    "i2 = int_add_ovf(i0, 1)\n"
    "guard_no_overflow() [i0]\n"
    "i3 = int_lt(i2, i1)\n"
    "guard_true(i3) [i2, f0]\n"
    "p4 = new(descr=T)\n"
    "setfield_gc(p4, i2, descr=T.value)\n"
    "i5 = getfield_gc_i(p4, descr=T.value)\n"
    "f1 = float_add(f0, 1.5)\n"
    "guard_class(p4, ConstClass(T)) []\n"
    "jump(i5, i1, f1, descr=loop)\n"
    "\n"
    "bridge 4:\n"
    "[i7, f8]\n"
    "finish(i7, f8, NULL, -0.0, 1e+16)\n";

std::unique_ptr<TraceFile> parse_ok(const std::string& text) {
  ParseResult r = parse_trace_file(text, "t.trace");
  BOOST_REQUIRE_MESSAGE(r.ok(), r.error.format());
  return std::move(r.file);
}

ParseError parse_error(const std::string& text) {
  ParseResult r = parse_trace_file(text, "t.trace");
  BOOST_REQUIRE(!r.ok());
  return r.error;
}

}  // namespace

BOOST_AUTO_TEST_CASE(opcode_table_is_consistent) {
  BOOST_TEST(op_name(Opcode::new_) == "new");
  BOOST_TEST(op_name(Opcode::int_add) == "int_add");
  BOOST_TEST((opcode_by_name("guard_no_overflow") == Opcode::guard_no_overflow));
  BOOST_TEST(!opcode_by_name("int_foo").has_value());
  BOOST_TEST(!opcode_by_name("new_").has_value());
  for (int k = 0; k < kOpcodeCount; k++) {
    const OpInfo& info = op_info(static_cast<Opcode>(k));
    BOOST_TEST_CONTEXT(info.name) {
      BOOST_TEST((opcode_by_name(info.name) == static_cast<Opcode>(k)));
      // Guards compute nothing, except guard_exception: it returns the
      // exception it caught (as in RPython).
      if (info.is_guard() && static_cast<Opcode>(k) != Opcode::guard_exception) BOOST_TEST((info.result == Kind::Void));
      if (info.is_always_pure()) BOOST_TEST(!info.has(WritesHeap | Guard | Call | Malloc));
    }
  }
  BOOST_TEST(op_info(Opcode::int_add).arity() == 2);
  BOOST_TEST(op_info(Opcode::call_i).arity() == -1);
  BOOST_TEST(op_info(Opcode::int_mul_ovf).is_ovf());
  BOOST_TEST((op_info(Opcode::guard_exception).result == Kind::Ref));
  BOOST_TEST(op_info(Opcode::guard_no_exception).has(ReadsException));
  BOOST_TEST((op_info(Opcode::getfield_gc_f).result == Kind::Float));
  BOOST_TEST((getfield_for(Kind::Ref) == Opcode::getfield_gc_r));
  BOOST_TEST((call_for(Kind::Void) == Opcode::call_n));
}

BOOST_AUTO_TEST_CASE(canonical_text_prints_back_unchanged) {
  auto file = parse_ok(kIssueExample);
  BOOST_TEST(print_trace_file(*file) == kIssueExample);
  BOOST_TEST(file->loop.ops.size() == 11u);
  BOOST_TEST(file->bridges.size() == 1u);
  BOOST_TEST(file->bridges[0]->guard->index() == 4);
}

BOOST_AUTO_TEST_CASE(free_form_text_normalises_and_round_trips) {
  const char* messy =
      "# a comment\n"
      "  [i0,p1]   # trailing comment\n"
      "i2=int_add( i0 ,-3 )\n"
      "guard_nonnull(p1)[ i2 ]\n"
      "finish(i2,2.50)\n";
  auto file = parse_ok(messy);
  std::string printed = print_trace_file(*file);
  BOOST_TEST(printed == "[i0, p1]\ni2 = int_add(i0, -3)\nguard_nonnull(p1) [i2]\nfinish(i2, 2.5)\n");
  BOOST_TEST(print_trace_file(*parse_ok(printed)) == printed);
}

BOOST_AUTO_TEST_CASE(exit_numbers_survive_reordering) {
  auto file = parse_ok("[i0]\ni1 = int_add(i0, 1)\nguard_true(i0) [i1]\nfinish(i1)\n");
  // A pass dropping the int_add moves the guard to line 0: it keeps exit 1.
  Trace t;
  InputArg* a = t.add_inputarg(Kind::Int, "i0");
  Op* g = t.append(Opcode::guard_true, {a}, file->loop.ops[1]->descr);
  g->fail_args = {a};
  t.append(Opcode::finish, {a}, file->loop.ops[2]->descr);
  file->loop = std::move(t);
  std::string printed = print_trace_file(*file);
  BOOST_TEST(printed == "[i0]\nguard_true(i0, descr=<exit1>) [i0]\nfinish(i0, descr=<exit2>)\n");
  auto again = parse_ok(printed);
  BOOST_TEST(again->loop.ops[0]->fail_descr()->index() == 1);
  BOOST_TEST(print_trace_file(*again) == printed);
}

BOOST_AUTO_TEST_CASE(values_made_by_passes_get_fresh_names) {
  Trace t;
  InputArg* a = t.add_inputarg(Kind::Int, "i0");
  InputArg* b = t.add_inputarg(Kind::Float);  // unnamed
  Op* sum = t.append(Opcode::int_add, {a, t.const_int(7)});
  Op* p = t.append(Opcode::cast_int_to_float, {sum});
  DescrTable descrs;
  t.append(Opcode::finish, {sum, p, b}, descrs.new_fail_descr(2));
  BOOST_TEST(print_trace(t) == "[i0, f0]\ni1 = int_add(i0, 7)\nf2 = cast_int_to_float(i1)\nfinish(i1, f2, f0)\n");
}

BOOST_AUTO_TEST_CASE(copy_trace_prints_the_same) {
  auto file = parse_ok(kIssueExample);
  std::string before = print_trace_file(*file);
  NoOptimizer none;
  optimize_trace_file(none, *file);
  BOOST_TEST(print_trace_file(*file) == before);
  BOOST_TEST(verify(*file).empty());
}

BOOST_AUTO_TEST_CASE(constants_are_deduplicated) {
  Trace t;
  BOOST_TEST(t.const_int(5) == t.const_int(5));
  BOOST_TEST(t.const_float(0.0) != t.const_float(-0.0));
  BOOST_TEST(t.const_null() == t.const_ref(nullptr));
  BOOST_TEST(t.const_int(1) != static_cast<Value*>(t.const_float(1.0)));
}

BOOST_AUTO_TEST_CASE(float_repr_matches_python) {
  BOOST_TEST(float_repr(1.0) == "1.0");
  BOOST_TEST(float_repr(0.1) == "0.1");
  BOOST_TEST(float_repr(-0.0) == "-0.0");
  BOOST_TEST(float_repr(1e16) == "1e+16");
  BOOST_TEST(float_repr(123456789012345678.0) == "1.2345678901234568e+17");
  BOOST_TEST(float_repr(1.5e-5) == "1.5e-05");
  BOOST_TEST(float_repr(0.0001) == "0.0001");
  BOOST_TEST(float_repr(1e300 * 1e300) == "inf");
  BOOST_TEST(float_repr(0.1 + 0.2) == "0.30000000000000004");
  BOOST_TEST(float_repr(5e-324) == "5e-324");
}

BOOST_AUTO_TEST_CASE(parse_errors_have_positions) {
  ParseError e = parse_error("[i0]\ni1 = int_add(i0, i9)\nfinish(i1)\n");
  BOOST_TEST(e.line == 2);
  BOOST_TEST(e.column == 17);
  BOOST_TEST(e.format() == "t.trace:2: error: 'i9' is not defined\ni1 = int_add(i0, i9)\n                 ^\n");

  BOOST_TEST(parse_error("[i0]\ni1 = int_add(i0)\nfinish(i1)\n").message == "int_add takes 2 arguments, not 1");
  BOOST_TEST(parse_error("[i0]\np1 = int_add(i0, 1)\nfinish(p1)\n").line == 2);
  BOOST_TEST(parse_error("[i0]\ni0 = int_add(i0, 1)\nfinish(i0)\n").message == "'i0' is already defined");
  BOOST_TEST(parse_error("[i0]\nfinish(i0)\ni1 = int_add(i0, 1)\n").line == 3);
  BOOST_TEST(parse_error("[q0]\nfinish(q0)\n").line == 1);
  BOOST_TEST(parse_error("descr T = struct(a: x)\n[i0]\nfinish(i0)\n").column == 20);
  BOOST_TEST(parse_error("[i0]\njump(i0, descr=nowhere)\n").message == "jump needs descr= naming a label");
  BOOST_TEST(parse_error("[i0]\nguard_true(i0) [i0]\nfinish(i0)\nbridge 2:\n[i1]\nfinish(i1)\n").message ==
             "operation 2 is finish, not a guard");
  BOOST_TEST(parse_error("[i0]\ni1 = int_add(i0, 1) junk\nfinish(i1)\n").message ==
             "unexpected text after the operation");
  BOOST_TEST(parse_error("[i0]\nlabel(i0, descr=l)\nlabel(i0, descr=l)\nfinish(i0)\n").message ==
             "label 'l' is defined twice");
}

BOOST_AUTO_TEST_CASE(garbage_never_crashes) {
  const char* inputs[] = {"",        "[",        "]",          "[i0",         "[i0]\n(",    "[i0]\n=",
                          "[i0]\ni1 =", "[i0]\nx(", "descr",      "descr T = ",  "bridge",     "bridge x:",
                          "[i0]\nfinish(i0)\nbridge 0:\n", "[i0]\nfinish(descr=)", "[i0]\nfinish(i0) [",
                          "descr C = call(", "[i0]\ni1 = int_add(i0, 1.5.5)\nfinish(i1)"};
  for (const char* text : inputs) {
    ParseResult r = parse_trace_file(text, "g");
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(!r.ok()); BOOST_TEST(!r.error.message.empty()); }
  }
}
