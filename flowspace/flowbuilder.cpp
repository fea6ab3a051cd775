// From a Python function's AST to an SSA flow graph.
//
// The builder walks the AST keeping an abstract frame (`State`): the current
// block, the value of each local, and a stack of temporaries that are live
// across sub-expressions with control flow of their own (and/or, conditional
// expressions, comparison chains). At a branch the frame is forked into new
// blocks whose input variables are the frame's variables; at a join the frames
// of all predecessors are merged. Values known at translation time stay
// Constants and never become block arguments, so operations on them fold as
// the graph is built: `if we_are_translated():`, configuration flags and
// constant tables vanish here, before the annotator sees anything.
#include "flowspace/flowbuilder.h"

#include "flowspace/formatparse.h"

#include <fmt/format.h>
#include <pybind11/eval.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

namespace rpy {

namespace {

std::string node_type(py::handle node) { return py::type::of(node).attr("__name__").cast<std::string>(); }

// Whether hash(v) is the same in every CPython process and in the binary:
// ints, floats and bools, and tuples of them.
bool numeric_hash(py::handle v) {
  if (py::isinstance<py::int_>(v) || py::isinstance<py::float_>(v)) return true;  // bool is an int
  if (py::isinstance<py::tuple>(v)) {
    for (auto item : v)
      if (!numeric_hash(item)) return false;
    return true;
  }
  return false;
}

// Whether CPython's AST optimizer makes `node` a constant: a literal, or
// an operator or a tuple over such.
bool folds_to_constant(py::handle node) {
  std::string t = node_type(node);
  if (t == "Constant") return true;
  if (t == "UnaryOp") return folds_to_constant(node.attr("operand"));
  if (t == "BinOp") return folds_to_constant(node.attr("left")) && folds_to_constant(node.attr("right"));
  if (t == "Tuple") {
    for (auto el : node.attr("elts"))
      if (!folds_to_constant(el)) return false;
    return true;
  }
  return false;
}

// Caches live until the process exits, never destroyed: they hold Python
// objects that must not be released after the interpreter finalizes.
std::unordered_map<std::string, std::shared_ptr<const SourceFile>>& source_cache() {
  static auto* cache = new std::unordered_map<std::string, std::shared_ptr<const SourceFile>>;
  return *cache;
}

// Per file: the parsed module and its function definitions by first line.
struct ParsedFile {
  py::object tree;
  std::multimap<int, py::object> defs;  // def line (and first decorator line) -> FunctionDef
  std::multimap<int, py::object> lambdas;  // line -> Lambda
};

std::unordered_map<std::string, ParsedFile>& parsed_cache() {
  static auto* cache = new std::unordered_map<std::string, ParsedFile>;
  return *cache;
}

}  // namespace

std::shared_ptr<const SourceFile> load_source_file(const std::string& path) {
  auto& cache = source_cache();
  auto it = cache.find(path);
  if (it != cache.end()) return it->second;
  auto f = std::make_shared<SourceFile>();
  f->path = path;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    f->lines.push_back(line);
  }
  cache[path] = f;
  return f;
}

SourcePos function_pos(py::handle func) {
  SourcePos p;
  try {
    py::object code = func.attr("__code__");
    p.file = load_source_file(code.attr("co_filename").cast<std::string>());
    p.line = code.attr("co_firstlineno").cast<int>();
  } catch (py::error_already_set&) {
  }
  return p;
}

namespace {

const ParsedFile& parse_file(const std::string& path, const std::shared_ptr<const SourceFile>& sf) {
  auto& cache = parsed_cache();
  auto it = cache.find(path);
  if (it != cache.end()) return it->second;
  ParsedFile pf;
  std::string text;
  for (auto& l : sf->lines) text += l + "\n";
  py::module_ ast = py::module_::import("ast");
  try {
    pf.tree = ast.attr("parse")(text, path);
  } catch (py::error_already_set& e) {
    SourcePos pos{sf, 1, 0};
    if (e.matches(PyExc_SyntaxError)) {
      py::object v = e.value();
      if (!v.attr("lineno").is_none()) pos.line = v.attr("lineno").cast<int>();
      if (!v.attr("offset").is_none()) pos.col = std::max(0, v.attr("offset").cast<int>() - 1);
      std::string msg = py::str(v.attr("msg")).cast<std::string>();
      throw TranslationError(pos, msg.rfind("invalid syntax", 0) == 0 ? msg : "invalid syntax: " + msg);
    }
    throw TranslationError(pos, "cannot parse: " + std::string(e.what()));
  }
  for (py::handle node : ast.attr("walk")(pf.tree)) {
    std::string t = node_type(node);
    if (t == "FunctionDef" || t == "AsyncFunctionDef") {
      auto obj = py::reinterpret_borrow<py::object>(node);
      int line = node.attr("lineno").cast<int>();
      pf.defs.emplace(line, obj);
      for (py::handle d : node.attr("decorator_list")) {
        int dl = d.attr("lineno").cast<int>();
        if (dl != line) pf.defs.emplace(dl, obj);
      }
    } else if (t == "Lambda") {
      pf.lambdas.emplace(node.attr("lineno").cast<int>(), py::reinterpret_borrow<py::object>(node));
    }
  }
  return cache.emplace(path, std::move(pf)).first->second;
}

// Whether `code` is the code of the lambda expression `node`: lambdas have
// no name to tell apart several on one line, but their code's instruction
// positions lie inside their own body.
bool is_code_of_lambda(py::handle code, py::handle node) {
  if (code.attr("co_name").cast<std::string>() != "<lambda>" ||
      code.attr("co_firstlineno").cast<int>() != node.attr("lineno").cast<int>())
    return false;
  py::handle body = node.attr("body");
  std::pair<int, int> from{body.attr("lineno").cast<int>(), body.attr("col_offset").cast<int>()};
  std::pair<int, int> to{body.attr("end_lineno").cast<int>(), body.attr("end_col_offset").cast<int>()};
  for (py::handle p : code.attr("co_positions")()) {
    py::tuple t = py::reinterpret_borrow<py::tuple>(p);
    if (t[0].is_none() || t[2].is_none()) continue;
    std::pair<int, int> at{t[0].cast<int>(), t[2].cast<int>()};
    if (at >= from && at < to) return true;
  }
  return false;
}

// Names assigned anywhere in a list of statements (not in nested functions).
void collect_assigned(py::handle node, std::set<std::string>& out) {
  std::string t = node_type(node);
  if (t == "FunctionDef" || t == "AsyncFunctionDef" || t == "Lambda" || t == "ClassDef") return;
  if (t == "Name") {
    if (node_type(node.attr("ctx")) == "Store") out.insert(node.attr("id").cast<std::string>());
    return;
  }
  static py::handle iter_child_nodes = py::object(py::module_::import("ast").attr("iter_child_nodes")).release();
  for (py::handle child : iter_child_nodes(node)) collect_assigned(child, out);
}

struct State {
  Block* block = nullptr;  // nullptr: this path is dead (after return/break/raise)
  std::map<std::string, Value*> locals;
  std::map<std::string, SourcePos> where;  // where each local was last assigned
  std::vector<Value*> stack;               // temporaries live across control flow
  bool dead() const { return block == nullptr; }
};

// A try body (or except/else clauses under a finally) being built: where
// exceptions raised inside it go. Each raised state has the exception
// instance on top of its stack.
struct Protect {
  enum Kind { Except, Finally } kind;
  std::vector<State> raised;
  py::object finalbody;  // Finally
  size_t loop_depth;     // loops open when it began: break/continue cross it if inside
  size_t stack_depth;    // temporaries of expressions cut short by the exception are dropped
};

// Operations that never raise: inside a try body every other operation ends
// its block with an exception exit.
const std::set<std::string> kNonRaisingOps = {
    "add", "sub", "mul", "and_", "or_", "xor", "inplace_sub", "inplace_mul", "inplace_and_",
    "inplace_or_", "inplace_xor", "neg", "pos", "invert", "lt", "le", "gt", "ge", "is_", "is_not",
    "newtuple", "int_check", "range_len", "getattr", "setattr", "type_of", "exception_init",
    "exc_match", "identity_hash", "intmask", "yield_", "cast_uint", "widen", "newlist", "newdict", "fmt_arg",
    "fmt_float", "fmt_mapping", "fmt_bytes", "fmt_noargs"};

// Comprehensions become the loops Python 3 runs, with the loop variables
// renamed apart (they do not leak into the function, as in Python 3). A
// generator expression is built as a list: RPython-3 evaluates it eagerly.
const char* kComprehensionDesugar = R"PY(
import ast, copy, itertools
_counter = itertools.count()

class _Rename(ast.NodeTransformer):
    def __init__(self, names):
        self.names = names
    def visit_Name(self, node):
        if node.id in self.names:
            return ast.copy_location(ast.Name(id=self.names[node.id], ctx=node.ctx), node)
        return node

def desugar(node, tmp):
    node = copy.deepcopy(node)
    n = next(_counter)
    names = {}
    for gen in node.generators:
        if gen.is_async:
            raise SyntaxError("asynchronous comprehension")
        for t in ast.walk(gen.target):
            if isinstance(t, ast.Name):
                names[t.id] = '.c%d.%s' % (n, t.id)
    ren = _Rename(names)
    if isinstance(node, ast.DictComp):
        body = ast.Assign(targets=[ast.Subscript(value=ast.Name(id=tmp, ctx=ast.Load()), slice=ren.visit(node.key),
                                                 ctx=ast.Store())],
                          value=ren.visit(node.value))
    else:
        meth = 'add' if isinstance(node, ast.SetComp) else 'append'
        body = ast.Expr(value=ast.Call(func=ast.Attribute(value=ast.Name(id=tmp, ctx=ast.Load()), attr=meth,
                                                          ctx=ast.Load()),
                                       args=[ren.visit(node.elt)], keywords=[]))
    ast.copy_location(body, node)
    stmt = body
    for i in range(len(node.generators) - 1, -1, -1):
        gen = node.generators[i]
        for cond in reversed(gen.ifs):
            stmt = ast.copy_location(ast.If(test=ren.visit(cond), body=[stmt], orelse=[]), cond)
        it = gen.iter if i == 0 else ren.visit(gen.iter)
        stmt = ast.copy_location(ast.For(target=ren.visit(gen.target), iter=it, body=[stmt], orelse=[]), gen.iter)
    ast.fix_missing_locations(stmt)
    return stmt, list(names.values())
)PY";
// (eq, ne, bool, not_ and hash are not in it: on instances they call
// __eq__, __bool__, __len__ or __hash__, which may raise.)

struct LoopContext {
  Block* header;  // nullptr for an unrolled loop: `continue` ends the current copy
  std::vector<State> continues;
  std::vector<std::string> header_names;  // locals passed as header arguments
  std::vector<State> breaks;
};

// Builtins whose calls on constant arguments are evaluated at translation time.
const std::set<std::string> kFoldableBuiltins = {
    "abs", "bool", "chr", "float", "int", "len", "max", "min", "ord", "str", "round", "repr", "hash", "tuple"};

// Python operators the builder can fold, by flow op name.
const std::map<std::string, std::string> kBinaryOps = {
    {"Add", "add"}, {"Sub", "sub"}, {"Mult", "mul"}, {"Div", "truediv"}, {"FloorDiv", "floordiv"},
    {"Mod", "mod"}, {"Pow", "pow"}, {"LShift", "lshift"}, {"RShift", "rshift"}, {"BitAnd", "and_"},
    {"BitOr", "or_"}, {"BitXor", "xor"}, {"MatMult", "matmul"}};
const std::map<std::string, std::string> kCompareOps = {
    {"Lt", "lt"}, {"LtE", "le"}, {"Eq", "eq"}, {"NotEq", "ne"}, {"Gt", "gt"}, {"GtE", "ge"},
    {"Is", "is_"}, {"IsNot", "is_not"}, {"In", "contains"}, {"NotIn", "not_contains"}};
// The Python function computing each foldable flow op.
const std::map<std::string, std::string> kOperatorFuncs = {
    {"add", "add"}, {"sub", "sub"}, {"mul", "mul"}, {"truediv", "truediv"}, {"floordiv", "floordiv"},
    {"mod", "mod"}, {"pow", "pow"}, {"lshift", "lshift"}, {"rshift", "rshift"}, {"and_", "and_"},
    {"or_", "or_"}, {"xor", "xor"}, {"lt", "lt"}, {"le", "le"}, {"eq", "eq"}, {"ne", "ne"},
    {"gt", "gt"}, {"ge", "ge"}, {"is_", "is_"}, {"is_not", "is_not"}, {"neg", "neg"}, {"pos", "pos"},
    {"invert", "invert"}, {"bool", "truth"}, {"not_", "not_"}, {"getitem", "getitem"},
    {"contains", "contains"}};

class FlowBuilder {
 public:
  FlowBuilder(py::handle func, std::vector<ExtraMethod>* extras = nullptr, bool closure_mode = false)
      : func_(py::reinterpret_borrow<py::object>(func)), extras_(extras), closure_mode_(closure_mode) {}

