// The flow builder (flowspace/flowbuilder.h) on small live Python functions.
// Expectations are about structure and op names, not variable numbers, so
// that harmless changes in numbering do not break them.
#include <boost/test/unit_test.hpp>
#include <pybind11/embed.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "flowspace/flowbuilder.h"
#include "flowspace/formatparse.h"

namespace py = pybind11;
using namespace rpy;

using namespace pybind11::literals;

namespace {

struct Interpreter {
  py::scoped_interpreter interp;
  Interpreter() {
    // rpython.rlib.* lives at the repository root, two levels above this file.
    auto root = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
    py::module_::import("sys").attr("path").attr("insert")(0, root.string());
    // One directory per run: the builder caches parsed sources by path.
    dir = py::module_::import("tempfile").attr("mkdtemp")("prefix"_a = "rpy-flowtest-").cast<std::string>();
  }
  ~Interpreter() { std::filesystem::remove_all(dir); }
  static inline std::string dir;
  static inline int counter = 0;
};

// Writes `src` as a fresh module and imports it. Line 1 of `src` is line 1
// of the file, so error lines in tests read straight off the source text.
py::module_ load(const std::string& src) {
  std::string name = "flowmod" + std::to_string(Interpreter::counter++);
  std::string path = Interpreter::dir + "/" + name + ".py";
  py::module_ io = py::module_::import("io");
  {
    py::object f = io.attr("open")(path, "w", "encoding"_a = "utf-8");
    f.attr("write")(src);
    f.attr("close")();
  }
  py::module_ util = py::module_::import("importlib.util");
  py::object spec = util.attr("spec_from_file_location")(name, path);
  py::object mod = util.attr("module_from_spec")(spec);
  spec.attr("loader").attr("exec_module")(mod);
  return mod;
}

std::unique_ptr<FunctionGraph> build(const std::string& src, const std::string& func = "f") {
  return build_flow_graph(load(src).attr(func.c_str()));
}

std::vector<std::string> opnames(const FunctionGraph& g) {
  std::vector<std::string> out;
  for (Block* b : g.iterblocks())
    for (auto& op : b->operations) out.push_back(op.opname);
  return out;
}

size_t count(const FunctionGraph& g, const std::string& name) {
  auto ops = opnames(g);
  return std::count(ops.begin(), ops.end(), name);
}

std::vector<Block*> inner_blocks(const FunctionGraph& g) {
  std::vector<Block*> out;
  for (Block* b : g.iterblocks())
    if (!b->is_final) out.push_back(b);
  return out;
}

size_t switches(const FunctionGraph& g) {
  size_t n = 0;
  for (Block* b : inner_blocks(g)) n += b->exitswitch != nullptr;
  return n;
}

std::map<Block*, int> predecessors(const FunctionGraph& g) {
  std::map<Block*, int> preds;
  for (Block* b : g.iterblocks())
    for (Link* l : b->exits) preds[l->target]++;
  return preds;
}

std::set<std::string> names(const std::vector<Variable*>& vs) {
  std::set<std::string> s;
  for (Variable* v : vs) s.insert(v->name);
  return s;
}

// Runs `src`'s f through the builder, which must refuse it.
TranslationError expect_error(const std::string& src, const std::string& func = "f") {
  py::module_ m = load(src);
  try {
    build_flow_graph(m.attr(func.c_str()));
  } catch (TranslationError& e) {
    return e;
  }
  BOOST_FAIL("no TranslationError for:\n" << src);
  throw;  // unreachable
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(Interpreter);

BOOST_AUTO_TEST_SUITE(folding)

BOOST_AUTO_TEST_CASE(we_are_translated_keeps_only_the_translated_branch) {
  auto g = build(
      "from rpython.rlib.objectmodel import we_are_translated\n"
      "def f(x):\n"
      "    if we_are_translated():\n"
      "        return x + 1\n"
      "    else:\n"
      "        return x - 1\n");
  std::string d = g->dump();
  BOOST_TEST(switches(*g) == 0u, d);
  BOOST_TEST(count(*g, "add") == 1u, d);
  BOOST_TEST(count(*g, "sub") == 0u, d);
  BOOST_TEST(count(*g, "simple_call") == 0u, d);
  BOOST_TEST(count(*g, "bool") == 0u, d);
  BOOST_TEST(inner_blocks(*g).size() == 1u, d);
}

BOOST_AUTO_TEST_CASE(not_we_are_translated_drops_the_untranslated_code) {
  auto g = build(
      "from rpython.rlib import objectmodel\n"
      "def f(x):\n"
      "    if not objectmodel.we_are_translated():\n"
      "        print('interpreted')\n"
      "    return x\n");
  std::string d = g->dump();
  BOOST_TEST(switches(*g) == 0u, d);
  BOOST_TEST(opnames(*g).empty(), d);
}

BOOST_AUTO_TEST_CASE(module_level_flags_fold) {
  auto g = build(
      "DEBUG = False\n"
      "LEVEL = 3\n"
      "def f(x):\n"
      "    if DEBUG:\n"
      "        print('debug', x)\n"
      "    if LEVEL > 2 and not DEBUG:\n"
      "        x = x * 2\n"
      "    else:\n"
      "        x = x * 3\n"
      "    return x\n");
  std::string d = g->dump();
  BOOST_TEST(switches(*g) == 0u, d);
  BOOST_TEST((opnames(*g) == std::vector<std::string>{"mul"}), d);
  // The surviving multiplication is by 2, the LEVEL > 2 branch.
  for (Block* b : inner_blocks(*g))
    for (auto& op : b->operations) BOOST_TEST(op.args[1]->repr() == "2");
}

BOOST_AUTO_TEST_CASE(no_bool_op_on_a_constant) {
  auto g = build(
      "FLAG = 1\n"
      "NAME = ''\n"
      "def f(x):\n"
      "    y = 0\n"
      "    if FLAG:\n"
      "        y = x\n"
      "    while NAME:\n"
      "        y = y + 1\n"
      "    z = 5 if FLAG else x\n"
      "    return y + z\n");
  std::string d = g->dump();
  for (Block* b : g->iterblocks())
    for (auto& op : b->operations)
      if (op.opname == "bool") BOOST_TEST(!op.args[0]->is_const(), d);
  BOOST_TEST(switches(*g) == 0u, d);
}

BOOST_AUTO_TEST_CASE(constant_arithmetic_folds) {
  auto g = build(
      "def f():\n"
      "    x = 2 * 3 + 1\n"
      "    y = (x - 10) // 2 % 5\n"
      "    return x * y\n");
  std::string d = g->dump();
  BOOST_TEST(opnames(*g).empty(), d);
  Block* s = g->startblock;
  BOOST_REQUIRE(s->exits.size() == 1u);
  BOOST_TEST(s->exits[0]->target == g->returnblock);
  // (7 - 10) // 2 % 5 == 3 with Python's floor semantics; 7 * 3 = 21.
  BOOST_TEST(s->exits[0]->args[0]->repr() == "21", d);
}

BOOST_AUTO_TEST_CASE(folding_follows_python_semantics) {
  auto g = build(
      "def f():\n"
      "    return (-7 // 2, -7 % 2, 7 / 2, 'a' + 'b', 2 ** 10, 1 < 2 < 3)\n");
  std::string d = g->dump();
  BOOST_TEST(opnames(*g).empty(), d);
  BOOST_TEST(g->startblock->exits[0]->args[0]->repr() == "(-4, 1, 3.5, 'ab', 1024, True)", d);
}

BOOST_AUTO_TEST_CASE(builtins_fold_on_constants) {
  auto g = build(
      "TABLE = (1, 5, 3)\n"
      "def f():\n"
      "    return len(TABLE) + max(TABLE) + abs(-2)\n");
  BOOST_TEST(opnames(*g).empty(), g->dump());
  BOOST_TEST(g->startblock->exits[0]->args[0]->repr() == "10");
}

BOOST_AUTO_TEST_CASE(overflowing_constant_is_left_for_run_time) {
  // 2**70 does not fit a machine word: the op stays (the annotator reports it).
  auto g = build(
      "def f():\n"
      "    return 2 ** 70\n");
  BOOST_TEST(count(*g, "pow") == 1u, g->dump());
}

BOOST_AUTO_TEST_CASE(division_by_zero_is_not_folded) {
  // Folding would raise at translation time; the program must raise at run time.
  auto g = build(
      "def f():\n"
      "    return 1 // 0\n");
  BOOST_TEST(count(*g, "floordiv") == 1u, g->dump());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(control_flow)

BOOST_AUTO_TEST_CASE(while_loop_has_a_header_with_the_loop_variables) {
  auto g = build(
      "def f(n):\n"
      "    i = 0\n"
      "    s = 0\n"
      "    while i < n:\n"
      "        s += i\n"
      "        i += 1\n"
      "    return s\n");
  std::string d = g->dump();
  Block* s = g->startblock;
  BOOST_REQUIRE(s->exits.size() == 1u);
  Block* header = s->exits[0]->target;
  BOOST_TEST((names(header->inputargs) == std::set<std::string>{"i", "n", "s"}), d);
  // The constant initial values travel as link arguments.
  BOOST_TEST(s->exits[0]->args.size() == 3u);
  BOOST_TEST(predecessors(*g)[header] == 2, d);
  BOOST_TEST(header->exitswitch != nullptr, d);
  BOOST_REQUIRE(header->operations.size() == 1u);
  BOOST_TEST(header->operations[0].opname == "lt");
  BOOST_TEST(count(*g, "inplace_add") == 2u, d);
  // The false exit leaves the loop, straight on to the return.
  for (Link* l : header->exits)
    if (!l->exitcase->b) {
      Block* after = l->target;
      BOOST_TEST(after->operations.empty(), d);
      BOOST_REQUIRE(after->exits.size() == 1u);
      BOOST_TEST(after->exits[0]->target == g->returnblock, d);
    }
}

BOOST_AUTO_TEST_CASE(loop_invariant_constant_is_not_a_header_input) {
  auto g = build(
      "def f(n):\n"
      "    step = 2\n"
      "    i = 0\n"
      "    while i < n:\n"
      "        i += step\n"
      "    return i\n");
  Block* header = g->startblock->exits[0]->target;
  BOOST_TEST((names(header->inputargs) == std::set<std::string>{"i", "n"}), g->dump());
}

BOOST_AUTO_TEST_CASE(break_and_continue) {
  auto g = build(
      "def f(n):\n"
      "    i = 0\n"
      "    while True:\n"
      "        i += 1\n"
      "        if i % 2 == 0:\n"
      "            continue\n"
      "        if i > n:\n"
      "            break\n"
      "    return i\n");
  std::string d = g->dump();
  Block* header = g->startblock->exits[0]->target;
  // `while True` needs no test: the body starts right in the header, which
  // is entered from the start, the loop end and the continue.
  BOOST_REQUIRE(!header->operations.empty());
  BOOST_TEST(header->operations[0].opname == "inplace_add", d);
  BOOST_TEST(predecessors(*g)[header] == 3, d);
  BOOST_TEST(switches(*g) == 2u, d);
  // The only way out is the break.
  BOOST_TEST(predecessors(*g)[g->returnblock] == 1, d);
}

BOOST_AUTO_TEST_CASE(if_else_merges_in_a_join_block) {
  auto g = build(
      "def f(x):\n"
      "    if x > 0:\n"
      "        y = x\n"
      "    else:\n"
      "        y = -x\n"
      "    return y\n");
  std::string d = g->dump();
  BOOST_TEST(switches(*g) == 1u, d);
  BOOST_TEST(g->startblock->exitswitch != nullptr);
  // gt is already a bool: no extra 'bool' op.
  BOOST_TEST(count(*g, "bool") == 0u, d);
  int joins = 0;
  for (auto [b, n] : predecessors(*g))
    if (!b->is_final && n == 2) {
      ++joins;
      BOOST_TEST(names(b->inputargs).count("y") == 1u, d);
    }
  BOOST_TEST(joins == 1, d);
}

BOOST_AUTO_TEST_CASE(truth_of_a_non_bool_uses_a_bool_op) {
  auto g = build(
      "def f(x):\n"
      "    if x:\n"
      "        return 1\n"
      "    return 2\n");
  BOOST_TEST(count(*g, "bool") == 1u, g->dump());
  BOOST_TEST(g->startblock->exitswitch == g->startblock->operations.back().result);
}

BOOST_AUTO_TEST_CASE(comparison_chain_short_circuits) {
  auto g = build(
      "def f(a, b, c):\n"
      "    return a < b < c\n");
  std::string d = g->dump();
  BOOST_TEST(count(*g, "lt") == 2u, d);
  // The first comparison decides whether the second one runs at all.
  Block* s = g->startblock;
  BOOST_TEST((opnames(*g)[0] == "lt"));
  BOOST_REQUIRE(s->exitswitch != nullptr);
  BOOST_TEST(s->operations.size() == 1u, d);
  BOOST_REQUIRE(s->exits.size() == 2u);
  Block* second = nullptr;
  for (Link* l : s->exits)
    if (l->exitcase->b) second = l->target;
  BOOST_REQUIRE(second);
  BOOST_TEST(second->operations.size() == 1u, d);
  BOOST_TEST(second->operations[0].opname == "lt");
  // Both results meet in one block before the return.
  BOOST_TEST(predecessors(*g)[g->returnblock] == 1, d);
  int joins = 0;
  for (auto [b, n] : predecessors(*g)) joins += !b->is_final && n == 2;
  BOOST_TEST(joins == 1, d);
}

BOOST_AUTO_TEST_CASE(and_or_short_circuit) {
  auto g = build(
      "def f(a, b, c):\n"
      "    return a and b or c\n");
  std::string d = g->dump();
  BOOST_TEST(switches(*g) >= 2u, d);
  BOOST_TEST(count(*g, "bool") >= 2u, d);
}

BOOST_AUTO_TEST_CASE(for_range_loop) {
  auto g = build(
      "def f(n):\n"
      "    total = 0\n"
      "    for i in range(n):\n"
      "        total += i\n"
      "    return total\n");
  std::string d = g->dump();
  // The loop runs on a count of iterations left, computed once, so the
  // index can never wrap around past the stop value.
  BOOST_TEST(count(*g, "range_len") == 1u, d);
  BOOST_TEST(count(*g, "gt") == 1u, d);   // iterations left > 0
  BOOST_TEST(count(*g, "add") == 1u, d);  // the hidden index
  BOOST_TEST(count(*g, "sub") == 1u, d);  // the count of iterations left
  BOOST_TEST(count(*g, "inplace_add") == 1u, d);
  BOOST_TEST(count(*g, "range_check_step") == 0u, d);  // constant step 1
  BOOST_TEST(count(*g, "simple_call") == 0u, d);       // no range object
  Block* header = g->startblock->exits[0]->target;
  BOOST_TEST(header->exitswitch != nullptr, d);
  BOOST_TEST(predecessors(*g)[header] == 2, d);
  BOOST_TEST(names(header->inputargs).count("total") == 1u, d);
}

BOOST_AUTO_TEST_CASE(for_range_with_a_variable_step_checks_it_is_not_zero) {
  auto g = build(
      "def f(a, b, k):\n"
      "    s = 0\n"
      "    for i in range(a, b, k):\n"
      "        s += i\n"
      "    return s\n");
  std::string d = g->dump();
  BOOST_TEST(count(*g, "range_check_step") == 1u, d);
  BOOST_TEST(count(*g, "range_len") == 1u, d);  // whatever the sign of the step
  BOOST_TEST(count(*g, "gt") == 1u, d);
}

BOOST_AUTO_TEST_CASE(for_range_with_a_negative_constant_step_counts_down) {
  auto g = build(
      "def f(n):\n"
      "    s = 0\n"
      "    for i in range(n, 0, -1):\n"
      "        s += i\n"
      "    return s\n");
  std::string d = g->dump();
  BOOST_TEST(count(*g, "gt") == 1u, d);
  BOOST_TEST(count(*g, "lt") == 0u, d);
  BOOST_TEST(count(*g, "range_check_step") == 0u, d);
}

BOOST_AUTO_TEST_CASE(tuple_swap_needs_no_tuple) {
  auto g = build(
      "def f(a, b):\n"
      "    a, b = b, a\n"
      "    return a - b\n");
  std::string d = g->dump();
  BOOST_TEST((opnames(*g) == std::vector<std::string>{"sub"}), d);
  auto& op = g->startblock->operations[0];
  BOOST_TEST(op.args[0] == g->startblock->inputargs[1], d);
  BOOST_TEST(op.args[1] == g->startblock->inputargs[0], d);
}

BOOST_AUTO_TEST_CASE(tuple_unpack_of_a_value) {
  auto g = build(
      "def f(t):\n"
      "    a, b = t\n"
      "    return a\n");
  std::string d = g->dump();
  BOOST_TEST((opnames(*g) == std::vector<std::string>{"unpack_check", "getitem", "getitem"}), d);
  BOOST_TEST(g->startblock->operations[0].args[1]->repr() == "2");
}

BOOST_AUTO_TEST_CASE(code_after_return_is_dropped) {
  auto g = build(
      "def f(x):\n"
      "    return x\n"
      "    x = x + 1\n"
      "    return x\n");
  BOOST_TEST(opnames(*g).empty(), g->dump());
}

BOOST_AUTO_TEST_CASE(procedure_returns_none) {
  auto g = build(
      "def f(x):\n"
      "    print(x)\n");
  Block* s = g->startblock;
  BOOST_TEST(s->exits[0]->target == g->returnblock);
  BOOST_TEST(s->exits[0]->args[0]->repr() == "None");
}

BOOST_AUTO_TEST_CASE(positions_are_kept) {
  auto g = build(
      "def f(x):\n"
      "    y = x + 1\n"
      "\n"
      "    return y * 2\n");
  BOOST_REQUIRE(g->startblock->operations.size() == 2u);
  BOOST_TEST(g->startblock->operations[0].pos.line == 2);
  BOOST_TEST(g->startblock->operations[1].pos.line == 4);
  BOOST_TEST(g->pos.line == 1);
  BOOST_TEST(g->argnames == std::vector<std::string>{"x"});
}

BOOST_AUTO_TEST_CASE(straight_line_dump) {
  // A full dump where the text form is the point.
  auto g = build(
      "def f(a, b):\n"
      "    c = a + b\n"
      "    return c * 2\n");
  BOOST_TEST(g->dump() ==
             "graph f(a_3, b_4)\n"
             "block2(a_3, b_4):\n"
             "    c_5 = add(a_3, b_4)  # line 2\n"
             "    v_6 = mul(c_5, 2)  # line 3\n"
             "    -> return(v_6)\n");
}

BOOST_AUTO_TEST_CASE(keyword_call_records_the_shape) {
  auto g = build(
      "def g(a, b=1):\n"
      "    return a + b\n"
      "def f(x):\n"
      "    return g(x, b=2)\n");
  std::string d = g->dump();
  BOOST_REQUIRE((opnames(*g) == std::vector<std::string>{"call_kw"}));
  auto& op = g->startblock->operations[0];
  BOOST_TEST(op.args.size() == 4u);  // g, ('b',), x, 2
  BOOST_TEST(op.args[1]->repr() == "('b',)", d);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(eval_is_rejected) {
  auto e = expect_error(
      "def f(x):\n"
      "    y = x\n"
      "    return eval('y')\n");
  BOOST_TEST(e.pos.line == 3);
  BOOST_TEST(has(e.message, "eval() is not RPython"), e.message);
  BOOST_TEST(e.pos.file->line(3) == "    return eval('y')");
}

BOOST_AUTO_TEST_CASE(exec_is_rejected) {
  auto e = expect_error(
      "def f(x):\n"
      "    exec('x = 1')\n"
      "    return x\n");
  BOOST_TEST(e.pos.line == 2);
  BOOST_TEST(has(e.message, "exec() is not RPython"), e.message);
}

BOOST_AUTO_TEST_CASE(global_statement_is_rejected) {
  auto e = expect_error(
      "COUNT = 0\n"
      "def f(x):\n"
      "    global COUNT\n"
      "    COUNT = x\n"
      "    return x\n");
  BOOST_TEST(e.pos.line == 3);
  BOOST_TEST(has(e.message, "'global' statement is not RPython"), e.message);
}

BOOST_AUTO_TEST_CASE(async_def_is_rejected) {
  auto e = expect_error(
      "import asyncio\n"
      "\n"
      "async def f(x):\n"
      "    return x\n");
  BOOST_TEST(e.pos.line == 3);
  BOOST_TEST(has(e.message, "async def"), e.message);
}

BOOST_AUTO_TEST_CASE(await_inside_is_rejected) {
  // The decorator line is the function's first line; the error is at the def.
  auto e = expect_error(
      "def deco(fn):\n"
      "    return fn\n"
      "@deco\n"
      "async def f(x):\n"
      "    return x\n");
  BOOST_TEST(e.pos.line == 4);
}

BOOST_AUTO_TEST_CASE(unknown_name_is_rejected) {
  auto e = expect_error(
      "def f(x):\n"
      "    if x:\n"
      "        return undefined_thing + 1\n"
      "    return 0\n");
  BOOST_TEST(e.pos.line == 3);
  BOOST_TEST(has(e.message, "name 'undefined_thing' is not defined"), e.message);
  BOOST_TEST(e.pos.col == 15);
}

BOOST_AUTO_TEST_CASE(use_before_assignment_on_some_path) {
  auto e = expect_error(
      "def f(x):\n"
      "    if x > 0:\n"
      "        y = 1\n"
      "    return y\n");
  BOOST_TEST(e.pos.line == 4);
  BOOST_TEST(has(e.message, "local variable 'y' is used before it is assigned"), e.message);
}

BOOST_AUTO_TEST_CASE(use_before_assignment_in_a_loop) {
  // `last` is only assigned inside the loop body, which may not run.
  auto e = expect_error(
      "def f(n):\n"
      "    for i in range(n):\n"
      "        last = i\n"
      "    return last\n");
  BOOST_TEST(e.pos.line == 4);
  BOOST_TEST(has(e.message, "'last'"), e.message);
}

BOOST_AUTO_TEST_CASE(assignment_on_every_path_is_fine) {
  auto g = build(
      "def f(x):\n"
      "    if x > 0:\n"
      "        y = 1\n"
      "    else:\n"
      "        y = 2\n"
      "    return y\n");
  BOOST_TEST(switches(*g) == 1u);
}

BOOST_AUTO_TEST_CASE(error_in_a_folded_branch_is_still_reported_if_reachable) {
  // The dead branch is never built, so its unknown name does not matter...
  BOOST_CHECK_NO_THROW(build(
      "from rpython.rlib.objectmodel import we_are_translated\n"
      "def f(x):\n"
      "    if not we_are_translated():\n"
      "        return no_such_name\n"
      "    return x\n"));
  // ...but in the live branch it does.
  auto e = expect_error(
      "from rpython.rlib.objectmodel import we_are_translated\n"
      "def f(x):\n"
      "    if we_are_translated():\n"
      "        return no_such_name\n"
      "    return x\n");
  BOOST_TEST(e.pos.line == 4);
}

BOOST_AUTO_TEST_CASE(break_leaves_only_the_inner_loop) {
  auto g = build(
      "def f(n):\n"
      "    s = 0\n"
      "    for i in range(n):\n"
      "        for j in range(i):\n"
      "            if j == 2:\n"
      "                break\n"
      "            s += j\n"
      "    return s\n");
  BOOST_TEST(count(*g, "range_len") == 2u, g->dump());
  BOOST_TEST(switches(*g) == 3u, g->dump());  // two loop tests and the if
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bytes_percent_format)

BOOST_AUTO_TEST_CASE(b_is_a_conversion_of_bytes_formats_only) {
  std::string err;
  auto pieces = parse_percent_format("x%-5.2b%c", &err, true);
  BOOST_TEST(err.empty(), err);
  BOOST_REQUIRE(pieces.size() == 3u);
  BOOST_TEST(pieces[0].literal);
  BOOST_TEST(pieces[1].conversion == 'b');
  BOOST_TEST(pieces[1].static_width == "5");
  BOOST_TEST(pieces[1].minus);
  BOOST_TEST((pieces[1].has_prec && pieces[1].static_prec == "2"));
  BOOST_TEST(pieces[2].index == 1);
  parse_percent_format("x%b", &err);
  BOOST_TEST(err == "unsupported format character 'b' (0x62) at index 2");
}

BOOST_AUTO_TEST_CASE(int_precision_is_a_field_not_an_error) {
  std::string err;
  auto pieces = parse_percent_format("%+#08.3x", &err);
  BOOST_TEST(err.empty(), err);
  BOOST_REQUIRE(pieces.size() == 1u);
  BOOST_TEST(pieces[0].conversion == 'i');
  BOOST_TEST((pieces[0].spec_head == "+#" && pieces[0].spec_tail == "x"));
  BOOST_TEST((pieces[0].has_prec && pieces[0].static_prec == "3" && pieces[0].zero));
}

BOOST_AUTO_TEST_CASE(bytes_literal_format_becomes_bytes_pieces) {
  auto g = build(
      "def f(n, b):\n"
      "    return b'%d:%s:%5c' % (n, b, n)\n");
  std::string d = g->dump();
  BOOST_TEST(count(*g, "fmt_arg") == 3u, d);
  BOOST_TEST(count(*g, "fmt_bytes") == 1u, d);
  BOOST_TEST(count(*g, "fmt_byte") == 1u, d);
  BOOST_TEST(count(*g, "mod") == 0u, d);
  // every fmt_arg says it is a bytes format (its messages are bytes %'s)
  for (Block* b : g->iterblocks())
    for (auto& op : b->operations)
      if (op.opname == "fmt_arg") BOOST_TEST(op.args.size() == 4u, d);
}

BOOST_AUTO_TEST_CASE(bytearray_of_a_literal_is_a_format_too) {
  auto g = build(
      "def f(n):\n"
      "    return bytearray(b'%d') % n\n");
  std::string d = g->dump();
  BOOST_TEST(count(*g, "mod") == 0u, d);
  BOOST_TEST(count(*g, "fmt_arg") == 1u, d);
  // format(v, 'd'), its .encode('ascii'), then bytearray() of the bytes
  BOOST_TEST(count(*g, "simple_call") == 3u, d);
  auto& last = g->startblock->operations.back();
  BOOST_TEST((last.opname == "simple_call" && last.args[0]->repr() == "<bytearray>"), d);
}

BOOST_AUTO_TEST_CASE(bytes_format_errors_are_cpythons) {
  auto e = expect_error(
      "def f(n):\n"
      "    return b'%d %y' % (n, n)\n");
  BOOST_TEST(e.pos.line == 2);
  BOOST_TEST(has(e.what(), "unsupported format character 'y' (0x79) at index 4"), e.what());
}

BOOST_AUTO_TEST_SUITE_END()
