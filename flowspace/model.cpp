#include "flowspace/model.h"

#include <fmt/format.h>

#include <cmath>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "annotator/model.h"
#include "rtyper/lltype.h"

namespace rpy {

std::string SourcePos::str() const {
  if (!file) return "<unknown>";
  return fmt::format("{}:{}", file->path, line);
}

ConstValue ConstValue::from_python(py::handle h) {
  ConstValue c;
  c.obj = py::reinterpret_borrow<py::object>(h);
  if (h.is_none()) {
    c.kind = None;
  } else if (PyBool_Check(h.ptr())) {
    c.kind = Bool;
    c.b = h.ptr() == Py_True;
  } else if (PyLong_CheckExact(h.ptr())) {
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(h.ptr(), &overflow);
    if (overflow) {
      c.kind = Object;  // a big int: the annotator rejects it where it is used
    } else {
      c.kind = Int;
      c.i = v;
    }
  } else if (PyLong_Check(h.ptr()) && py::hasattr(h, "SIGNED") && py::bool_(h.attr("SIGNED")) &&
             py::hasattr(h, "BITS") && h.attr("BITS").cast<int>() == 64) {
    c.kind = Int;  // r_int: a signed machine word, like int
    c.i = PyLong_AsLongLong(h.ptr());
  } else if (PyLong_Check(h.ptr()) && py::hasattr(h, "SIGNED") && py::hasattr(h, "BITS") &&
             !py::bool_(h.attr("SIGNED")) && h.attr("BITS").cast<int>() == 64) {
    // rpython.rlib.rarithmetic.r_uint: a 64-bit unsigned machine word.
    c.kind = Int;
    c.is_unsigned = true;
    c.i = (int64_t)PyLong_AsUnsignedLongLongMask(h.ptr());
  } else if (PyFloat_CheckExact(h.ptr())) {
    c.kind = Float;
    c.f = PyFloat_AsDouble(h.ptr());
  } else if (PyUnicode_CheckExact(h.ptr())) {
    c.kind = Str;
    c.s = h.cast<std::string>();
  } else {
    c.kind = Object;
  }
  return c;
}

py::object ConstValue::to_python() const {
  if (obj) return obj;
  switch (kind) {
    case None: return py::none();
    case Bool: return py::bool_(b);
    case Int: return is_unsigned ? py::int_((uint64_t)i) : py::int_(i);
    case Float: return py::float_(f);
    case Str: return py::str(s);
    case Object: return py::none();
  }
  return py::none();
}

bool ConstValue::truth() const {
  switch (kind) {
    case None: return false;
    case Bool: return b;
    case Int: return i != 0;
    case Float: return f != 0.0;
    case Str: return !s.empty();
    case Object: return obj && py::bool_(obj);
  }
  return false;
}

std::string ConstValue::repr() const {
  switch (kind) {
    case None: return "None";
    case Bool: return b ? "True" : "False";
    case Int: return is_unsigned ? std::to_string((uint64_t)i) + "u" : std::to_string(i);
    case Float:
    case Str:
      // Python's own repr: escapes in strings, shortest round-trip floats.
      return py::repr(to_python()).cast<std::string>();
    case Object:
      if (!obj) return "<object>";
      if (PyCallable_Check(obj.ptr()) && py::hasattr(obj, "__qualname__"))
        return "<" + py::str(obj.attr("__qualname__")).cast<std::string>() + ">";
      return py::repr(obj).cast<std::string>();
  }
  return "?";
}

bool ConstValue::same(const ConstValue& o) const {
  if (kind != o.kind) return false;
  switch (kind) {
    case None: return true;
    case Bool: return b == o.b;
    case Int: return i == o.i && is_unsigned == o.is_unsigned;
    case Float: return std::memcmp(&f, &o.f, sizeof f) == 0;
    case Str: return s == o.s;
    case Object: return obj.ptr() == o.obj.ptr();
  }
  return false;
}

std::string Variable::repr() const { return fmt::format("{}_{}", name, id); }

std::string Constant::repr() const {
  if (!llrepr.empty()) return llrepr;
  return value.repr();
}

bool Block::canraise() const {
  auto* c = dynamic_cast<const Constant*>(exitswitch);
  return c && c->llrepr == "last_exception";
}

Constant* FunctionGraph::last_exception() {
  if (!last_exception_) last_exception_ = new_llconst("last_exception", Constant::Plain);
  return last_exception_;
}

Block* FunctionGraph::new_block(std::vector<Variable*> inputargs) {
  blocks_.push_back(std::make_unique<Block>());
  Block* b = blocks_.back().get();
  b->inputargs = std::move(inputargs);
  b->id = next_block_id_++;
  return b;
}

Link* FunctionGraph::new_link(Block* from, Block* to, std::vector<Value*> args) {
  links_.push_back(std::make_unique<Link>());
  Link* l = links_.back().get();
  l->prevblock = from;
  l->target = to;
  l->args = std::move(args);
  l->argpos.resize(l->args.size());
  if (from) from->exits.push_back(l);
  return l;
}

Variable* FunctionGraph::new_var(const std::string& hint) {
  auto v = std::make_unique<Variable>();
  v->name = hint;
  v->id = next_var_id_++;
  Variable* r = v.get();
  values_.push_back(std::move(v));
  return r;
}

Constant* FunctionGraph::new_const(ConstValue cv) {
  auto c = std::make_unique<Constant>();
  c->value = std::move(cv);
  Constant* r = c.get();
  values_.push_back(std::move(c));
  return r;
}

Constant* FunctionGraph::new_const_int(int64_t i) {
  ConstValue c;
  c.kind = ConstValue::Int;
  c.i = i;
  return new_const(c);
}

Constant* FunctionGraph::new_const_bool(bool b) {
  ConstValue c;
  c.kind = ConstValue::Bool;
  c.b = b;
  return new_const(c);
}

Constant* FunctionGraph::new_const_none() { return new_const(ConstValue{}); }

Constant* FunctionGraph::new_const_str(const std::string& s) {
  ConstValue c;
  c.kind = ConstValue::Str;
  c.s = s;
  return new_const(c);
}

Constant* FunctionGraph::new_llconst(const std::string& repr, Constant::LLKind kind, const void* ptr) {
  Constant* c = new_const(ConstValue{});
  c->llrepr = repr;
  c->llkind = kind;
  c->concretetype = lltypes::Void;  // names and pointers known to codegen, not run-time values
  c->llptr = ptr;
  return c;
}

std::vector<Block*> FunctionGraph::iterblocks() const {
  std::vector<Block*> order;
  std::unordered_set<Block*> seen;
  std::vector<Block*> stack{startblock};
  while (!stack.empty()) {
    Block* b = stack.back();
    stack.pop_back();
    if (!b || !seen.insert(b).second) continue;
    order.push_back(b);
    for (auto it = b->exits.rbegin(); it != b->exits.rend(); ++it) stack.push_back((*it)->target);
  }
  return order;
}

void FunctionGraph::remove_unreachable() {
  auto live = iterblocks();
  std::unordered_set<Block*> keep(live.begin(), live.end());
  keep.insert(returnblock);
  keep.insert(exceptblock);
  std::erase_if(blocks_, [&](const std::unique_ptr<Block>& b) { return !keep.count(b.get()); });
}

static std::string value_list(const std::vector<Value*>& vs) {
  std::string s;
  for (size_t i = 0; i < vs.size(); ++i) {
    if (i) s += ", ";
    s += vs[i]->repr();
  }
  return s;
}

static std::string typed(const Value* v) {
  std::string s = v->repr();
  if (v->concretetype) s += ": " + v->concretetype->name();
  else if (auto var = dynamic_cast<const Variable*>(v); var && var->annotation)
    s += ": " + var->annotation->str();
  return s;
}

std::string FunctionGraph::dump() const {
  std::string out = fmt::format("graph {}(", name);
  for (size_t i = 0; i < startblock->inputargs.size(); ++i)
    out += (i ? ", " : "") + typed(startblock->inputargs[i]);
  out += ")\n";
  auto label = [&](Block* b) -> std::string {
    if (b == returnblock) return "return";
    if (b == exceptblock) return "except";
    return fmt::format("block{}", b->id);
  };
  for (Block* b : iterblocks()) {
    if (b->is_final) continue;
    out += label(b) + "(";
    for (size_t i = 0; i < b->inputargs.size(); ++i) out += (i ? ", " : "") + typed(b->inputargs[i]);
    out += "):\n";
    for (auto& op : b->operations) {
      out += "    ";
      if (op.result) out += typed(op.result) + " = ";
      out += op.opname + "(" + value_list(op.args) + ")";
      if (op.pos.valid()) out += fmt::format("  # line {}", op.pos.line);
      out += "\n";
    }
    if (b->exitswitch) out += "    exitswitch: " + b->exitswitch->repr() + "\n";
    for (Link* l : b->exits) {
      out += "    ";
      if (l->last_exc_value) out += "except " + l->last_exc_value->repr() + ": ";
      else if (l->exitcase) out += l->exitcase->repr() + ": ";
      out += "-> " + label(l->target) + "(" + value_list(l->args) + ")\n";
    }
  }
  return out;
}

static std::string dot_escape(const std::string& s) {
  std::string r;
  for (char c : s) {
    if (c == '"' || c == '\\' || c == '{' || c == '}' || c == '<' || c == '>' || c == '|') r += '\\';
    if (c == '\n') { r += "\\l"; continue; }
    r += c;
  }
  return r;
}

std::string dump_dot(const FunctionGraph& g) {
  std::string out = fmt::format("digraph \"{}\" {{\n  node [shape=box, fontname=monospace];\n", g.name);
  auto id = [](Block* b) { return fmt::format("b{}", b->id); };
  for (Block* b : g.iterblocks()) {
    std::string text;
    if (b == g.returnblock) text = "return " + value_list({b->inputargs.begin(), b->inputargs.end()});
    else if (b == g.exceptblock) text = "raise";
    else {
      text = fmt::format("block{}(", b->id) + value_list({b->inputargs.begin(), b->inputargs.end()}) + ")\n";
      for (auto& op : b->operations)
        text += (op.result ? op.result->repr() + " = " : "") + op.opname + "(" + value_list(op.args) + ")\n";
      if (b->exitswitch) text += "exitswitch: " + b->exitswitch->repr() + "\n";
    }
    out += fmt::format("  {} [label=\"{}\"{}];\n", id(b), dot_escape(text),
                       b->is_final ? ", style=filled, fillcolor=lightgrey" : "");
    for (Link* l : b->exits) {
      std::string lab = (l->exitcase ? l->exitcase->repr() + ": " : "") + value_list(l->args);
      out += fmt::format("  {} -> {} [label=\"{}\"];\n", id(b), id(l->target), dot_escape(lab));
    }
  }
  out += "}\n";
  return out;
}

}  // namespace rpy