  std::unique_ptr<FunctionGraph> build() {
    py::object code;
    try {
      code = func_.attr("__code__");
    } catch (py::error_already_set&) {
      throw TranslationError(SourcePos{}, "not a Python function: " + py::repr(func_).cast<std::string>());
    }
    std::string filename = code.attr("co_filename").cast<std::string>();
    file_ = load_source_file(filename);
    if (file_->lines.empty())
      throw TranslationError(SourcePos{}, fmt::format("the source of function '{}' is not available ({})",
                                                      func_.attr("__name__").cast<std::string>(), filename));
    const ParsedFile& pf = parse_file(filename, file_);
    int firstline = code.attr("co_firstlineno").cast<int>();
    std::string name = func_.attr("__name__").cast<std::string>();
    py::object def;
    if (name == "<lambda>") {
      auto range = pf.lambdas.equal_range(firstline);
      for (auto it = range.first; it != range.second; ++it)
        if (is_code_of_lambda(code, it->second)) def = it->second;
    } else {
      auto range = pf.defs.equal_range(firstline);
      for (auto it = range.first; it != range.second; ++it)
        if (it->second.attr("name").cast<std::string>() == name) def = it->second;
    }
    if (!def) throw TranslationError(SourcePos{file_, firstline, 0}, "cannot find the source of function '" + name + "'");
    if (node_type(def) == "AsyncFunctionDef")
      throw TranslationError(pos_of(def), "'async def' is not RPython: coroutines cannot be translated");

    globals_ = func_.attr("__globals__");
    builtins_ = py::module_::import("builtins");
    py::object closure = func_.attr("__closure__");
    if (closure_mode_) {
      for (auto fv : code.attr("co_freevars")) freevars_rt_.insert(fv.cast<std::string>());
    } else if (!closure.is_none()) {
      auto freevars = code.attr("co_freevars").cast<std::vector<std::string>>();
      py::tuple cells = closure;
      for (size_t i = 0; i < freevars.size(); ++i) {
        try {
          closure_[freevars[i]] = cells[i].attr("cell_contents");
        } catch (py::error_already_set&) {
        }
      }
    }
    auto varnames = code.attr("co_varnames").cast<std::vector<std::string>>();
    all_locals_.insert(varnames.begin(), varnames.end());

    graph_ = std::make_unique<FunctionGraph>();
    g_ = graph_.get();
    g_->name = func_.attr("__qualname__").cast<std::string>();
    g_->func = func_;
    g_->pos = pos_of(def);
    g_->returnblock = g_->new_block({g_->new_var("result")});
    g_->returnblock->is_final = true;
    g_->exceptblock = g_->new_block({g_->new_var("etype"), g_->new_var("evalue")});
    g_->exceptblock->is_final = true;

    py::object args = def.attr("args");
    if (py::len(args.attr("posonlyargs")) || py::len(args.attr("kwonlyargs")) || !args.attr("vararg").is_none() ||
        !args.attr("kwarg").is_none())
      throw TranslationError(pos_of(def), "only plain positional parameters (with defaults) are supported: no *args, **kwargs or keyword-only parameters");
    std::vector<Variable*> inputs;
    if (closure_mode_) {
      // A nested function is the __call__ of its closure object.
      self_var_ = g_->new_var("self");
      inputs.push_back(self_var_);
      g_->argnames.push_back("self");
      st_.locals["#self"] = self_var_;
    }
    for (py::handle a : args.attr("args")) {
      std::string an = a.attr("arg").cast<std::string>();
      Variable* v = g_->new_var(an);
      inputs.push_back(v);
      g_->argnames.push_back(an);
      st_.locals[an] = v;
      st_.where[an] = pos_of(a);
    }
    g_->startblock = g_->new_block(inputs);
    st_.block = g_->startblock;
    // Variables nested functions capture live in cells shared with them.
    for (auto cv : code.attr("co_cellvars")) {
      std::string n = cv.cast<std::string>();
      cellvars_.insert(n);
      py::dict ns;
      ns["__module__"] = func_.attr("__module__");
      ns["__qualname__"] = py::str(g_->name + ".<cell " + n + ">");
      py::object cell_class = builtins_.attr("type")(py::str("cell_" + n), py::make_tuple(builtins_.attr("object")), ns);
      Value* cell = emit("simple_call", {constant(cell_class)}, g_->pos);
      st_.locals["#cell_" + n] = cell;
      auto it = st_.locals.find(n);
      if (it != st_.locals.end()) {  // a parameter
        emit("setattr", {cell, g_->new_const_str("v"), it->second}, g_->pos);
        st_.locals.erase(it);
      }
    }

    if (node_type(def) == "Lambda") {
      // `lambda args: expr` is a function whose body is `return expr`.
      py::module_ ast = py::module_::import("ast");
      py::object body = def.attr("body");
      py::list stmts;
      stmts.append(ast.attr("copy_location")(ast.attr("Return")(py::arg("value") = body), body));
      exec_body(stmts);
    } else {
      exec_body(def.attr("body"));
    }
    if (!st_.dead()) {
      Link* l = g_->new_link(st_.block, g_->returnblock, {g_->new_const_none()});
      l->pos = SourcePos{file_, last_line(def), 0};
    }
    g_->remove_unreachable();
    return std::move(graph_);
  }

 private:
  py::object func_;
  std::vector<ExtraMethod>* extras_ = nullptr;
  bool closure_mode_ = false;
  Variable* self_var_ = nullptr;
  std::set<std::string> cellvars_;    // this function's locals captured by nested functions
  std::set<std::string> freevars_rt_;  // (closure mode) the enclosing function's cells it uses
  py::object globals_;
  py::object builtins_;
  std::map<std::string, py::object> closure_;
  std::set<std::string> all_locals_;
  int ncomprehensions_ = 0;
  std::shared_ptr<const SourceFile> file_;
  std::unique_ptr<FunctionGraph> graph_;
  FunctionGraph* g_ = nullptr;
  State st_;
  std::vector<LoopContext> loops_;
  int hidden_counter_ = 0;
  std::set<Value*> bool_results_;  // results of operations that give a bool
  std::vector<Protect> protects_;
  std::vector<std::string> handled_exc_;  // hidden locals holding the exception of enclosing handlers

  SourcePos pos_of(py::handle node) const {
    SourcePos p;
    p.file = file_;
    if (py::hasattr(node, "lineno")) p.line = node.attr("lineno").cast<int>();
    if (py::hasattr(node, "col_offset")) p.col = node.attr("col_offset").cast<int>();
    return p;
  }
  int last_line(py::handle node) const {
    if (py::hasattr(node, "end_lineno") && !node.attr("end_lineno").is_none())
      return node.attr("end_lineno").cast<int>();
    return pos_of(node).line;
  }
  [[noreturn]] void error(py::handle node, const std::string& msg) { throw TranslationError(pos_of(node), msg); }

  // ---- frame manipulation --------------------------------------------------

  // Moves the frame into a fresh block: every variable becomes an input.
  State fork_into(const State& from, Block*& newblock, Link*& link) {
    State s = from;
    std::vector<Variable*> inputs;
    std::vector<Value*> args;
    std::vector<SourcePos> argpos;
    for (auto& [name, v] : s.locals) {
      if (v->is_const()) continue;
      Variable* nv = g_->new_var(name);
      inputs.push_back(nv);
      args.push_back(v);
      argpos.push_back(s.where[name]);
      v = nv;
    }
    for (auto& v : s.stack) {
      if (v->is_const()) continue;
      Variable* nv = g_->new_var(static_cast<Variable*>(v)->name);
      inputs.push_back(nv);
      args.push_back(v);
      argpos.push_back(SourcePos{});
      v = nv;
    }
    newblock = g_->new_block(inputs);
    link = g_->new_link(from.block, newblock, args);
    link->argpos = argpos;
    s.block = newblock;
    return s;
  }

  // Joins several frames into one; a local survives when every path defines it.
  State merge(std::vector<State> preds, SourcePos pos) {
    std::erase_if(preds, [](const State& s) { return s.dead(); });
    if (preds.empty()) return State{};
    if (preds.size() == 1) return preds[0];
    State out;
    std::vector<Variable*> inputs;
    std::vector<std::vector<Value*>> args(preds.size());
    std::vector<std::vector<SourcePos>> argpos(preds.size());
    auto join_value = [&](auto get, const std::string& hint, auto getpos) -> Value* {
      Value* first = get(preds[0]);
      bool all_same = first->is_const();
      for (auto& p : preds) {
        Value* v = get(p);
        if (!v->is_const() || !static_cast<Constant*>(v)->value.same(static_cast<Constant*>(first)->value) ||
            !static_cast<Constant*>(v)->llrepr.empty())
          all_same = false;
      }
      if (all_same) return first;
      Variable* nv = g_->new_var(hint);
      inputs.push_back(nv);
      for (size_t i = 0; i < preds.size(); ++i) {
        args[i].push_back(get(preds[i]));
        argpos[i].push_back(getpos(preds[i]));
      }
      return nv;
    };
    for (auto& [name, v0] : preds[0].locals) {
      bool everywhere = true;
      for (auto& p : preds)
        if (!p.locals.count(name)) everywhere = false;
      if (!everywhere) continue;
      const std::string n = name;
      out.locals[n] = join_value([&](State& s) { return s.locals[n]; }, n, [&](State& s) { return s.where[n]; });
      out.where[n] = preds.back().where[n];
    }
    for (size_t k = 0; k < preds[0].stack.size(); ++k)
      out.stack.push_back(join_value([&](State& s) { return s.stack[k]; }, "t", [](State&) { return SourcePos{}; }));
    out.block = g_->new_block(inputs);
    for (size_t i = 0; i < preds.size(); ++i) {
      Link* l = g_->new_link(preds[i].block, out.block, args[i]);
      l->argpos = argpos[i];
      l->pos = pos;
    }
    return out;
  }

  // Splits on a condition: (frame if true, frame if false). A constant
  // condition kills one side: this is where translation-time flags vanish.
  // The exits of a test (if, while, assert, a conditional expression):
  // `and`, `or` and `not` are branches, not values, so their operands need
  // not have one type between them (`if name and n > 0:` with name a str),
  // and what an operand tells (`x is not None and x.f`) holds where the
  // whole test does.
  std::pair<State, State> branch_on_test(py::handle e) {
    std::string t = node_type(e);
    if (t == "UnaryOp" && node_type(e.attr("op")) == "Not") {
      auto [ts, fs] = branch_on_test(e.attr("operand"));
      return {fs, ts};
    }
    if (t != "BoolOp") {
      SourcePos pos = pos_of(e);
      Value* c = eval(e);
      if (st_.dead()) return {State{}, State{}};
      return branch(c, pos);
    }
    bool is_and = node_type(e.attr("op")) == "And";
    py::list values = e.attr("values");
    // `and`: the first false operand decides, `or`: the first true one.
    std::vector<State> decided;
    State last_true, last_false;
    size_t n = py::len(values);
    for (size_t i = 0; i < n && !st_.dead(); ++i) {
      auto [ts, fs] = branch_on_test(values[i]);
      if (i + 1 == n) {
        last_true = ts;
        last_false = fs;
      } else {
        decided.push_back(is_and ? fs : ts);
        st_ = is_and ? ts : fs;
      }
    }
    decided.push_back(is_and ? last_false : last_true);
    State merged = merge(decided, pos_of(e));
    return is_and ? std::make_pair(last_true, merged) : std::make_pair(merged, last_false);
  }

  std::pair<State, State> branch(Value* cond, SourcePos pos) {
    if (cond->is_const()) {
      bool truth = static_cast<Constant*>(cond)->value.truth();
      State live = st_;
      return truth ? std::make_pair(live, State{}) : std::make_pair(State{}, live);
    }
    Value* b = cond;
    if (!is_bool_result(cond)) b = emit("bool", {cond}, pos);
    if (b->is_const()) return branch(b, pos);
    st_.block->exitswitch = b;
    Block *tb, *fb;
    Link *tl, *fl;
    State from = st_;
    State f = fork_into(from, fb, fl);
    State t = fork_into(from, tb, tl);
    ConstValue cf, ct;
    cf.kind = ct.kind = ConstValue::Bool;
    cf.b = false;
    ct.b = true;
    fl->exitcase = cf;
    tl->exitcase = ct;
    fl->pos = tl->pos = pos;
    return {t, f};
  }

  bool is_bool_result(Value* v) { return bool_results_.count(v) > 0; }

  void push(Value* v) { st_.stack.push_back(v); }
  Value* pop() {
    Value* v = st_.stack.back();
    st_.stack.pop_back();
    return v;
  }

  // ---- operations ---------------------------------------------------------------

  Value* emit(const std::string& opname, std::vector<Value*> args, SourcePos pos) {
    if (Value* folded = try_fold(opname, args)) return folded;
    Variable* res = g_->new_var("v");
    static const std::set<std::string> bool_ops = {"bool", "not_", "lt",  "le",     "eq",       "ne",
                                                   "gt",   "ge",   "is_", "is_not", "exc_match"};
    if (bool_ops.count(opname)) bool_results_.insert(res);
    st_.block->operations.push_back(SpaceOperation{opname, std::move(args), res, pos});
    if (!protects_.empty() && !kNonRaisingOps.count(opname)) return split_after_raising_op(res, pos);
    return res;
  }

  Constant* constant(py::handle obj) { return g_->new_const(ConstValue::from_python(syslib_substitute(obj))); }
  // syslib: objects of the translator's process that a translated program
  // gets its own version of, written in RPython: the builtin open()
  // (rpython.rlib.rfile.open), sys.stdin (a text file on fd 0) and
  // os.environ (read from the program's environment, not the translator's)
  // with os.getenv, which reads it; os.path functions whose CPython
  // versions have no source (rpython.rlib.ros).
  static py::handle syslib_substitute(py::handle obj) {
    static const std::vector<std::pair<py::handle, py::handle>> subst = [] {
      auto get = [](const char* mod, const char* attr) {
        return py::object(py::module_::import(mod).attr(attr)).release();
      };
      std::vector<std::pair<py::handle, py::handle>> v{
          {get("builtins", "open"), get("rpython.rlib.rfile", "open")},
          {get("os", "environ"), get("rpython.rlib._environ", "environ")},
          {get("os", "getenv"), get("rpython.rlib._environ", "getenv")},
          {get("os.path", "splitext"), get("rpython.rlib.ros", "path_splitext")},
          {get("os.path", "split"), get("rpython.rlib.ros", "path_split")},
          {get("os.path", "normpath"), get("rpython.rlib.ros", "path_normpath")},
          {get("os.path", "abspath"), get("rpython.rlib.ros", "path_abspath")},
          {get("os.path", "relpath"), get("rpython.rlib.ros", "path_relpath")},
          {get("os.path", "commonprefix"), get("rpython.rlib.ros", "path_commonprefix")},
          {get("os.path", "splitdrive"), get("rpython.rlib.ros", "path_splitdrive")},
          {get("os.path", "normcase"), get("rpython.rlib.ros", "path_normcase")},
          {get("os.path", "lexists"), get("rpython.rlib.ros", "path_lexists")},
          {get("os.path", "getmtime"), get("rpython.rlib.ros", "path_getmtime")},
          {get("os.path", "getatime"), get("rpython.rlib.ros", "path_getatime")},
          {get("os.path", "getctime"), get("rpython.rlib.ros", "path_getctime")},
      };
      py::handle stdin_file = get("rpython.rlib.rfile", "stdin");
      for (const char* n : {"stdin", "__stdin__"}) {
        py::object s = py::module_::import("sys").attr(n);
        if (!s.is_none()) v.push_back({s.release(), stdin_file});
      }
      return v;
    }();
    for (auto& [from, to] : subst)
      if (obj.is(from)) return to;
    return obj;
  }
  // syslib: open()'s mode, checked where the user wrote it.
  void check_open_mode(py::handle e, const std::vector<Value*>& args, const std::vector<std::string>& kwnames) {
    size_t npos = args.size() - kwnames.size();
    Value* mode = npos >= 2 ? args[1] : nullptr;
    for (size_t i = 0; i < kwnames.size(); ++i)
      if (kwnames[i] == "mode") mode = args[npos + i];
    if (!mode) return;  // "r"
    if (!mode->is_const() || static_cast<Constant*>(mode)->value.kind != ConstValue::Str)
      error(e, "open() mode must be a constant string (the type of the file depends on it)");
    try {
      py::module_::import("rpython.rlib.rfile").attr("_mode_info")(static_cast<Constant*>(mode)->value.s);
    } catch (py::error_already_set& err) {
      error(e, py::str(err.value()).cast<std::string>());
    }
  }

  // syslib: sys.argv at import time is the translator's command line.
  void check_not_sys_argv(py::handle node, py::handle obj) {
    py::module_ sys = py::module_::import("sys");
    if (obj.is(sys.attr("argv")))
      error(node, "sys.argv is the translator's command line at import time: use the argv argument of the entry "
                  "point");
  }
  static bool is_std_stream(py::handle o) {  // syslib
    py::module_ sys = py::module_::import("sys");
    for (const char* n : {"stdout", "stderr", "__stdout__", "__stderr__"})
      if (o.is(sys.attr(n))) return true;
    return false;
  }

  // Inside a try: the block ends after an operation that can raise. Its
  // normal exit continues with the result; its exception exit carries the
  // frame from before the operation, plus the exception, to the handlers.
  Value* split_after_raising_op(Variable* res, SourcePos pos) {
    State before = st_;
    before.stack.resize(protects_.back().stack_depth);
    push(res);
    Block *nb, *eb;
    Link *nl, *el;
    State normal = fork_into(st_, nb, nl);
    State exc = fork_into(before, eb, el);
    Variable* ev = g_->new_var("evalue");
    Variable* ev_in = g_->new_var("e");
    el->args.push_back(ev);
    el->argpos.push_back(SourcePos{});
    el->last_exc_value = ev;
    eb->inputargs.push_back(ev_in);
    nl->pos = el->pos = pos;
    exc.stack.push_back(ev_in);
    before.block->exitswitch = g_->last_exception();
    protects_.back().raised.push_back(exc);
    st_ = normal;
    Value* v = pop();
    last_split_ = {before.block, st_.block, v};
    return v;
  }
  // The last split_after_raising_op: the block that ends with the raising
  // operation, the block after it and the result there (ovfcheck() of an
  // operation inside a try finds the operation through it).
  struct {
    Block* from = nullptr;
    Block* to = nullptr;
    Value* result = nullptr;
  } last_split_;

  // Raises `evalue`: to the innermost handler, or out of the function.
  void raise_value(Value* evalue, SourcePos pos) {
    if (!protects_.empty()) {
      State s = st_;
      s.stack.resize(protects_.back().stack_depth);
      s.stack.push_back(evalue);
      protects_.back().raised.push_back(s);
    } else {
      Value* etype = emit("type_of", {evalue}, pos);
      Link* l = g_->new_link(st_.block, g_->exceptblock, {etype, evalue});
      l->pos = pos;
    }
    st_ = State{};
  }

  // Runs the finally bodies that a return/break/continue leaves, innermost
  // first; `from` is the index of the outermost protect it crosses. Returns
  // false when a finally body ends the path itself.
  bool run_finallies(size_t from) {
    for (size_t i = protects_.size(); i-- > from;) {
      if (protects_[i].kind != Protect::Finally) continue;
      std::vector<Protect> above(std::make_move_iterator(protects_.begin() + i), std::make_move_iterator(protects_.end()));
      protects_.resize(i);
      py::object body = above[0].finalbody;
      exec_body(body);
      protects_.insert(protects_.end(), std::make_move_iterator(above.begin()), std::make_move_iterator(above.end()));
      if (st_.dead()) return false;
    }
    return true;
  }

  size_t protects_inside_loop() const {
    size_t i = protects_.size();
    while (i > 0 && protects_[i - 1].loop_depth >= loops_.size()) --i;
    return i;
  }

  std::string hidden(const char* what) { return fmt::format("#{}{}", what, hidden_counter_++); }

  // A nested function becomes an object: an instance of a class made for
  // it, holding the cells of the variables it uses, whose __call__ is the
  // function's body. `s` is a FunctionDef or a Lambda; returns the object.
  Value* make_nested_function(py::handle s, SourcePos pos) {
    bool is_lambda = node_type(s) == "Lambda";
    if (!extras_) error(s, is_lambda ? "lambda expressions are not supported here" : "nested functions are not supported here");
    if (!is_lambda && py::len(s.attr("decorator_list"))) error(s, "decorators on nested functions are not supported");
    std::string name = is_lambda ? "<lambda>" : s.attr("name").cast<std::string>();
    int line = s.attr("lineno").cast<int>();
    py::object code;
    for (auto c : func_.attr("__code__").attr("co_consts")) {
      if (!py::hasattr(c, "co_name")) continue;
      if (is_lambda ? is_code_of_lambda(c, s)
                    : c.attr("co_name").cast<std::string>() == name && c.attr("co_firstlineno").cast<int>() == line)
        code = py::reinterpret_borrow<py::object>(c);
    }
    if (!code) error(s, "cannot find the code of nested function '" + name + "'");
    if (code.attr("co_flags").cast<int>() & 0x20)
      error(s, "generator functions nested in another function are not supported yet (define it at module level)");
    py::module_ types = py::module_::import("types");
    py::module_ ast = py::module_::import("ast");
    py::list cells;
    std::vector<std::string> freevars;
    for (auto fv : code.attr("co_freevars")) {
      freevars.push_back(fv.cast<std::string>());
      cells.append(types.attr("CellType")());
    }
    py::object inner = types.attr("FunctionType")(code, globals_, py::str(name), py::none(), py::tuple(cells));
    inner.attr("__qualname__") = code.attr("co_qualname");
    // __call__(self, <the function's parameters>), with its defaults.
    py::object fargs = s.attr("args");
    std::string params = "self";
    for (auto a : fargs.attr("args")) params += ", " + a.attr("arg").cast<std::string>();
    py::dict ns;
    py::exec(py::str("def __call__(" + params + "):\n    pass\n"), ns);
    py::object stub = ns["__call__"];
    py::list defaults;
    for (auto d : fargs.attr("defaults")) {
      try {
        defaults.append(ast.attr("literal_eval")(d));
      } catch (py::error_already_set&) {
        error(d, "the defaults of a nested function must be constants");
      }
    }
    if (py::len(defaults)) stub.attr("__defaults__") = py::tuple(defaults);
    std::string qual = code.attr("co_qualname").cast<std::string>();
    py::dict cns;
    cns["__module__"] = func_.attr("__module__");
    cns["__qualname__"] = py::str(qual + ".<closure>");
    cns["__call__"] = stub;
    py::object cls = builtins_.attr("type")(py::str((is_lambda ? std::string("lambda") : name) + "_closure"),
                                            py::make_tuple(builtins_.attr("object")), cns);

    FlowBuilder nested(inner, extras_, /*closure_mode=*/true);
    auto graph = nested.build();
    graph->name = qual;
    extras_->push_back(ExtraMethod{cls, stub, std::move(graph)});

    Value* obj = emit("simple_call", {constant(cls)}, pos);
    for (auto& fv : freevars) {
      if (!is_cell(fv)) error(s, "nested function '" + name + "' uses '" + fv + "', which is not a local of the enclosing function");
      push(obj);
      Value* cell = cell_of(fv, pos);
      obj = pop();
      push(obj);
      emit("setattr", {obj, g_->new_const_str("fv_" + fv), cell}, pos);
      obj = pop();
    }
    return obj;
  }

  void exec_raise(py::handle s, SourcePos pos) {
    py::object exc = s.attr("exc");
    Value* ev;
    if (exc.is_none()) {
      if (handled_exc_.empty()) error(s, "a bare 'raise' must be inside an except clause");
      ev = st_.locals.at(handled_exc_.back());
    } else {
      ev = eval(exc);
      if (ev->is_const() && PyType_Check(static_cast<Constant*>(ev)->value.obj.ptr()))
        ev = emit("simple_call", {ev}, pos);  // `raise E` instantiates E
      if (st_.dead()) return;
    }
    raise_value(ev, pos);
  }

  void exec_try(py::handle s, SourcePos pos) {
    py::list handlers = s.attr("handlers");
    py::list finalbody = s.attr("finalbody");
    bool has_finally = py::len(finalbody) > 0;
    bool has_handlers = py::len(handlers) > 0;
    // The try body starts a block of its own: a block's exception exit must
    // only catch its last operation, never one that ran before the `try`.
    if (!st_.block->operations.empty()) {
      Block* nb;
      Link* nl;
      st_ = fork_into(st_, nb, nl);
      nl->pos = pos;
    }
    if (has_finally) protects_.push_back(Protect{Protect::Finally, {}, finalbody, loops_.size(), st_.stack.size()});
    if (has_handlers) protects_.push_back(Protect{Protect::Except, {}, py::object(), loops_.size(), st_.stack.size()});
    exec_body(s.attr("body"));
    std::vector<State> raised;
    if (has_handlers) {
      raised = std::move(protects_.back().raised);
      protects_.pop_back();
    }
    if (!st_.dead()) exec_body(s.attr("orelse"));
    std::vector<State> ends{st_};
    if (has_handlers) {
      st_ = merge(raised, pos);
      for (auto h : handlers) {
        if (st_.dead()) break;
        SourcePos hpos = pos_of(h);
        State matched;
        if (h.attr("type").is_none()) {
          matched = st_;
          st_ = State{};
        } else {
          Value* cls = eval(h.attr("type"));
          Value* cond = emit("exc_match", {st_.stack.back(), cls}, hpos);
          auto [t, f] = branch(cond, hpos);
          matched = t;
          st_ = f;
        }
        if (matched.dead()) continue;
        State saved = st_;
        st_ = matched;
        Value* ev = pop();
        std::string slot = hidden("exc");
        store_name(slot, ev, hpos);
        std::string as;
        if (!h.attr("name").is_none()) {
          as = h.attr("name").cast<std::string>();
          store_var(as, ev, hpos);
        }
        handled_exc_.push_back(slot);
        exec_body(h.attr("body"));
        handled_exc_.pop_back();
        if (!st_.dead()) {
          st_.locals.erase(slot);
          if (!as.empty() && !is_cell(as)) st_.locals.erase(as);  // Python 3 unbinds the name after the handler
        }
        ends.push_back(st_);
        st_ = saved;
      }
      if (!st_.dead()) raise_value(pop(), pos);  // no clause matched: propagate
    }
    st_ = merge(ends, pos);
    if (has_finally) {
      Protect fin = std::move(protects_.back());
      protects_.pop_back();
      if (!st_.dead()) exec_body(finalbody);
      State normal = st_;
      if (!fin.raised.empty()) {
        st_ = merge(fin.raised, pos);
        std::string slot = hidden("finexc");
        store_name(slot, pop(), pos);
        exec_body(finalbody);
        if (!st_.dead()) {
          Value* ev = st_.locals.at(slot);
          st_.locals.erase(slot);
          raise_value(ev, pos);
        }
      }
      st_ = normal;
    }
  }

  // A struct sequence (sys.version_info, sys.float_info) or a named tuple:
  // immutable, and a tuple for indexing, slicing and comparisons.
  static bool is_named_tuple(py::handle o) {
    if (!PyTuple_Check(o.ptr()) || PyTuple_CheckExact(o.ptr())) return false;
    py::handle t = py::type::handle_of(o);
    return py::hasattr(t, "n_sequence_fields") || py::hasattr(t, "_fields");
  }

  static bool all_const(const std::vector<Value*>& args) {
    for (auto* a : args)
      if (!a->is_const() || !static_cast<Constant*>(a)->llrepr.empty()) return false;
    return true;
  }

  // Evaluates an operation on constants with Python itself, so folding has
  // Python's exact semantics. Results that a machine word cannot hold, and
  // operations that raise, are left for run time.
  Value* try_fold(const std::string& opname, const std::vector<Value*>& args) {
    if (!all_const(args)) return nullptr;
    if (opname == "range_len") {
      static py::handle range_type = py::object(py::module_::import("builtins").attr("range")).release();
      try {
        py::object r = range_type(static_cast<Constant*>(args[0])->value.to_python(),
                                  static_cast<Constant*>(args[1])->value.to_python(),
                                  static_cast<Constant*>(args[2])->value.to_python());
        return fold_result(py::int_(py::len(r)));
      } catch (py::error_already_set&) {
        return nullptr;
      }
    }
    if (opname == "getslice" && is_named_tuple(static_cast<Constant*>(args[0])->value.to_python())) {
      // sys.version_info[:2]: a plain tuple of constants.
      py::tuple t = py::tuple(static_cast<Constant*>(args[0])->value.to_python());
      py::object sl = py::module_::import("builtins").attr("slice")(static_cast<Constant*>(args[1])->value.to_python(),
                                                                     static_cast<Constant*>(args[2])->value.to_python(),
                                                                     static_cast<Constant*>(args[3])->value.to_python());
      try {
        return fold_result(t[sl]);
      } catch (py::error_already_set&) {
        return nullptr;
      }
    }
    auto it = kOperatorFuncs.find(opname);
    if (it == kOperatorFuncs.end()) return nullptr;
    static py::handle operator_mod = py::module_::import("operator").release();
    py::tuple pyargs(args.size());
    for (size_t i = 0; i < args.size(); ++i) pyargs[i] = static_cast<Constant*>(args[i])->value.to_python();
    // Folding would hide per-type behaviour of mutable or user objects.
    for (auto a : pyargs) {
      if (!(a.is_none() || PyBool_Check(a.ptr()) || PyLong_CheckExact(a.ptr()) || PyFloat_CheckExact(a.ptr()) ||
            PyUnicode_CheckExact(a.ptr()) || PyBytes_CheckExact(a.ptr()) || PyTuple_CheckExact(a.ptr()) ||
            is_named_tuple(a) || (opname == "is_" || opname == "is_not")))
        return nullptr;
    }
    try {
      py::object r = operator_mod.attr(it->second.c_str())(*pyargs);
      return fold_result(r);
    } catch (py::error_already_set&) {
      return nullptr;
    }
  }

  Value* fold_result(py::handle r) {
    ConstValue cv = ConstValue::from_python(r);
    if (PyLong_CheckExact(r.ptr()) && cv.kind != ConstValue::Int) return nullptr;  // does not fit 64 bits
    return g_->new_const(cv);
  }

  // ---- names -------------------------------------------------------------------

  // The cell holding a captured variable: this function's own, or (in a
  // nested function) one of the closure object's.
  Value* cell_of(const std::string& name, SourcePos pos) {
    if (cellvars_.count(name)) return st_.locals.at("#cell_" + name);
    return emit("getattr", {st_.locals.at("#self"), g_->new_const_str("fv_" + name)}, pos);
  }
  bool is_cell(const std::string& name) const { return cellvars_.count(name) || freevars_rt_.count(name); }

  void store_var(const std::string& name, Value* v, SourcePos pos) {
    if (is_cell(name)) {
      push(v);
      Value* cell = cell_of(name, pos);
      v = pop();
      emit("setattr", {cell, g_->new_const_str("v"), v}, pos);
      return;
    }
    store_name(name, v, pos);
  }

  Value* load_name(py::handle node) {
    std::string name = node.attr("id").cast<std::string>();
    if (is_cell(name)) return emit("getattr", {cell_of(name, pos_of(node)), g_->new_const_str("v")}, pos_of(node));
    auto it = st_.locals.find(name);
    if (it != st_.locals.end()) return it->second;
    if (all_locals_.count(name))
      error(node, "local variable '" + name + "' is used before it is assigned on some path to here");
    if (auto c = closure_.find(name); c != closure_.end()) return constant(c->second);
    if (globals_.contains(py::str(name))) {
      check_not_sys_argv(node, globals_[py::str(name)]);
      return constant(globals_[py::str(name)]);
    }
    if (py::hasattr(builtins_, name.c_str())) return constant(builtins_.attr(name.c_str()));
    error(node, "name '" + name + "' is not defined");
  }

  void store_name(const std::string& name, Value* v, SourcePos pos) {
    if (auto var = dynamic_cast<Variable*>(v); var && var->name == "v") var->name = name;
    st_.locals[name] = v;
    st_.where[name] = pos;
  }

  void assign(py::handle target, Value* v, SourcePos pos) {
    std::string t = node_type(target);
    if (t == "Name") {
      store_var(target.attr("id").cast<std::string>(), v, pos);
    } else if (t == "Tuple" || t == "List") {
      py::list elts = target.attr("elts");
      size_t n = py::len(elts);
      int64_t star = -1;
      for (size_t i = 0; i < n; ++i)
        if (node_type(elts[i]) == "Starred") {
          if (star >= 0) error(elts[i], "multiple starred expressions in assignment");
          star = (int64_t)i;
        }
      if (star >= 0) {
        assign_starred(elts, (size_t)star, v, pos);
        return;
      }
      // On the stack first: inside a try, unpack_check ends its block (the
      // length of a list is checked at run time) and v is renamed.
      push(v);
      emit("unpack_check", {v, g_->new_const_int((int64_t)n)}, pos);
      for (size_t i = 0; i < n; ++i) {
        Value* item = emit("getitem", {st_.stack.back(), g_->new_const_int((int64_t)i)}, pos);
        assign(elts[i], item, pos);
      }
      pop();
    } else if (t == "Attribute") {
      Value* obj = eval(target.attr("value"));
      emit("setattr", {obj, g_->new_const_str(target.attr("attr").cast<std::string>()), v}, pos);
    } else if (t == "Subscript" && node_type(target.attr("slice")) == "Slice") {
      // x[a:b:c] = v: setslice(x, a, b, c, v), None for what is omitted.
      push(v);
      push(eval(target.attr("value")));
      eval_slice_bounds(target.attr("slice"));
      Value* step = pop();
      Value* stop = pop();
      Value* start = pop();
      Value* obj = pop();
      v = pop();
      emit("setslice", {obj, start, stop, step, v}, pos);
    } else if (t == "Subscript") {
      push(v);
      Value* obj = eval(target.attr("value"));
      push(obj);
      Value* idx = eval(target.attr("slice"));
      obj = pop();
      v = pop();
      emit("setitem", {obj, idx, v}, pos);
    } else {
      error(target, "cannot assign to this expression");
    }
  }

  // `a, *mid, b = seq`: unpack_star checks the length (ValueError as
  // CPython's) and gives the new list of the middle items; the others are
  // indexed from either end, then all are assigned left to right.
  void assign_starred(py::list elts, size_t star, Value* v, SourcePos pos) {
    int64_t n = (int64_t)py::len(elts);
    int64_t after = n - 1 - (int64_t)star;
    size_t base = st_.stack.size();
    push(v);
    Value* mid = emit("unpack_star", {v, g_->new_const_int((int64_t)star), g_->new_const_int(after)}, pos);
    push(mid);
    for (int64_t i = 0; i < n; ++i) {
      py::handle e = elts[i];
      if (i == (int64_t)star) {
        assign(e.attr("value"), st_.stack[base + 1], pos);
        continue;
      }
      int64_t index = i < (int64_t)star ? i : i - n;  // after the star: from the end
      Value* item = emit("getitem", {st_.stack[base], g_->new_const_int(index)}, pos);
      assign(e, item, pos);
    }
    st_.stack.resize(base);
  }

  // ---- statements --------------------------------------------------------------

  void exec_body(py::handle stmts) {
    for (py::handle s : stmts) {
      if (st_.dead()) return;  // code after return/break/continue
      exec_stmt(s);
    }
  }

  void exec_stmt(py::handle s) {
    std::string t = node_type(s);
    SourcePos pos = pos_of(s);
    if (t == "Expr") {
      eval(s.attr("value"));
    } else if (t == "Assign") {
      py::object value = s.attr("value");
      py::list targets = s.attr("targets");
      // `a, b = b, a`: evaluate the right side fully, then assign.
      if (py::len(targets) == 1 && (node_type(targets[0]) == "Tuple" || node_type(targets[0]) == "List") &&
          node_type(value) == "Tuple" && py::len(value.attr("elts")) == py::len(targets[0].attr("elts"))) {
        py::list elts = value.attr("elts");
        size_t base = st_.stack.size();
        for (auto e : elts) push(eval(e));
        py::list tgts = targets[0].attr("elts");
        // The values stay on the stack: an assignment with control flow of
        // its own renames them, and st_.stack holds the current names.
        for (size_t i = 0; i < py::len(tgts); ++i) assign(tgts[i], st_.stack[base + i], pos);
        st_.stack.resize(base);
        return;
      }
      Value* v = eval(value);
      push(v);
      for (auto tg : targets) assign(tg, st_.stack.back(), pos);
      pop();
    } else if (t == "AnnAssign") {
      if (!s.attr("value").is_none()) assign(s.attr("target"), eval(s.attr("value")), pos);
    } else if (t == "AugAssign") {
      py::object target = s.attr("target");
      std::string op = kBinaryOps.at(node_type(s.attr("op")));
      std::string tt = node_type(target);
      if (tt == "Name") {
        Value* cur = load_name(target);
        push(cur);
        Value* rhs = eval(s.attr("value"));
        cur = pop();
        store_var(target.attr("id").cast<std::string>(), emit("inplace_" + op, {cur, rhs}, pos), pos);
      } else if (tt == "Attribute") {
        // obj.a op= v: obj is evaluated once.
        Value* obj = eval(target.attr("value"));
        Constant* attr = g_->new_const_str(target.attr("attr").cast<std::string>());
        push(obj);
        push(emit("getattr", {obj, attr}, pos));
        Value* rhs = eval(s.attr("value"));
        Value* cur = pop();
        Value* r = emit("inplace_" + op, {cur, rhs}, pos);
        obj = pop();
        emit("setattr", {obj, attr, r}, pos);
      } else if (tt == "Subscript") {
        push(eval(target.attr("value")));
        push(eval(target.attr("slice")));
        push(emit("getitem", {st_.stack[st_.stack.size() - 2], st_.stack.back()}, pos));
        Value* rhs = eval(s.attr("value"));
        Value* cur = pop();
        Value* r = emit("inplace_" + op, {cur, rhs}, pos);
        Value* idx = pop();
        Value* obj = pop();
        emit("setitem", {obj, idx, r}, pos);
      } else {
        error(target, "cannot use augmented assignment on this expression");
      }
    } else if (t == "Return") {
      Value* v = s.attr("value").is_none() ? g_->new_const_none() : eval(s.attr("value"));
      if (st_.dead()) return;
      if (!protects_.empty()) {
        std::string slot = hidden("ret");
        store_name(slot, v, pos);
        if (!run_finallies(0)) return;
        v = st_.locals.at(slot);
      }
      Link* l = g_->new_link(st_.block, g_->returnblock, {v});
      l->pos = pos;
      l->argpos = {pos};
      st_ = State{};
    } else if (t == "Pass") {
    } else if (t == "If") {
      auto [ts, fs] = branch_on_test(s.attr("test"));
      st_ = ts;
      if (!st_.dead()) exec_body(s.attr("body"));
      State after_then = st_;
      st_ = fs;
      if (!st_.dead()) exec_body(s.attr("orelse"));
      st_ = merge({after_then, st_}, pos);
    } else if (t == "While") {
      exec_while(s);
    } else if (t == "For") {
      exec_for(s);
    } else if (t == "Break") {
      if (loops_.empty()) error(s, "'break' outside loop");
      if (!run_finallies(protects_inside_loop())) return;
      loops_.back().breaks.push_back(st_);
      st_ = State{};
    } else if (t == "Continue") {
      if (loops_.empty()) error(s, "'continue' outside loop");
      if (!run_finallies(protects_inside_loop())) return;
      jump_to_header(loops_.back(), pos);
      st_ = State{};
    } else if (t == "Raise") {
      exec_raise(s, pos);
    } else if (t == "Try") {
      exec_try(s, pos);
    } else if (t == "Assert") {
      auto [ts, fs] = branch_on_test(s.attr("test"));
      st_ = fs;
      if (!st_.dead()) {
        std::vector<Value*> args{constant(builtins_.attr("AssertionError"))};
        if (!s.attr("msg").is_none()) args.push_back(eval(s.attr("msg")));
        if (!st_.dead()) raise_value(emit("simple_call", args, pos), pos);
      }
      st_ = ts;
    } else if (t == "Nonlocal" && closure_mode_) {
      // Its variables are cells already.
    } else if (t == "FunctionDef") {
      store_var(s.attr("name").cast<std::string>(), make_nested_function(s, pos), pos);
    } else if (t == "Global" || t == "Nonlocal") {
      error(s, std::string("the '") + (t == "Global" ? "global" : "nonlocal") +
                   "' statement is not RPython: module globals are constants after import");
    } else if (t == "AsyncFunctionDef" || t == "AsyncFor" || t == "AsyncWith" || t == "Await") {
      error(s, "async code is not RPython");
    } else if (t == "Import" || t == "ImportFrom") {
      error(s, "import inside a function is not RPython: import at module level");
    } else if (t == "Delete") {
      for (auto target : s.attr("targets")) {
        std::string tt = node_type(target);
        if (tt == "Subscript" && node_type(target.attr("slice")) != "Slice") {
          push(eval(target.attr("value")));
          Value* idx = eval(target.attr("slice"));
          Value* obj = pop();
          emit("delitem", {obj, idx}, pos);
        } else if (tt == "Subscript") {
          push(eval(target.attr("value")));
          eval_slice_bounds(target.attr("slice"));
          Value* step = pop();
          Value* stop = pop();
          Value* start = pop();
          Value* obj = pop();
          emit("delslice", {obj, start, stop, step}, pos);
        } else if (tt == "Name") {
          std::string name = target.attr("id").cast<std::string>();
          if (!st_.locals.count(name)) error(target, "local variable '" + name + "' is not assigned here");
          st_.locals.erase(name);
          st_.where.erase(name);
        } else {
          error(target, "'del' of this target is not supported yet (only del x[k] and del name)");
        }
        if (st_.dead()) return;
      }
    } else if (t == "With") {
      // syslib: PEP 343's expansion into try/except/finally (rpython/rlib/_with.py).
      static py::handle desugar = py::object(py::module_::import("rpython.rlib._with").attr("desugar")).release();
      exec_body(desugar(s));
    } else if (t == "ClassDef" || t == "Match" || t == "TryStar") {
      error(s, "'" + t + "' statements are not supported yet");
    } else {
      error(s, "unsupported statement: " + t);
    }
  }

  void jump_to_header(LoopContext& loop, SourcePos pos) {
    if (!loop.header) {
      loop.continues.push_back(st_);
      return;
    }
    std::vector<Value*> args;
    std::vector<SourcePos> argpos;
    for (auto& n : loop.header_names) {
      auto it = st_.locals.find(n);
      if (it == st_.locals.end())
        throw TranslationError(pos, "local variable '" + n + "' is deleted inside the loop");
      args.push_back(it->second);
      argpos.push_back(st_.where[n]);
    }
    Link* l = g_->new_link(st_.block, loop.header, args);
    l->argpos = argpos;
    l->pos = pos;
  }

  // Opens a loop: a header block taking every local that is a variable now or
  // is reassigned by the loop; locals that stay constant stay constants.
  void open_loop(py::handle loop_node, const std::set<std::string>& extra_assigned, SourcePos pos) {
    std::set<std::string> assigned = extra_assigned;
    for (py::handle b : loop_node.attr("body")) collect_assigned(b, assigned);
    if (node_type(loop_node) == "While") collect_assigned(loop_node.attr("test"), assigned);
    LoopContext loop;
    std::vector<Variable*> inputs;
    std::vector<Value*> args;
    std::vector<SourcePos> argpos;
    State s = st_;
    for (auto& [name, v] : s.locals) {
      if (v->is_const() && !assigned.count(name)) continue;
      Variable* nv = g_->new_var(name);
      inputs.push_back(nv);
      args.push_back(v);
      argpos.push_back(s.where[name]);
      loop.header_names.push_back(name);
      v = nv;
    }
    if (!s.stack.empty()) throw TranslationError(pos, "internal: loop opened with live temporaries");
    loop.header = g_->new_block(inputs);
    loop.header->loop_header = true;
    Link* l = g_->new_link(st_.block, loop.header, args);
    l->argpos = argpos;
    l->pos = pos;
    s.block = loop.header;
    st_ = s;
    loops_.push_back(std::move(loop));
  }

  // Ends a loop: the else clause runs on the normal exit (the current
  // frame), then joins the `break`s. The else clause is outside the loop:
  // a `break` or `continue` there is the enclosing loop's.
  void close_loop(py::handle s, SourcePos pos) {
    LoopContext loop = std::move(loops_.back());
    loops_.pop_back();
    if (!st_.dead()) exec_body(s.attr("orelse"));
    loop.breaks.push_back(st_);
    st_ = merge(loop.breaks, pos);
  }

  void exec_while(py::handle s) {
    SourcePos pos = pos_of(s);
    open_loop(s, {}, pos);
    auto [ts, fs] = branch_on_test(s.attr("test"));
    st_ = ts;
    if (!st_.dead()) {
      exec_body(s.attr("body"));
      if (!st_.dead()) jump_to_header(loops_.back(), pos);
    }
    st_ = fs;
    close_loop(s, pos);
  }

  // `for x in range(...)` becomes a counting loop; other iterables come with
  // the iterator protocol.
  // `for x in CONST` over a constant tuple or an unrolling_iterable: one copy
  // of the body per item, with x a constant in each.
  // `for x in CONST` over a constant tuple or an unrolling_iterable: one copy
  // of the body per item, with x a constant in each.
  static py::object unrollable_items(Value* it) {
    if (!it->is_const()) return py::object();
    py::object obj = static_cast<Constant*>(it)->value.obj;
    if (obj && PyTuple_CheckExact(obj.ptr())) return obj;
    if (obj && py::hasattr(obj, "_rpy_special_") &&
        py::str(obj.attr("_rpy_special_")).cast<std::string>() == "unrolling_iterable")
      return py::tuple(obj);
    return py::object();
  }

  void exec_unrolled_for(py::handle s, py::object items, SourcePos pos) {
    std::vector<State> breaks;
    for (auto item : items) {
      if (st_.dead()) break;
      loops_.push_back(LoopContext{nullptr, {}, {}, {}});
      assign(s.attr("target"), constant(item), pos);
      exec_body(s.attr("body"));
      LoopContext loop = std::move(loops_.back());
      loops_.pop_back();
      breaks.insert(breaks.end(), loop.breaks.begin(), loop.breaks.end());
      loop.continues.push_back(st_);
      st_ = merge(loop.continues, pos);
    }
    if (!st_.dead()) exec_body(s.attr("orelse"));
    breaks.push_back(st_);
    st_ = merge(breaks, pos);
  }

  // The iterator protocol: it = iter(x); loop: v = next(it), leaving the
  // loop (to its else clause) on StopIteration from next() alone.
  void exec_iterator_for(py::handle s, Value* iterable, SourcePos pos) {
    Value* it = emit("simple_call", {constant(builtins_.attr("iter")), iterable}, pos);
    if (st_.dead()) return;
    std::string nit = hidden("it");
    store_name(nit, it, pos);
    std::set<std::string> extra;
    collect_assigned(s.attr("target"), extra);
    open_loop(s, extra, pos);
    protects_.push_back(Protect{Protect::Except, {}, py::object(), loops_.size(), st_.stack.size()});
    Value* item = emit("simple_call", {constant(builtins_.attr("next")), st_.locals.at(nit)}, pos);
    std::vector<State> raised = std::move(protects_.back().raised);
    protects_.pop_back();
    State body = st_;
    // Exhausted, or another exception from next().
    st_ = merge(raised, pos);
    State exhausted;
    if (!st_.dead()) {
      Value* cond = emit("exc_match", {st_.stack.back(), constant(builtins_.attr("StopIteration"))}, pos);
      auto [t, f] = branch(cond, pos);
      st_ = f;
      if (!st_.dead()) raise_value(pop(), pos);
      exhausted = t;
      if (!exhausted.dead()) exhausted.stack.pop_back();
    }
    st_ = body;
    if (!st_.dead()) {
      push(item);
      assign(s.attr("target"), st_.stack.back(), pos);
      pop();
      exec_body(s.attr("body"));
      if (!st_.dead()) jump_to_header(loops_.back(), pos);
    }
    st_ = exhausted;
    close_loop(s, pos);
    if (!st_.dead()) st_.locals.erase(nit);
  }

  void exec_for(py::handle s) {
    SourcePos pos = pos_of(s);
    py::object iter = s.attr("iter");
    bool is_range = false;
    if (node_type(iter) == "Call" && py::len(iter.attr("keywords")) == 0 && node_type(iter.attr("func")) == "Name") {
      // Decided from the name alone: evaluating the callee here would run
      // its side effects twice.
      std::string fname = iter.attr("func").attr("id").cast<std::string>();
      if (!st_.locals.count(fname) && !all_locals_.count(fname) && !is_cell(fname) && !closure_.count(fname)) {
        py::object f = globals_.contains(py::str(fname)) ? py::object(globals_[py::str(fname)])
                       : py::hasattr(builtins_, fname.c_str()) ? builtins_.attr(fname.c_str())
                                                               : py::object();
        if (f && f.is(builtins_.attr("range"))) is_range = true;
      }
    }
    if (!is_range) {
      Value* it = eval(iter);
      if (py::object items = unrollable_items(it)) {
        exec_unrolled_for(s, items, pos);
        return;
      }
      exec_iterator_for(s, it, pos);
      return;
    }
    py::list rargs = iter.attr("args");
    size_t n = py::len(rargs);
    if (n < 1 || n > 3) error(iter, fmt::format("range expected 1 to 3 arguments, got {}", n));
    Value *start, *stop, *step;
    if (n == 1) {
      start = g_->new_const_int(0);
      stop = eval(rargs[0]);
      step = g_->new_const_int(1);
    } else {
      push(eval(rargs[0]));
      if (n == 3) {
        push(eval(rargs[1]));
        step = eval(rargs[2]);
        stop = pop();
      } else {
        stop = eval(rargs[1]);
        step = g_->new_const_int(1);
      }
      start = pop();
    }
    for (Value* v : {start, stop, step}) emit("int_check", {v}, pos);
    if (step->is_const() && static_cast<Constant*>(step)->value.kind == ConstValue::Int &&
        static_cast<Constant*>(step)->value.i == 0)
      error(iter, "range() arg 3 must not be zero");
    if (!step->is_const()) emit("range_check_step", {step}, pos);

    // The loop counts the iterations left, computed once: the index itself
    // may leave the 64-bit range after the last iteration, a count cannot.
    Value* count = emit("range_len", {start, stop, step}, pos);
    int k = hidden_counter_++;
    std::string ni = fmt::format("#i{}", k), nleft = fmt::format("#left{}", k), nstep = fmt::format("#step{}", k);
    store_name(ni, start, pos);
    store_name(nleft, count, pos);
    store_name(nstep, step, pos);
    std::set<std::string> extra{ni, nleft};
    collect_assigned(s.attr("target"), extra);
    open_loop(s, extra, pos);
    Value* cond = emit("gt", {st_.locals[nleft], g_->new_const_int(0)}, pos);
    auto [ts, fs] = branch(cond, pos);
    st_ = ts;
    if (!st_.dead()) {
      Value* cur = st_.locals[ni];
      store_name(ni, emit("add", {cur, st_.locals[nstep]}, pos), pos);
      store_name(nleft, emit("sub", {st_.locals[nleft], g_->new_const_int(1)}, pos), pos);
      assign(s.attr("target"), cur, pos);
      exec_body(s.attr("body"));
      if (!st_.dead()) jump_to_header(loops_.back(), pos);
    }
    st_ = fs;
    close_loop(s, pos);
    for (auto* name : {&ni, &nleft, &nstep}) {
      st_.locals.erase(*name);
      st_.where.erase(*name);
    }
  }

  // ---- expressions -------------------------------------------------------------

  Value* eval(py::handle e) {
    std::string t = node_type(e);
    SourcePos pos = pos_of(e);
    if (t == "Constant") {
      py::object v = e.attr("value");
      ConstValue cv = ConstValue::from_python(v);
      if (PyLong_CheckExact(v.ptr()) && cv.kind != ConstValue::Int)
        error(e, "integer constant does not fit in a machine word (64 bits)");
      return g_->new_const(cv);
    }
    if (t == "Name") return load_name(e);
    if (t == "BinOp") {
      std::string op = kBinaryOps.at(node_type(e.attr("op")));
      if (op == "mod") {
        // A bytes format: b"..." or bytearray(b"..."), whose result is a bytearray (CPython's bytearray %).
        py::handle left = e.attr("left");
        bool ba = is_bytearray_of_literal(left);
        py::object lit = ba ? py::list(left.attr("args"))[0] : py::reinterpret_borrow<py::object>(left);
        if (node_type(lit) == "Constant" && PyBytes_CheckExact(lit.attr("value").ptr())) {
          Value* r = bytes_percent_format(e, lit.attr("value").cast<std::string>(), eval(e.attr("right")), pos);
          return ba ? call_builtin("bytearray", {r}, pos) : r;
        }
      }
      push(eval(e.attr("left")));
      Value* r = eval(e.attr("right"));
      Value* l = pop();
      if (op == "mod" && l->is_const() && static_cast<Constant*>(l)->value.kind == ConstValue::Str && !r->is_const())
        return percent_format(e, static_cast<Constant*>(l)->value.s, r, pos);
      return emit(op, {l, r}, pos);
    }
    if (t == "UnaryOp") {
      std::string opt = node_type(e.attr("op"));
      Value* v = eval(e.attr("operand"));
      if (opt == "Not") return emit("not_", {v}, pos);
      if (opt == "USub") return emit("neg", {v}, pos);
      if (opt == "UAdd") return emit("pos", {v}, pos);
      return emit("invert", {v}, pos);
    }
    if (t == "Compare") return eval_compare(e);
    if (t == "BoolOp") return eval_boolop(e);
    if (t == "IfExp") {
      auto [ts, fs] = branch_on_test(e.attr("test"));
      std::vector<State> ends;
      for (auto [st, branch_node] : {std::pair{ts, e.attr("body")}, std::pair{fs, e.attr("orelse")}}) {
        if (st.dead()) continue;
        st_ = st;
        push(eval(branch_node));
        ends.push_back(st_);
      }
      st_ = merge(ends, pos);
      return pop();
    }
    if (t == "Call") return eval_call(e);
    if (t == "Attribute") {
      Value* obj = eval(e.attr("value"));
      std::string attr = e.attr("attr").cast<std::string>();
      if (obj->is_const()) {
        py::object o = static_cast<Constant*>(obj)->value.obj;
        // Module and class attributes are constants after import.
        bool frozen = false;
        if (o && py::hasattr(o, "_freeze_")) {
          py::object fr = o.attr("_freeze_");
          frozen = PyCallable_Check(fr.ptr()) && py::bool_(fr());
        }
        // syslib: sys.stdout.write & co. are the stream's bound methods
        // (annotator/builtin_modules.cpp knows them by receiver and name).
        if (o && is_std_stream(o) && py::hasattr(o, attr.c_str())) return constant(o.attr(attr.c_str()));
        // Named tuples and struct sequences (sys.float_info, sys.version_info)
        // are immutable: their fields are constants too.
        if (o && is_named_tuple(o) && py::hasattr(o, attr.c_str()))
          return constant(o.attr(attr.c_str()));
        if (o && py::isinstance<py::module_>(o) && py::hasattr(o, attr.c_str())) check_not_sys_argv(e, o.attr(attr.c_str()));
        if (o && (py::isinstance<py::module_>(o) || PyType_Check(o.ptr()) || frozen)) {
          if (!py::hasattr(o, attr.c_str()))
            error(e, fmt::format("{} has no attribute '{}'", py::repr(o).cast<std::string>(), attr));
          return constant(o.attr(attr.c_str()));
        }
      }
      // x.__class__ is type(x): the class, read from the instance's vtable.
      if (attr == "__class__") return emit("type_of", {obj}, pos);
      return emit("getattr", {obj, g_->new_const_str(attr)}, pos);
    }
    if (t == "Subscript") {
      if (node_type(e.attr("slice")) == "Slice") {
        // x[a:b:c]: getslice(x, a, b, c), None for what is omitted.
        push(eval(e.attr("value")));
        eval_slice_bounds(e.attr("slice"));
        Value* step = pop();
        Value* stop = pop();
        Value* start = pop();
        Value* obj = pop();
        return emit("getslice", {obj, start, stop, step}, pos);
      }
      push(eval(e.attr("value")));
      Value* idx = eval(e.attr("slice"));
      Value* obj = pop();
      return emit("getitem", {obj, idx}, pos);
    }
    if (t == "Tuple") {
      std::vector<Value*> items = eval_elements(e);
      if (all_const(items)) {
        py::tuple tup(items.size());
        for (size_t i = 0; i < items.size(); ++i) tup[i] = static_cast<Constant*>(items[i])->value.to_python();
        return constant(tup);
      }
      return emit("newtuple", items, pos);
    }
    if (t == "Await") error(e, "'await' is not RPython: coroutines cannot be translated");
    if (t == "Yield") {
      Value* v = e.attr("value").is_none() ? g_->new_const_none() : eval(e.attr("value"));
      return emit("yield_", {v}, pos);
    }
    if (t == "YieldFrom") error(e, "'yield from' is not supported yet");
    if (t == "Lambda") return make_nested_function(e, pos);
    if (t == "JoinedStr") return eval_fstring(e, pos);
    if (t == "List") {
      std::vector<Value*> items = eval_elements(e);
      return emit("newlist", items, pos);
    }
    if (t == "Dict") {
      // Keys and values in source order, then the dict is built.
      size_t base = st_.stack.size();
      py::list keys = e.attr("keys"), values = e.attr("values");
      for (size_t i = 0; i < py::len(keys); ++i) {
        if (keys[i].is_none()) error(values[i], "'**' in a dict display is not supported");
        push(eval(keys[i]));
        push(eval(values[i]));
      }
      std::vector<Value*> items(st_.stack.begin() + base, st_.stack.end());
      st_.stack.resize(base);
      Value* d = emit("newdict", {}, pos);
      push(d);
      for (size_t i = 0; i < items.size(); i += 2) emit("setitem", {d, items[i], items[i + 1]}, pos);
      return pop();
    }
    if (t == "Set") {
      std::vector<Value*> items = eval_elements(e);
      Value* set = emit("newset", items, pos);
      // CPython compiles a display of more than two constants into a
      // frozenset constant merged into a new set, which gives the set's
      // table another size and order than adding the items one by one
      // would (a set shows its table's order: runtime/dict.h). The same
      // here: rpython/rlib/_sets.py's set_display redoes those steps.
      py::list elts = e.attr("elts");
      bool all_const = py::len(elts) > 2;
      for (auto el : elts) all_const = all_const && folds_to_constant(el);
      if (all_const)
        set = emit("simple_call", {constant(py::module_::import("rpython.rlib._sets").attr("set_display")), set}, pos);
      return set;
    }
    if (t == "ListComp" || t == "DictComp" || t == "SetComp" || t == "GeneratorExp") return eval_comprehension(e, t, pos);
    error(e, "unsupported expression: " + t);
  }

  // The elements of a tuple/list/set display, in order (each kept on the
  // stack while the next is evaluated).
  std::vector<Value*> eval_elements(py::handle e) {
    size_t base = st_.stack.size();
    for (auto el : e.attr("elts")) {
      if (node_type(el) == "Starred") error(el, "starred expressions are not supported");
      push(eval(el));
    }
    std::vector<Value*> items(st_.stack.begin() + base, st_.stack.end());
    st_.stack.resize(base);
    return items;
  }

  // ---- formatting: constant formats become concatenations of pieces ----

  Value* call_builtin(const char* name, std::vector<Value*> args, SourcePos pos) {
    std::vector<Value*> a{constant(builtins_.attr(name))};
    a.insert(a.end(), args.begin(), args.end());
    return emit("simple_call", a, pos);
  }

  // A field's value after its conversion (!s, !r, !a, or %d's int()...).
  // bytes_format: CPython's bytes % words its TypeError for %e/%f/%g as
  // "float argument required".
  Value* convert_field(Value* v, const FormatPiece& p, SourcePos pos, bool bytes_format = false) {
    switch (p.conversion) {
      case 's': return call_builtin("str", {v}, pos);
      case 'r': return call_builtin("repr", {v}, pos);
      case 'a': return call_builtin("ascii", {v}, pos);
      case 'i': return emit("fmt_int", {v, g_->new_const_str(p.spec.substr(p.spec.size() - 1))}, pos);
      case 'f':
        if (bytes_format) return emit("fmt_float", {v, g_->new_const_bool(true)}, pos);
        return emit("fmt_float", {v}, pos);
      case 'c': return emit("fmt_char", {v}, pos);
      default: return v;
    }
  }

  // One replacement field's text.
  Value* format_field(Value* v, const FormatPiece& p, SourcePos pos, bool bytes_format = false) {
    v = convert_field(v, p, pos, bytes_format);
    if (!p.spec.empty()) return call_builtin("format", {v, g_->new_const_str(p.spec)}, pos);
    if (p.conversion == 0) return call_builtin("str", {v}, pos);
    return v;
  }

  // The parts (on the stack from `base` on) joined left to right.
  Value* concat_stack(size_t base, SourcePos pos) {
    std::vector<Value*> parts(st_.stack.begin() + base, st_.stack.end());
    st_.stack.resize(base);
    if (parts.empty()) return g_->new_const_str("");
    Value* acc = parts[0];
    for (size_t i = 1; i < parts.size(); ++i) acc = emit("add", {acc, parts[i]}, pos);
    return acc;
  }

  // The fields of `fmt % args` (str or bytes) and the operand they read,
  // pushed on the stack: `n` items (fields, '*' widths and precisions), or
  // a mapping when the fields are %(name)s ones (`keyed`).
  struct PercentFields {
    std::vector<FormatPiece> pieces;
    int n = 0;
    bool keyed = false;
    size_t base = 0;  // the stack size with the operand pushed
  };
  PercentFields percent_fields(py::handle e, const std::string& fmtstr, Value* args, bool is_bytes, SourcePos pos) {
    PercentFields f;
    std::string err;
    f.pieces = parse_percent_format(fmtstr, &err, is_bytes);
    if (!err.empty()) error(e, err);
    for (auto& p : f.pieces) {
      if (p.literal) continue;
      f.keyed |= !p.name.empty();
      f.n = std::max({f.n, p.index + 1, p.width_arg + 1, p.prec_arg + 1});
    }
    if (f.keyed) args = emit("fmt_mapping", {args}, pos);
    if (f.n == 0 && !f.keyed) emit("fmt_noargs", {args, g_->new_const_bool(is_bytes)}, pos);
    push(args);
    f.base = st_.stack.size();
    return f;
  }

  Value* percent_format(py::handle e, const std::string& fmtstr, Value* args, SourcePos pos) {
    PercentFields f = percent_fields(e, fmtstr, args, false, pos);
    const std::vector<FormatPiece>& pieces = f.pieces;
    bool keyed = f.keyed;
    size_t base = f.base;
    auto item = [&](int k) {
      // fmt_arg: item k of a tuple of n, or the operand itself when it is
      // not a tuple (then n must be 1), as CPython's % does.
      return emit("fmt_arg", {st_.stack[base - 1], g_->new_const_int(k), g_->new_const_int(f.n)}, pos);
    };
    for (auto& p : pieces) {
      if (p.literal) {
        push(g_->new_const_str(p.text));
        continue;
      }
      auto value = [&] {
        return keyed ? emit("getitem", {st_.stack[base - 1], g_->new_const_str(p.name)}, pos) : item(p.index);
      };
      if (p.conversion == 'i' && p.has_prec) {
        push(int_precision(p, item, value, pos));
        continue;
      }
      if (p.width_arg >= 0 || p.prec_arg >= 0) {
        push(star_spec(p, item, pos));
        Value* v = convert_field(item(p.index), p, pos);
        Value* spec = pop();
        push(call_builtin("format", {v, spec}, pos));
        continue;
      }
      push(format_field(value(), p, pos));
    }
    Value* r = concat_stack(base, pos);
    pop();
    return r;
  }

  // `bytearray(b"...")` with the builtin bytearray.
  bool is_bytearray_of_literal(py::handle node) {
    if (node_type(node) != "Call" || py::len(node.attr("args")) != 1 || py::len(node.attr("keywords")) != 0)
      return false;
    py::handle f = node.attr("func");
    if (node_type(f) != "Name") return false;
    std::string name = f.attr("id").cast<std::string>();
    if (is_cell(name) || st_.locals.count(name) || all_locals_.count(name)) return false;
    Value* fv = load_name(f);
    return fv->is_const() && static_cast<Constant*>(fv)->value.obj.is(builtins_.attr("bytearray"));
  }

  // `fmt % args` for a bytes format (PEP 461). The numbers are the str
  // formatter's pieces encoded as ASCII; %s, %b, %c and %r/%a (ascii(),
  // which is repr() with the non-ASCII characters backslash-escaped) are
  // bytes, cut and padded by rpython/rlib/_formatting.py's bytes_field.
  Value* bytes_percent_format(py::handle e, const std::string& fmtstr, Value* args, SourcePos pos) {
    PercentFields f = percent_fields(e, fmtstr, args, true, pos);
    const std::vector<FormatPiece>& pieces = f.pieces;
    bool keyed = f.keyed;
    size_t base = f.base;
    auto item = [&](int k) {
      return emit("fmt_arg",
                  {st_.stack[base - 1], g_->new_const_int(k), g_->new_const_int(f.n), g_->new_const_bool(true)}, pos);
    };
    auto value = [&](const FormatPiece& p) {
      return keyed ? emit("getitem", {st_.stack[base - 1], constant(py::bytes(p.name))}, pos) : item(p.index);
    };
    auto encode = [&](Value* text, const char* errors) {
      Value* m = emit("getattr", {text, g_->new_const_str("encode")}, pos);
      if (!errors) return emit("simple_call", {m, g_->new_const_str("ascii")}, pos);
      return emit("simple_call", {m, g_->new_const_str("ascii"), g_->new_const_str(errors)}, pos);
    };
    // A bytes field's bytes.
    auto field_bytes = [&](const FormatPiece& p) {
      Value* v = value(p);
      if (p.conversion == 'c') return emit("fmt_byte", {v}, pos);
      if (p.conversion == 'r' || p.conversion == 'a') return encode(call_builtin("repr", {v}, pos), "backslashreplace");
      return emit("fmt_bytes", {v}, pos);
    };
    static py::handle bytes_field =
        py::object(py::module_::import("rpython.rlib._formatting").attr("bytes_field")).release();
    for (const FormatPiece& p : pieces) {
      if (p.literal) {
        push(constant(py::bytes(p.text)));
        continue;
      }
      if (p.conversion == 'i' && p.has_prec) {
        push(encode(int_precision(p, item, [&] { return value(p); }, pos), nullptr));
        continue;
      }
      if (p.conversion == 'i' || p.conversion == 'f') {
        if (p.width_arg >= 0 || p.prec_arg >= 0) {
          push(star_spec(p, item, pos));
          Value* v = convert_field(item(p.index), p, pos, true);
          Value* spec = pop();
          push(encode(call_builtin("format", {v, spec}, pos), nullptr));
        } else {
          push(encode(format_field(value(p), p, pos, true), nullptr));
        }
        continue;
      }
      if (p.width_arg < 0 && p.prec_arg < 0 && p.static_width.empty() && !p.has_prec) {
        push(field_bytes(p));
        continue;
      }
      push_width_prec(p, item, pos);
      Value* b = field_bytes(p);
      Value* prec = pop();
      Value* width = pop();
      push(emit("simple_call",
                {constant(bytes_field), b, width, g_->new_const_bool(p.has_prec), prec, g_->new_const_bool(p.minus)},
                pos));
    }
    Value* r = pieces.empty() ? constant(py::bytes("")) : concat_stack(base, pos);
    st_.stack.resize(base - 1);
    return r;
  }

  // An int field with a precision (`%.3d`, `%*.*x`): its text, by
  // rpython/rlib/_formatting.py's int_precision; item(k) is the operand's
  // item k, value() the field's value.
  template <class Item, class Field>
  Value* int_precision(const FormatPiece& p, Item item, Field value, SourcePos pos) {
    static py::handle helper =
        py::object(py::module_::import("rpython.rlib._formatting").attr("int_precision")).release();
    push_width_prec(p, item, pos);
    Value* v = emit("fmt_int", {value(), g_->new_const_str(p.spec_tail)}, pos);
    Value* prec = pop();
    Value* width = pop();
    return emit("simple_call",
                {constant(helper), v, g_->new_const_str(p.spec_head), g_->new_const_str(p.spec_tail), width, prec,
                 g_->new_const_bool(p.minus), g_->new_const_bool(p.zero)},
                pos);
  }

  // A field's width and precision as ints (an item of the operand for a
  // `*`, 0 when absent), pushed in that order.
  template <class Item>
  void push_width_prec(const FormatPiece& p, Item item, SourcePos pos) {
    auto star_int = [&](int k) { return emit("fmt_int", {item(k), g_->new_const_str("*")}, pos); };
    push(p.width_arg >= 0 ? star_int(p.width_arg)
                          : g_->new_const_int(p.static_width.empty() ? 0 : std::stoll(p.static_width)));
    push(p.prec_arg >= 0 ? star_int(p.prec_arg)
                         : g_->new_const_int(p.static_prec.empty() ? 0 : std::stoll(p.static_prec)));
  }

  // The spec of a %-field with a '*' width or precision, built at run time
  // by rpython/rlib/_formatting.py from the ints the operand gives.
  template <class Item>
  Value* star_spec(const FormatPiece& p, Item item, SourcePos pos) {
    static py::handle helper =
        py::object(py::module_::import("rpython.rlib._formatting").attr("percent_spec")).release();
    bool text = p.conversion == 's' || p.conversion == 'r' || p.conversion == 'a' || p.conversion == 'c';
    bool has_width = p.width_arg >= 0 || !p.static_width.empty();
    push_width_prec(p, item, pos);
    Value* prec = pop();
    Value* width = pop();
    return emit("simple_call",
                {constant(helper), g_->new_const_str(p.spec_head), g_->new_const_bool(has_width), width,
                 g_->new_const_bool(p.has_prec), prec, g_->new_const_str(p.spec_tail), g_->new_const_bool(p.minus),
                 g_->new_const_bool(p.zero), g_->new_const_bool(text)},
                pos);
  }

  // "...".format(...), or "...".format_map(mapping) (by_mapping: every
  // field is mapping[name]).
  Value* brace_format(py::handle e, const std::string& fmtstr, SourcePos pos, bool by_mapping = false) {
    std::string err;
    std::vector<FormatPiece> pieces = parse_brace_format(fmtstr, &err);
    if (!err.empty()) error(e, err);
    size_t base = st_.stack.size();
    std::vector<std::string> kwnames;
    for (auto a : e.attr("args")) {
      if (node_type(a) == "Starred") error(a, "str.format(*args) is not supported");
      push(eval(a));
    }
    for (auto k : e.attr("keywords")) {
      if (k.attr("arg").is_none()) error(k, "str.format(**kwargs) is not supported");
      kwnames.push_back(k.attr("arg").cast<std::string>());
      push(eval(k.attr("value")));
    }
    size_t npos = py::len(e.attr("args"));
    size_t parts = st_.stack.size();
    // A field's value, its accessors applied.
    auto field_value = [&](const FormatPiece& p) {
      Value* v = nullptr;
      if (by_mapping) {
        if (p.name.empty()) error(e, "ValueError: Format string contains positional fields");
        v = emit("getitem", {st_.stack[base], g_->new_const_str(p.name)}, pos);
      } else if (p.name.empty()) {
        if (p.index >= (int)npos)
          error(e, fmt::format("Replacement index {} out of range for positional args tuple", p.index));
        v = st_.stack[base + p.index];  // re-read: an operation inside a try starts a new block
      } else {
        for (size_t k = 0; k < kwnames.size(); ++k)
          if (kwnames[k] == p.name) v = st_.stack[base + npos + k];
        if (!v) error(e, "KeyError: '" + p.name + "' (no such keyword argument to format())");
      }
      // {0.attr}, {0[1]}, {d[key]}: a key of digits is an int, any other a str, as CPython's.
      for (auto& [kind, part] : p.accessors) {
        if (kind == '.') {
          v = emit("getattr", {v, g_->new_const_str(part)}, pos);
        } else {
          bool digits = std::all_of(part.begin(), part.end(), [](char c) { return std::isdigit((unsigned char)c); });
          v = emit("getitem", {v, digits ? static_cast<Value*>(g_->new_const_int(std::stoll(part)))
                                         : static_cast<Value*>(g_->new_const_str(part))},
                   pos);
        }
      }
      return v;
    };
    for (auto& p : pieces) {
      if (p.literal) {
        push(g_->new_const_str(p.text));
        continue;
      }
      if (p.spec_pieces.empty()) {
        push(format_field(field_value(p), p, pos));
        continue;
      }
      // "{:{w}.{p}f}": the value (converted, as CPython does first), then
      // the spec built from its own fields, then format(value, spec).
      push(convert_field(field_value(p), p, pos));
      size_t spec_base = st_.stack.size();
      for (auto& sp : p.spec_pieces)
        push(sp.literal ? static_cast<Value*>(g_->new_const_str(sp.text)) : format_field(field_value(sp), sp, pos));
      Value* spec = concat_stack(spec_base, pos);
      Value* v = pop();
      push(call_builtin("format", {v, spec}, pos));
    }
    Value* r = concat_stack(parts, pos);
    st_.stack.resize(base);
    return r;
  }

  Value* eval_fstring(py::handle e, SourcePos pos) {
    size_t base = st_.stack.size();
    for (auto v : e.attr("values")) {
      if (node_type(v) == "Constant") {
        push(g_->new_const_str(v.attr("value").cast<std::string>()));
        continue;
      }
      // FormattedValue: conversion -1 (none), 's', 'r' or 'a'; a spec is
      // itself a JoinedStr (usually all constant).
      FormatPiece p;
      p.literal = false;
      int conv = v.attr("conversion").cast<int>();
      if (conv > 0) p.conversion = (char)conv;
      Value* x = eval(v.attr("value"));
      py::object spec = v.attr("format_spec");
      if (!spec.is_none()) {
        bool all_const = true;
        std::string text;
        for (auto sv : spec.attr("values")) {
          if (node_type(sv) != "Constant") all_const = false;
          else text += sv.attr("value").cast<std::string>();
        }
        if (!all_const) {
          push(x);
          Value* sp = eval_fstring(spec, pos);
          x = pop();
          push(call_builtin("format", {convert_field(x, p, pos), sp}, pos));
          continue;
        }
        p.spec = text;
      }
      push(format_field(x, p, pos));
    }
    return concat_stack(base, pos);
  }

  // Pushes a slice's start, stop and step (None for what is omitted).
  void eval_slice_bounds(py::handle sl) {
    for (const char* part : {"lower", "upper", "step"}) {
      py::object p = sl.attr(part);
      push(p.is_none() ? static_cast<Value*>(g_->new_const_none()) : eval(p));
    }
  }

  Value* eval_comprehension(py::handle e, const std::string& t, SourcePos pos) {
    static py::handle desugar = [] {
      py::dict ns;
      py::exec(kComprehensionDesugar, ns);
      return py::object(ns["desugar"]).release();
    }();
    std::string tmp = fmt::format(".comp{}", ncomprehensions_++);
    py::tuple r;
    try {
      r = desugar(e, tmp);
    } catch (py::error_already_set& err) {
      error(e, "cannot translate this comprehension: " + std::string(err.what()));
    }
    Value* container = emit(t == "DictComp" ? "newdict" : t == "SetComp" ? "newset" : "newlist", {}, pos);
    // Temporaries of the enclosing expression (a callee, earlier
    // arguments) cross the loop as hidden locals.
    std::vector<std::string> spilled;
    for (size_t i = 0; i < st_.stack.size(); ++i) {
      spilled.push_back(fmt::format("{}.stack{}", tmp, i));
      store_name(spilled.back(), st_.stack[i], pos);
      all_locals_.insert(spilled.back());
    }
    st_.stack.clear();
    store_name(tmp, container, pos);
    all_locals_.insert(tmp);
    auto renamed = r[1].cast<std::vector<std::string>>();
    all_locals_.insert(renamed.begin(), renamed.end());
    exec_stmt(r[0]);
    if (st_.dead()) return g_->new_const_none();
    for (auto& n : spilled) {
      st_.stack.push_back(st_.locals.at(n));
      st_.locals.erase(n);
      st_.where.erase(n);
    }
    Value* result = st_.locals.at(tmp);
    st_.locals.erase(tmp);
    st_.where.erase(tmp);
    for (auto& n : renamed) {
      st_.locals.erase(n);
      st_.where.erase(n);
    }
    return result;
  }

  Value* eval_compare(py::handle e) {
    SourcePos pos = pos_of(e);
    py::list ops = e.attr("ops");
    py::list comparators = e.attr("comparators");
    Value* left = eval(e.attr("left"));
    if (py::len(ops) == 1) {
      push(left);
      Value* right = eval(comparators[0]);
      left = pop();
      return emit_compare(node_type(ops[0]), left, right, pos);
    }
    // a < b < c: each comparison short-circuits, each operand is evaluated once.
    std::vector<State> done;
    size_t n = py::len(ops);
    for (size_t i = 0; i < n; ++i) {
      push(left);
      Value* right = eval(comparators[i]);
      left = pop();
      Value* c = emit_compare(node_type(ops[i]), left, right, pos);
      if (i + 1 == n) {
        push(c);
        done.push_back(st_);
        break;
      }
      push(right);
      push(c);
      auto [ts, fs] = branch(c, pos);
      if (!fs.dead()) {  // the chain's value is the first false comparison
        st_ = fs;
        Value* cv = pop();
        pop();
        push(cv);
        done.push_back(st_);
      }
      st_ = ts;
      if (st_.dead()) break;
      pop();
      left = pop();
    }
    st_ = merge(done, pos);
    return pop();
  }

  Value* emit_compare(const std::string& optype, Value* l, Value* r, SourcePos pos) {
    std::string op = kCompareOps.at(optype);
    if (op == "contains" || op == "not_contains") {
      Value* in = tuple_contains(l, r, pos);
      if (!in) in = emit("contains", {r, l}, pos);
      return op == "contains" ? in : emit("not_", {in}, pos);
    }
    return emit(op, {l, r}, pos);
  }

  // `x in (a, b, c)` with a tuple constant or a tuple display: `x == a or
  // x == b or ...` (tuples are heterogeneous: no loop can scan one).
  // nullptr for any other container.
  Value* tuple_contains(Value* l, Value* r, SourcePos pos) {
    std::vector<Value*> items;
    if (r->is_const()) {
      py::object t = static_cast<Constant*>(r)->value.obj;
      if (!t || !PyTuple_CheckExact(t.ptr())) return nullptr;
      for (auto item : py::reinterpret_borrow<py::tuple>(t)) items.push_back(constant(item));
    } else {
      SpaceOperation* def = nullptr;
      if (st_.block)
        for (auto& o : st_.block->operations)
          if (o.result == r && o.opname == "newtuple") def = &o;
      if (!def) return nullptr;
      items = def->args;
    }
    if (items.empty()) return g_->new_const_bool(false);
    // The operands ride on the stack through the branches.
    size_t base = st_.stack.size();
    push(l);
    for (Value* it : items) push(it);
    std::vector<State> done;
    for (size_t i = 0; i < items.size(); ++i) {
      Value* c = emit("eq", {st_.stack[base], st_.stack[base + 1 + i]}, pos);
      if (i + 1 == items.size()) {
        st_.stack.resize(base);
        push(c);
        done.push_back(st_);
        break;
      }
      auto [ts, fs] = branch(c, pos);
      if (!ts.dead()) {
        st_ = ts;
        st_.stack.resize(base);
        push(g_->new_const_bool(true));
        done.push_back(st_);
      }
      st_ = fs;
      if (st_.dead()) break;
    }
    st_ = merge(done, pos);
    return pop();
  }

  Value* eval_boolop(py::handle e) {
    SourcePos pos = pos_of(e);
    bool is_and = node_type(e.attr("op")) == "And";
    py::list values = e.attr("values");
    std::vector<State> done;
    size_t n = py::len(values);
    for (size_t i = 0; i < n; ++i) {
      Value* v = eval(values[i]);
      if (i + 1 == n) {
        push(v);
        done.push_back(st_);
        break;
      }
      push(v);
      auto [ts, fs] = branch(v, pos);
      // `and` stops at a false value, `or` at a true one; the value is the result.
      State& stop = is_and ? fs : ts;
      State& go = is_and ? ts : fs;
      if (!stop.dead()) done.push_back(stop);
      st_ = go;
      if (st_.dead()) break;
      pop();
    }
    st_ = merge(done, pos);
    return pop();
  }

  // `super().name`: the attribute found after the method's class in the MRO,
  // known at translation time, with `self` (the first parameter) to pass.
  py::object resolve_super(py::handle call_node, const std::string& attr) {
    auto cls_it = closure_.find("__class__");
    if (cls_it == closure_.end() || g_->argnames.empty())
      error(call_node, "super() without arguments is only supported in a method");
    py::object sup = builtins_.attr("super")(cls_it->second, cls_it->second);
    if (!py::hasattr(sup, attr.c_str()))
      error(call_node, fmt::format("super() has no attribute '{}'", attr));
    return sup.attr(attr.c_str());
  }

  bool is_super_call(py::handle node) {
    if (node_type(node) != "Call" || py::len(node.attr("args")) || py::len(node.attr("keywords"))) return false;
    py::object fn = node.attr("func");
    if (node_type(fn) != "Name" || fn.attr("id").cast<std::string>() != "super") return false;
    return !st_.locals.count("super") && !globals_.contains("super");
  }

  // Calls of __init__ of object or of a built-in exception class, through
  // super() or Base.__init__(self, ...): nothing to do, or set str(e).
  Value* builtin_init_call(py::handle fobj, std::vector<Value*> args, SourcePos pos) {
    if (fobj.is(builtins_.attr("object").attr("__init__"))) return g_->new_const_none();
    return emit("exception_init", std::move(args), pos);
  }

  static bool is_builtin_init(py::handle fobj, py::handle builtins) {
    if (fobj.is(builtins.attr("object").attr("__init__"))) return true;
    if (!py::hasattr(fobj, "__objclass__") || !py::hasattr(fobj, "__name__")) return false;
    py::object owner = fobj.attr("__objclass__");
    return PyType_Check(owner.ptr()) &&
           PyType_IsSubtype((PyTypeObject*)owner.ptr(), (PyTypeObject*)PyExc_BaseException) &&
           fobj.attr("__name__").cast<std::string>() == "__init__";
  }

  // syslib: print(..., file=F) for a file object F is what CPython does:
  // F.write(str(arg)) for each argument, F.write(sep) between them, then
  // F.write(end). nullptr when there is no file= or it is None, sys.stdout
  // or sys.stderr (print itself handles those).
  Value* print_to_file(py::handle e, const std::vector<Value*>& args, const std::vector<std::string>& kwnames,
                       SourcePos pos) {
    size_t npos = args.size() - kwnames.size();
    Value* file = nullptr;
    Value* sep = g_->new_const_str(" ");
    Value* end = g_->new_const_str("\n");
    for (size_t i = 0; i < kwnames.size(); ++i) {
      Value* v = args[npos + i];
      bool none = v->is_const() && static_cast<Constant*>(v)->value.kind == ConstValue::None;
      if (kwnames[i] == "file") file = none ? nullptr : v;
      else if (kwnames[i] == "sep" && !none) sep = v;
      else if (kwnames[i] == "end" && !none) end = v;
      else if (kwnames[i] != "sep" && kwnames[i] != "end" && kwnames[i] != "flush")
        error(e, "print() keyword '" + kwnames[i] + "' is not supported (only sep=, end=, file= and flush=)");
    }
    if (!file) return nullptr;
    if (file->is_const() && is_std_stream(static_cast<Constant*>(file)->value.obj)) return nullptr;
    // Values live across the writes (which may end a block inside a try)
    // travel on the stack.
    size_t base = st_.stack.size();
    push(file);
    push(sep);
    push(end);
    for (size_t i = 0; i < npos; ++i) push(args[i]);
    auto write = [&](Value* s) {
      Value* w = emit("getattr", {st_.stack[base], g_->new_const_str("write")}, pos);
      emit("simple_call", {w, s}, pos);
    };
    for (size_t i = 0; i < npos; ++i) {
      if (i) write(st_.stack[base + 1]);
      write(emit("simple_call", {constant(builtins_.attr("str")), st_.stack[base + 3 + i]}, pos));
    }
    write(st_.stack[base + 2]);
    st_.stack.resize(base);
    return g_->new_const_none();
  }

  Value* eval_call(py::handle e) {
    SourcePos pos = pos_of(e);
    py::object fnode = e.attr("func");
    if (node_type(fnode) == "Attribute" && fnode.attr("attr").cast<std::string>() == "format" &&
        node_type(fnode.attr("value")) == "Constant" && py::isinstance<py::str>(fnode.attr("value").attr("value")))
      return brace_format(e, fnode.attr("value").attr("value").cast<std::string>(), pos);
    if (node_type(fnode) == "Attribute" && fnode.attr("attr").cast<std::string>() == "format_map" &&
        node_type(fnode.attr("value")) == "Constant" && py::isinstance<py::str>(fnode.attr("value").attr("value"))) {
      if (py::len(e.attr("args")) != 1 || py::len(e.attr("keywords")) != 0)
        error(e, fmt::format("format_map() takes exactly one argument ({} given)",
                             py::len(e.attr("args")) + py::len(e.attr("keywords"))));
      return brace_format(e, fnode.attr("value").attr("value").cast<std::string>(), pos, true);
    }
    Value* f;
    Value* implicit_self = nullptr;
    if (node_type(fnode) == "Attribute" && is_super_call(fnode.attr("value"))) {
      f = constant(resolve_super(fnode.attr("value"), fnode.attr("attr").cast<std::string>()));
      implicit_self = st_.locals.at(g_->argnames[0]);
    } else {
      f = eval(fnode);
    }
    py::object fobj;
    if (f->is_const()) fobj = static_cast<Constant*>(f)->value.obj;
    if (fobj) check_forbidden_call(e, fobj);
    push(f);
    size_t base = st_.stack.size();
    if (implicit_self) push(implicit_self);
    for (auto a : e.attr("args")) {
      if (node_type(a) == "Starred") error(a, "calls with *args are not supported");
      push(eval(a));
    }
    std::vector<std::string> kwnames;
    for (auto kw : e.attr("keywords")) {
      if (kw.attr("arg").is_none()) error(kw, "calls with **kwargs are not supported");
      kwnames.push_back(kw.attr("arg").cast<std::string>());
      push(eval(kw.attr("value")));
    }
    std::vector<Value*> args(st_.stack.begin() + base, st_.stack.end());
    st_.stack.resize(base);
    f = pop();
    if (fobj && kwnames.empty() && is_builtin_init(fobj, builtins_)) return builtin_init_call(fobj, args, pos);
    if (fobj && fobj.is(builtins_.attr("print")))
      if (Value* v = print_to_file(e, args, kwnames, pos)) return v;
    if (fobj && fobj.is(syslib_substitute(builtins_.attr("open")))) check_open_mode(e, args, kwnames);
    if (fobj && (fobj.is(builtins_.attr("getattr")) || fobj.is(builtins_.attr("setattr")))) {
      // getattr(x, NAME) with a name known at translation time (e.g. built
      // from an unrolling_iterable item) is an attribute access.
      bool is_get = fobj.is(builtins_.attr("getattr"));
      size_t want = is_get ? 2 : 3;
      if (!kwnames.empty() || args.size() != want || !args[1]->is_const() ||
          static_cast<Constant*>(args[1])->value.kind != ConstValue::Str)
        error(e, std::string(is_get ? "getattr" : "setattr") +
                     "() is only RPython with a constant attribute name (use unrolling_iterable to make it one) "
                     "and no default");
      std::string attr = static_cast<Constant*>(args[1])->value.s;
      if (is_get && args[0]->is_const()) {
        py::object o = static_cast<Constant*>(args[0])->value.obj;
        if (o && (py::isinstance<py::module_>(o) || PyType_Check(o.ptr())) && py::hasattr(o, attr.c_str()))
          return constant(o.attr(attr.c_str()));
      }
      if (is_get) return emit("getattr", {args[0], g_->new_const_str(attr)}, pos);
      return emit("setattr", {args[0], g_->new_const_str(attr), args[2]}, pos);
    }
    // pow(x, y) is x ** y (folded on constants, typed as the operator).
    if (fobj && kwnames.empty() && args.size() == 2 && fobj.is(builtins_.attr("pow"))) return emit("pow", args, pos);
    if (fobj && fobj.is(builtins_.attr("type"))) {
      if (!kwnames.empty() || args.size() != 1)
        error(e, "type() with other than one argument creates a class at run time: not RPython");
      return emit("type_of", args, pos);
    }
    if (fobj && kwnames.empty() && args.empty() && fobj.is(builtins_.attr("dict"))) return emit("newdict", {}, pos);
    if (fobj && kwnames.empty() && args.empty() && fobj.is(builtins_.attr("set"))) return emit("newset", {}, pos);
    if (fobj) {
      if (Value* v = special_call(e, fobj, args, kwnames, pos)) return v;
    }
    if (fobj) {
      // rpython.rlib.objectmodel.we_are_translated() is True in the binary.
      if (py::hasattr(fobj, "_rpy_we_are_translated_")) return g_->new_const_bool(true);
      if (kwnames.empty() && all_const(args) && is_foldable_builtin(fobj) && all_immutable(args)) {
        py::tuple pyargs(args.size());
        for (size_t i = 0; i < args.size(); ++i) pyargs[i] = static_cast<Constant*>(args[i])->value.to_python();
        // hash() of a str (or of anything but numbers and tuples of them)
        // differs from run to run in CPython and from the binary's: the
        // binary computes it, so that it equals the hash of the same value
        // made at run time.
        bool fold = !fobj.is(builtins_.attr("hash")) || py::len(pyargs) != 1 || numeric_hash(pyargs[0]);
        if (fold) try {
          if (Value* v = fold_result(fobj(*pyargs))) return v;
        } catch (py::error_already_set&) {
        }
      }
    }
    std::vector<Value*> opargs{f};
    if (kwnames.empty()) {
      opargs.insert(opargs.end(), args.begin(), args.end());
      return emit("simple_call", opargs, pos);
    }
    py::tuple shape(kwnames.size());
    for (size_t i = 0; i < kwnames.size(); ++i) shape[i] = py::str(kwnames[i]);
    opargs.push_back(constant(shape));
    opargs.insert(opargs.end(), args.begin(), args.end());
    return emit("call_kw", opargs, pos);
  }

  // Functions of rpython.rlib the translator gives a meaning of its own,
  // recognised by their `_rpy_special_` mark. nullptr: an ordinary call.
  Value* special_call(py::handle e, py::handle fobj, const std::vector<Value*>& args,
                      const std::vector<std::string>& kwnames, SourcePos pos) {
    py::object f = py::reinterpret_borrow<py::object>(fobj);
    if (py::hasattr(f, "__func__")) f = f.attr("__func__");  // a bound method of a prebuilt JitDriver
    if (!py::hasattr(f, "_rpy_special_")) return nullptr;
    std::string kind = py::str(f.attr("_rpy_special_")).cast<std::string>();
    auto need = [&](size_t n) {
      if (args.size() - kwnames.size() < n) error(e, kind + "() needs " + std::to_string(n) + " argument(s)");
    };
    // JIT hints mean nothing without the JIT.
    static const std::set<std::string> noops = {
        "jit_merge_point", "can_enter_jit", "loop_header", "assert_green", "record_exact_class",
        "record_exact_value", "enter_portal_frame", "leave_portal_frame", "jit_debug", "keepalive_until_here",
        "set_param", "set_user_param", "make_sure_not_resized", "check_nonneg", "debug_start", "debug_stop"};
    if (noops.count(kind)) return g_->new_const_none();
    if (kind == "promote" || kind == "promote_string" || kind == "promote_unicode" || kind == "hint" ||
        kind == "record_known_result") {
      need(1);
      return args[0];
    }
    if (kind == "we_are_jitted" || kind == "isconstant" || kind == "isvirtual") return g_->new_const_bool(false);
    if (kind == "intmask") {
      need(1);
      if (args[0]->is_const()) {
        try {
          if (Value* v = fold_result(f(static_cast<Constant*>(args[0])->value.to_python()))) return v;
        } catch (py::error_already_set&) {
        }
      }
      return emit("intmask", {args[0]}, pos);
    }
    if (kind == "r_int") {
      need(1);
      if (args[0]->is_const()) {
        py::object v = static_cast<Constant*>(args[0])->value.to_python();
        if (Value* r = fold_result(py::int_(v))) return r;
      }
      return emit("intmask", {args[0]}, pos);
    }
    if (kind == "r_uint" || kind == "widen") {
      need(1);
      if (args[0]->is_const()) {
        try {
          py::object r = f(static_cast<Constant*>(args[0])->value.to_python());
          return g_->new_const(ConstValue::from_python(r));
        } catch (py::error_already_set&) {
        }
      }
      return emit(kind == "r_uint" ? "cast_uint" : "widen", {args[0]}, pos);
    }
    if (kind == "compute_hash" || kind == "compute_identity_hash") {
      need(1);
      if (kind == "compute_hash" && args[0]->is_const()) {
        try {
          if (Value* v = fold_result(f(static_cast<Constant*>(args[0])->value.to_python()))) return v;
        } catch (py::error_already_set&) {
        }
      }
      return emit(kind == "compute_hash" ? "hash" : "identity_hash", {args[0]}, pos);
    }
    if (kind == "r_dict" || kind == "r_ordereddict") {
      need(2);
      if (!kwnames.empty()) error(e, kind + "() takes its key_eq and key_hash functions as positional arguments");
      return emit("newdict", {args[0], args[1]}, pos);
    }
    if (kind == "with_undefined") {
      // syslib: after an __exit__ that suppressed an exception, what the
      // body did not assign is a marker the annotator rejects if it is
      // ever used (the path is usually proven dead: __exit__ returns None).
      static py::handle undefined = py::object(py::module_::import("rpython.rlib._with").attr("UNDEFINED")).release();
      for (auto n : static_cast<Constant*>(args[0])->value.obj) {
        std::string name = n.cast<std::string>();
        if (!st_.locals.count(name) && all_locals_.count(name) && !is_cell(name)) store_name(name, constant(undefined), pos);
      }
      return g_->new_const_none();
    }
    if (kind == "type_of") {  // syslib: type(e) in the expansion of `with`
      need(1);
      return emit("type_of", {args[0]}, pos);
    }
    if (kind == "instantiate") {
      need(1);
      return emit("instantiate", {args[0]}, pos);
    }
    if (kind == "ovfcheck") {
      // ovfcheck(a + b): the operation inside is checked, not its result.
      need(1);
      py::object arg = py::list(e.attr("args"))[0];
      std::string t = node_type(arg);
      static const std::map<std::string, std::string> ovf = {
          {"Add", "add_ovf"},         {"Sub", "sub_ovf"},      {"Mult", "mul_ovf"},
          {"LShift", "lshift_ovf"}, {"FloorDiv", "floordiv_ovf"}, {"Mod", "mod_ovf"}};
      SpaceOperation* last = st_.block && !st_.block->operations.empty() ? &st_.block->operations.back() : nullptr;
      std::string checked;
      if (t == "BinOp" && ovf.count(node_type(arg.attr("op")))) checked = ovf.at(node_type(arg.attr("op")));
      if (t == "UnaryOp" && node_type(arg.attr("op")) == "USub") checked = "neg_ovf";
      if (!checked.empty() && last && last->result == args[0]) {
        last->opname = checked;
        // Now it can raise: inside a try, the block ends here.
        if (!protects_.empty()) return split_after_raising_op(static_cast<Variable*>(args[0]), pos);
        return args[0];
      }
      // Inside a try, an operation that can raise already ended its block
      // (`a << b`: a negative count): the block after it is still empty.
      if (!checked.empty() && !last && st_.block && st_.block == last_split_.to && args[0] == last_split_.result &&
          !last_split_.from->operations.empty() &&
          last_split_.from->operations.back().opname == checked.substr(0, checked.size() - 4)) {
        last_split_.from->operations.back().opname = checked;
        return args[0];
      }
      if (args[0]->is_const()) {
        py::object v = static_cast<Constant*>(args[0])->value.to_python();
        if (PyLong_Check(v.ptr())) return args[0];  // folded already, and it fits
      }
      error(e, "ovfcheck() must directly wrap an integer +, -, *, //, % or << (or unary -)");
    }
    return nullptr;
  }

  // Only values that cannot change after import may be folded on.
  static bool all_immutable(const std::vector<Value*>& args) {
    std::function<bool(py::handle)> imm = [&](py::handle a) -> bool {
      if (a.is_none() || PyBool_Check(a.ptr()) || PyLong_Check(a.ptr()) || PyFloat_Check(a.ptr()) ||
          PyUnicode_Check(a.ptr()) || PyBytes_Check(a.ptr()))
        return true;
      if (PyTuple_Check(a.ptr())) {
        for (auto x : py::reinterpret_borrow<py::tuple>(a))
          if (!imm(x)) return false;
        return true;
      }
      return false;
    };
    for (auto* a : args)
      if (!imm(static_cast<Constant*>(a)->value.to_python())) return false;
    return true;
  }

  bool is_foldable_builtin(py::handle f) {
    for (auto& n : kFoldableBuiltins)
      if (f.is(builtins_.attr(n.c_str()))) return true;
    return false;
  }

  void check_forbidden_call(py::handle e, py::handle f) {
    for (const char* n : {"eval", "exec", "compile", "globals", "locals", "vars", "__import__", "delattr", "input",
                          "open"}) {
      if (f.is(builtins_.attr(n))) {
        std::string why = std::string(n) == "eval" || std::string(n) == "exec" || std::string(n) == "compile"
                              ? "code is fixed at translation time"
                              : "it needs a dynamic view of the program";
        if (std::string(n) == "getattr" || std::string(n) == "setattr" || std::string(n) == "delattr")
          why = "attribute names must be constants (use unrolling_iterable to make them so)";
        if (std::string(n) == "input" || std::string(n) == "open") why = "use rpython.rlib I/O instead";
        error(e, std::string(n) + "() is not RPython: " + why);
      }
    }
  }
};

}  // namespace

std::unique_ptr<FunctionGraph> build_flow_graph(py::handle func, std::vector<ExtraMethod>* extras) {
  FlowBuilder b(func, extras);
  return b.build();
}

}  // namespace rpy
