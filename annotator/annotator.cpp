#include "annotator/annotator.h"

#include <fmt/format.h>
#include <pybind11/stl.h>

#include <functional>
#include <set>

#include "annotator/internal.h"
#include "rtyper/strmethods.h"

namespace rpy {

bool is_int_like(const SV& s) { return s->kind == SomeValue::Integer || s->kind == SomeValue::Bool; }
bool is_str(const SV& s) { return s->kind == SomeValue::String; }

namespace {

bool is_exception(const SV& s) {
  return s->kind == SomeValue::Instance && !s->can_be_none && s->classdef->root()->builtin_exception;
}

const std::map<std::string, std::string> kOpSymbols = {
    {"add", "+"}, {"sub", "-"}, {"mul", "*"}, {"truediv", "/"}, {"floordiv", "//"}, {"mod", "%"},
    {"pow", "**"}, {"lshift", "<<"}, {"rshift", ">>"}, {"and_", "&"}, {"or_", "|"}, {"xor", "^"},
    {"lt", "<"}, {"le", "<="}, {"gt", ">"}, {"ge", ">="}, {"eq", "=="}, {"ne", "!="}, {"matmul", "@"}};

std::string strip_inplace(const std::string& op) {
  return op.rfind("inplace_", 0) == 0 ? op.substr(8) : op;
}

// Constant result of an arithmetic op on constant ints is folded by the flow
// builder already; what reaches here is run-time arithmetic.
SV binary_arith(const std::string& op, const SV& a, const SV& b) {
  if (is_int_like(a) && is_int_like(b)) {
    bool both_bool = a->kind == SomeValue::Bool && b->kind == SomeValue::Bool;
    if (op == "truediv") return s_float();
    if (a->unsigned_ || b->unsigned_) return op == "matmul" ? nullptr : s_uint();
    if ((op == "and_" || op == "or_" || op == "xor") && both_bool) return s_bool();
    bool nn = false;
    if (op == "add" || op == "mul" || op == "floordiv" || op == "pow") nn = a->nonneg && b->nonneg;
    else if (op == "mod") nn = b->nonneg;
    else if (op == "and_") nn = a->nonneg || b->nonneg;
    else if (op == "or_" || op == "xor") nn = a->nonneg && b->nonneg;
    else if (op == "rshift") nn = a->nonneg;
    else if (op == "matmul") return nullptr;
    return s_int(nn);
  }
  if (a->is_numeric() && b->is_numeric()) {
    if (op == "add" || op == "sub" || op == "mul" || op == "truediv" || op == "floordiv" || op == "mod" ||
        op == "pow")
      return s_float();
    return nullptr;
  }
  if (is_str(a) && is_str(b) && op == "add") return s_str();
  if (op == "mul" && ((is_str(a) && is_int_like(b)) || (is_int_like(a) && is_str(b)))) return s_str();
  return nullptr;
}

}  // namespace

// Python's spelling of a type, for messages that mirror CPython's.
std::string pyname(const SV& s) {
  switch (s->kind) {
    case SomeValue::Bool: return "bool";
    case SomeValue::Integer: return "int";
    case SomeValue::Float: return "float";
    case SomeValue::None: return "NoneType";
    case SomeValue::String: return "str";
    case SomeValue::Bytes: return "bytes";
    case SomeValue::ByteArray: return "bytearray";
    case SomeValue::Tuple: return "tuple";
    case SomeValue::List: return "list";
    case SomeValue::PBC: return s->descs.empty() ? s->str() : "function";
    case SomeValue::Instance: return s->classdef ? s->classdef->name : "instance";
    case SomeValue::Dict: return s->dictdef && s->dictdef->find()->is_set ? "set" : "dict";
    default: return s->str();
  }
}


void Annotator::schedule(FunctionGraph* g, Block* b) {
  if (scheduled_.insert(b).second) pending_.push_back({g, b});
}

FuncDesc* Annotator::annotate_entry(py::handle func, const std::vector<SV>& args) {
  bk_.reflow = [this](FunctionGraph* g, Block* b) { schedule(g, b); };
  bk_.on_prebuilt_instance = [this](py::handle obj, ClassDef* cd) { see_prebuilt_instance(obj, cd); };
  ListDef::reflow_hook() = [this](const std::set<std::pair<FunctionGraph*, Block*>>& blocks) {
    for (auto [g, b] : blocks) schedule(g, b);
  };
  FuncDesc* d = bk_.get_desc(func);
  if (!d) throw TranslationError(SourcePos{}, "the entry point is not a Python function");
  FunctionGraph* g = bk_.graph_of(d);
  if (g->startblock->inputargs.size() != args.size())
    throw TranslationError(d->pos, fmt::format("the entry point '{}' must take exactly {} argument (argv)",
                                               d->name, args.size()));
  std::vector<SourcePos> where(args.size(), d->pos);
  bind_block(g, g->startblock, args, where, d->pos);
  complete();
  return d;
}

void Annotator::complete() {
  for (;;) {
    flow_pending();
    // Dict families that merged or whose key grew after their last
    // operation: their key helpers must see the final key type.
    size_t flowed = blocks_flowed_;
    std::vector<DictDef*> defs;
    for (auto& [op, def] : bk_.newdict_defs) defs.push_back(def->find());
    for (auto& [obj, def] : bk_.prebuilt_dicts) defs.push_back(def->find());
    for (DictDef* d : defs)
      if (d->origin_graph) ensure_dict_helpers(d, d->origin_graph, d->origin_block, d->origin_pos);
    if (pending_.empty() && flowed == blocks_flowed_) {
      if (sum_waiting_for_item_.empty()) break;
      for (auto& [op, where] : sum_waiting_for_item_) {
        sum_released_.insert(op);
        schedule(where.first, where.second);
      }
      sum_waiting_for_item_.clear();
    }
  }
  for (Block* b : blocked_order_) {
    auto it = blocked_.find(b);
    if (it != blocked_.end()) throw it->second;
  }
}

void Annotator::flow_pending() {
  // An error in a block may only mean its inputs are not general enough yet
  // (a loop variable still seen as None): the block waits, and the error is
  // reported only if the block is still failing at the fixpoint.
  while (!pending_.empty()) {
    auto [g, b] = pending_.front();
    pending_.pop_front();
    scheduled_.erase(b);
    try {
      flowin(g, b);
      blocked_.erase(b);
    } catch (TranslationError& e) {
      if (!blocked_.count(b)) blocked_order_.push_back(b);
      blocked_.insert_or_assign(b, attribute_to_caller(g, e));
    }
    if (progress && (++blocks_flowed_ % 256) == 0) progress(blocks_flowed_);
  }
}

namespace {
// The helpers the translator calls on the program's behalf (rlib modules
// whose name starts with an underscore): their lines mean nothing to a user.
bool is_internal_helper(const SourcePos& p) {
  if (!p.file) return false;
  const std::string& path = p.file->path;
  size_t slash = path.rfind('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  return base.size() > 1 && base[0] == '_' && path.find("rpython/rlib/") != std::string::npos;
}
}  // namespace

TranslationError Annotator::attribute_to_caller(FunctionGraph* g, TranslationError e) const {
  if (!is_internal_helper(e.pos)) return e;
  auto it = helper_origin_.find(g);
  if (it == helper_origin_.end() || !it->second.valid()) return e;
  TranslationError r(it->second, e.message);
  r.notes.push_back({e.pos, "in the library code that implements this operation"});
  for (auto& n : e.notes) r.notes.push_back(n);
  return r;
}

void Annotator::bind_block(FunctionGraph* g, Block* b, const std::vector<SV>& cells,
                           const std::vector<SourcePos>& where, SourcePos fallback) {
  bool changed = !b->annotated;
  for (size_t i = 0; i < b->inputargs.size(); ++i) {
    Variable* v = b->inputargs[i];
    SourcePos here = i < where.size() && where[i].valid() ? where[i] : fallback;
    SV cell = cells[i];
    if (b->loop_header && cell->const_ && cell->kind != SomeValue::PBC) cell = without_const(cell);
    if (!v->annotation) {
      v->annotation = cell;
      origin_[v] = here;
      continue;
    }
    SV u = union_of(v->annotation, cell);
    if (!u) {
      // Report at the later of the two places; name both types.
      SourcePos before = origin_[v];
      SV t_here = cell, t_before = v->annotation;
      if (before.valid() && here.valid() && before.line > here.line) {
        std::swap(before, here);
        std::swap(t_here, t_before);
      }
      std::string what = v->name.empty() || v->name[0] == '#' || v->name == "v" || v->name == "t"
                             ? "a value"
                             : "'" + v->name + "'";
      std::string before_str = before.file == here.file ? fmt::format("line {}", before.line) : before.str();
      TranslationError e(here, fmt::format("type conflict: {} is {} here, but {} at {} (a variable keeps one type on every path)",
                                           what, t_here->pretty(), t_before->pretty(), before_str));
      if (before.valid()) e.notes.push_back({before, fmt::format("{} gets type {} here", what, t_before->pretty())});
      throw e;
    }
    if (!contains(v->annotation, u) || !contains(u, v->annotation)) {
      v->annotation = u;
      changed = true;
    }
  }
  b->annotated = true;
  if (changed && !b->is_final) schedule(g, b);
  if (changed && b == g->returnblock) {
    // A function's return value generalized: its callers reflow.
    if (FuncDesc* d = bk_.desc_of(g))
      for (auto [cg, cb] : d->callers) schedule(cg, cb);
  }
}

void Annotator::flowin(FunctionGraph* g, Block* b) {
  cur_graph_ = g;
  cur_block_ = b;
  for (auto& op : b->operations) {
    SV r;
    try {
      r = consider_op(g, b, op);
    } catch (TranslationError& e) {
      // Errors found while annotating a constant (a prebuilt object of a
      // class that cannot be translated) know no position: the operation's.
      if (!e.pos.valid()) e.pos = op.pos;
      throw;
    }
    if (!r) {
      // Blocked: an argument (or a callee's result) has no value yet. A
      // call that has not returned yet may still raise: the exception exit
      // of a block that catches is taken regardless.
      if (b->canraise() && &op == &b->operations.back()) {
        Link* el = b->exits[1];
        el->last_exc_value->annotation = bk_.s_any_exception();
        std::vector<SV> cells;
        for (Value* a : el->args) cells.push_back(bk_.annotation(a));
        bind_block(g, el->target, cells, el->argpos, el->pos);
      }
      return;
    }
    if (op.result->annotation && !contains(r, op.result->annotation)) {
      SV u = union_of(op.result->annotation, r);
      if (!u) throw TranslationError(op.pos, "internal: operation result type changed: " + op.result->annotation->str() + " to " + r->str());
      r = u;
    }
    op.result->annotation = r;
  }
  std::optional<bool> known;
  SV sw;
  if (b->exitswitch && !b->canraise()) {
    sw = bk_.annotation(b->exitswitch);
    if (sw->kind == SomeValue::Impossible) return;
    if (sw->const_ && sw->const_->kind == ConstValue::Bool) known = sw->const_->b;
  }
  for (Link* l : b->exits) {
    if (known && l->exitcase && l->exitcase->kind == ConstValue::Bool && l->exitcase->b != *known) continue;
    // The exception exit: any exception may come out of the operation.
    if (l->last_exc_value)
      l->last_exc_value->annotation = bk_.s_any_exception();
    std::vector<SV> cells;
    for (Value* a : l->args) cells.push_back(bk_.annotation(a));
    // A bool carried to the next block keeps what it proves, about the
    // variables as they are named there (a block cut after a call that may
    // raise, inside a try, branches in its successor).
    for (size_t i = 0; i < cells.size(); ++i) {
      const SV& c = cells[i];
      if (c->kind != SomeValue::Bool || (c->known_if_true.empty() && c->known_if_false.empty())) continue;
      SomeValue moved = *c;
      for (auto* facts : {&moved.known_if_true, &moved.known_if_false}) {
        std::vector<std::pair<Variable*, SV>> renamed;
        for (auto& [var, sv] : *facts)
          for (size_t j = 0; j < l->args.size(); ++j)
            if (l->args[j] == var) renamed.push_back({l->target->inputargs[j], sv});
        *facts = std::move(renamed);
      }
      cells[i] = std::make_shared<const SomeValue>(std::move(moved));
    }
    // What the switch proves on this exit (isinstance, `is None`).
    if (sw && l->exitcase && l->exitcase->kind == ConstValue::Bool) {
      auto& facts = l->exitcase->b ? sw->known_if_true : sw->known_if_false;
      for (auto& [var, narrowed] : facts)
        for (size_t i = 0; i < l->args.size(); ++i)
          if (l->args[i] == var) cells[i] = narrowed;
    }
    bool blocked = false;
    for (auto& c : cells)
      if (c->kind == SomeValue::Impossible) blocked = true;
    if (blocked && l->target != g->returnblock) continue;
    bind_block(g, l->target, cells, l->argpos, l->pos);
  }
}

// What unpacking assignments index (besides tuples): lists, str, bytes, bytearray.
static bool is_indexable_seq(const SV& a) {
  return a->kind == SomeValue::List || a->kind == SomeValue::String || a->kind == SomeValue::Bytes ||
         a->kind == SomeValue::ByteArray;
}

SV Annotator::consider_op(FunctionGraph* g, Block* b, SpaceOperation& op) {
  std::vector<SV> args;
  for (Value* a : op.args) args.push_back(bk_.annotation(a));
  const std::string& name = op.opname;
  if (name != "simple_call" && name != "call_kw") {
    for (auto& a : args)
      if (a->kind == SomeValue::Impossible) return nullptr;
  }
  auto type_error = [&](const std::string& msg) -> SV { throw TranslationError(op.pos, msg); };
  if (SV r = consider_bytes_op(op, args)) return r;  // syslib: bytes (annotator/builtin_modules.cpp)

  // Constant arguments (a specialization's, a default's): fold with Python.
  static const std::map<std::string, const char*> foldable = {
      {"add", "add"}, {"sub", "sub"}, {"mul", "mul"}, {"floordiv", "floordiv"}, {"mod", "mod"},
      {"truediv", "truediv"}, {"and_", "and_"}, {"or_", "or_"}, {"xor", "xor"}, {"lshift", "lshift"},
      {"rshift", "rshift"}, {"lt", "lt"}, {"le", "le"}, {"eq", "eq"}, {"ne", "ne"}, {"gt", "gt"}, {"ge", "ge"},
      {"neg", "neg"}, {"pos", "pos"}, {"invert", "invert"}, {"not_", "not_"}, {"bool", "truth"}, {"is_", "is_"},
      {"is_not", "is_not"}};
  if (auto f = foldable.find(strip_inplace(name)); f != foldable.end()) {
    bool all_const = !args.empty();
    for (auto& a : args)
      if (!a->const_ || a->kind == SomeValue::PBC || a->kind == SomeValue::Tuple) all_const = false;
    if (all_const) {
      static py::handle operator_mod = py::object(py::module_::import("operator")).release();
      py::tuple pyargs(args.size());
      for (size_t i = 0; i < args.size(); ++i) pyargs[i] = args[i]->const_->to_python();
      try {
        py::object r = operator_mod.attr(f->second)(*pyargs);
        ConstValue cv = ConstValue::from_python(r);
        if (cv.kind != ConstValue::Object) return s_const(cv);
      } catch (py::error_already_set&) {
        // raises at run time: annotate as usual
      }
    }
  }
  {
    bool handled;
    SV r = consider_dict_op(g, b, op, args, &handled);
    if (handled) return r;
  }
  // The `fmt % operand` operations end with a constant True for a bytes format (PEP 461).
  auto bytes_fmt = [&](size_t i) { return args.size() > i && args[i]->const_ && args[i]->const_->truth(); };
  auto fmt_kind = [&](size_t i) { return bytes_fmt(i) ? "bytes" : "string"; };
  if (name == "fmt_arg") {  // item k of the operand of `fmt % operand` (n fields)
    int64_t k = args[1]->const_->i, n = args[2]->const_->i;
    if (args[0]->kind == SomeValue::Tuple) {
      int64_t size = (int64_t)args[0]->items.size();
      if (size < n) type_error("not enough arguments for format string");
      if (size > n) type_error(fmt::format("not all arguments converted during {} formatting", fmt_kind(3)));
      return args[0]->items[k];
    }
    if (n > 1) type_error("not enough arguments for format string");
    return args[0];
  }
  if (name == "fmt_noargs") {  // the operand of a format without fields: only () or a mapping
    const SV& a = args[0];
    if ((a->kind == SomeValue::Tuple && a->items.empty()) || a->kind == SomeValue::Dict ||
        a->kind == SomeValue::Instance)
      return s_none();
    type_error(fmt::format("not all arguments converted during {} formatting", fmt_kind(1)));
  }
  if (name == "fmt_bytes") {  // %s or %b of a bytes format: the bytes
    const SV& a = args[0];
    if (a->kind == SomeValue::Bytes || a->kind == SomeValue::ByteArray) {
      if (a->can_be_none) type_error("%b of a " + pyname(a) + " that may be None is not supported: test it against None first");
      return s_bytes();
    }
    type_error("%b requires a bytes-like object, or an object that implements __bytes__, not '" + pyname(a) + "'");
  }
  if (name == "fmt_byte") {  // %c of a bytes format: the byte, as a bytes
    const SV& a = args[0];
    if (is_int_like(a))
      return rlib_op_helper(op, "rpython.rlib._formatting", "byte_of_int", {a}, {HelperArg{0, {}}});
    if ((a->kind == SomeValue::Bytes || a->kind == SomeValue::ByteArray) && !a->can_be_none)
      return rlib_op_helper(op, "rpython.rlib._formatting", "byte_of_bytes", {a}, {HelperArg{0, {}}});
    type_error("%c requires an integer in range(256) or a single byte");
  }
  if (name == "fmt_mapping") {  // the operand of a format with %(name)s fields
    if ((args[0]->kind == SomeValue::Dict && !args[0]->dictdef->find()->is_set) || args[0]->kind == SomeValue::Instance)
      return args[0];
    type_error("format requires a mapping");
  }
  if (name == "fmt_int") {
    const std::string& conv = args[1]->const_->s;
    if (conv == "*") {  // a '*' width or precision
      if (is_int_like(args[0])) return s_int();
      type_error("* wants int");
    }
    if (args[0]->unsigned_) return s_uint();  // formatted as the unsigned value it is
    if (is_int_like(args[0]) || (conv == "d" && args[0]->kind == SomeValue::Float)) return s_int();
    type_error(conv == "d" ? "%d format: a real number is required, not " + pyname(args[0])
                           : "%" + conv + " format: an integer is required, not " + pyname(args[0]));
  }
  if (name == "fmt_float") {
    if (args[0]->is_numeric()) return s_float();
    if (bytes_fmt(1)) type_error("float argument required, not " + pyname(args[0]));
    type_error("must be real number, not " + pyname(args[0]));
  }
  if (name == "fmt_char") {
    if (is_int_like(args[0]) || (is_str(args[0]) && !args[0]->can_be_none)) return s_str();
    type_error("%c requires int or char");
  }
  {
    bool handled;
    SV r = consider_list_op(op, args, &handled);
    if (handled) return r;
  }
  std::string base = strip_inplace(name);
  if (kOpSymbols.count(base) && base != "lt" && base != "le" && base != "gt" && base != "ge" && base != "eq" &&
      base != "ne") {
    SV r = binary_arith(base, args[0], args[1]);
    if (!r && base == "mod" && args[0]->kind == SomeValue::String)  // a constant format became concatenations
      type_error("'%' formatting needs a constant format string (as in RPython): this format is computed at run "
                 "time");
    if (!r)
      type_error(fmt::format("unsupported operand type(s) for {}: '{}' and '{}'", kOpSymbols.at(base),
                             pyname(args[0]), pyname(args[1])));
    return r;
  }
  if ((name == "eq" || name == "ne") && args[0]->kind == SomeValue::Instance &&
      (has_method(args[0], "__eq__") || has_method(args[0], "__ne__"))) {
    bool blocked;
    std::string m = name == "ne" && has_method(args[0], "__ne__") ? "__ne__" : "__eq__";
    SV r = special_method(op, 0, args[0], m, {args[1]}, &blocked);
    if (blocked) return nullptr;
    return s_bool();
  }
  if ((name == "lt" || name == "le" || name == "gt" || name == "ge") && args[0]->kind == SomeValue::Instance &&
      has_method(args[0], "__" + name + "__")) {
    bool blocked;
    SV r = special_method(op, 0, args[0], "__" + name + "__", {args[1]}, &blocked);
    if (blocked) return nullptr;
    return s_bool();
  }
  if (name == "lt" || name == "le" || name == "gt" || name == "ge" || name == "eq" || name == "ne") {
    const SV &a = args[0], &c = args[1];
    if (a->is_numeric() && c->is_numeric()) return s_bool();
    if (is_str(a) && is_str(c)) return s_bool();
    if (name == "eq" || name == "ne") {
      if (a->kind == SomeValue::None || c->kind == SomeValue::None) return s_bool();
      // Without __eq__, == is identity (object.__eq__).
      if (a->kind == SomeValue::Instance && c->kind == SomeValue::Instance) return s_bool();
      if (a->kind == SomeValue::Tuple && c->kind == SomeValue::Tuple && a->items.size() == c->items.size())
        return s_bool();
    }
    // Tuples order lexicographically; their items must be numbers, str,
    // bytes or tuples of these (compared without user code, all at once).
    std::function<bool(const SV&, const SV&)> orderable = [&](const SV& x, const SV& y) {
      if (x->is_numeric() && y->is_numeric()) return true;
      if ((is_str(x) && is_str(y)) || (x->kind == SomeValue::Bytes && y->kind == SomeValue::Bytes))
        return !x->can_be_none && !y->can_be_none;
      if (x->kind == SomeValue::Tuple && y->kind == SomeValue::Tuple && x->items.size() == y->items.size()) {
        for (size_t i = 0; i < x->items.size(); ++i)
          if (!orderable(x->items[i], y->items[i])) return false;
        return true;
      }
      return false;
    };
    if (a->kind == SomeValue::Tuple && orderable(a, c)) return s_bool();
    if (a->kind == SomeValue::Tuple && c->kind == SomeValue::Tuple)
      type_error(fmt::format("'{}' not supported between instances of 'tuple' and 'tuple' ({} and {}: tuples order "
                             "only when their items are numbers, str, bytes or such tuples)",
                             kOpSymbols.at(name), a->pretty(), c->pretty()));
    type_error(fmt::format("'{}' not supported between instances of '{}' and '{}'", kOpSymbols.at(name),
                           pyname(a), pyname(c)));
  }
  if (name == "is_" || name == "is_not") {
    SomeValue r = *s_bool();
    // `x is None` / `x is not None` tell which exit x may be None on.
    for (int side = 0; side < 2; ++side) {
      Value* other = op.args[1 - side];
      if (args[side]->kind == SomeValue::None && !other->is_const() && args[1 - side]->can_be_none) {
        SomeValue nonnull = *args[1 - side];
        nonnull.can_be_none = false;
        auto& when_none = name == "is_" ? r.known_if_true : r.known_if_false;
        auto& when_not = name == "is_" ? r.known_if_false : r.known_if_true;
        when_none.push_back({static_cast<Variable*>(other), s_none()});
        when_not.push_back({static_cast<Variable*>(other), std::make_shared<const SomeValue>(nonnull)});
      }
    }
    if (args[0]->kind == SomeValue::None && args[1]->kind == SomeValue::None) return s_bool(name == "is_");
    // A function (or other prebuilt constant) is never None, nor is a value
    // that cannot be: the test is a constant, and the branch the value is
    // not of its type for (`if key is None: k = x else: k = key(x)` in a
    // helper given a key function) is never annotated.
    for (int side = 0; side < 2; ++side)
      if (args[side]->kind == SomeValue::None && args[1 - side]->kind != SomeValue::None &&
          !args[1 - side]->can_be_none)
        return s_bool(name == "is_not");
    return std::make_shared<const SomeValue>(std::move(r));
  }
  if (name == "bool" || name == "not_") {
    const SV& a = args[0];
    if (a->kind == SomeValue::PBC && a->descs.empty() && !a->const_ && a->method_name.empty())
      type_error("truth value of " + a->str() + " is not supported");
    if (a->kind == SomeValue::None) return s_bool(name == "not_");
    if (a->kind == SomeValue::Instance && !a->can_be_none &&
        (has_method(a, "__bool__") || has_method(a, "__len__"))) {
      bool blocked;
      special_method(op, 0, a, has_method(a, "__bool__") ? "__bool__" : "__len__", {}, &blocked);
      if (blocked) return nullptr;
      return s_bool();
    }
    if (a->kind == SomeValue::Instance && !a->can_be_none) return s_bool(name == "bool");
    SomeValue r = *s_bool();
    if (a->kind == SomeValue::Bool) {
      r.known_if_true = a->known_if_true;
      r.known_if_false = a->known_if_false;
    }
    // A true instance, or a true str/bytes/bytearray that may be None, is not None.
    if ((a->kind == SomeValue::Instance ||
         ((a->kind == SomeValue::String || a->kind == SomeValue::Bytes || a->kind == SomeValue::ByteArray) &&
          a->can_be_none)) &&
        !op.args[0]->is_const()) {
      SomeValue nonnull = *a;
      nonnull.can_be_none = false;
      r.known_if_true.push_back({static_cast<Variable*>(op.args[0]), std::make_shared<const SomeValue>(nonnull)});
    }
    if (name == "not_") std::swap(r.known_if_true, r.known_if_false);
    return std::make_shared<const SomeValue>(std::move(r));
  }
  if (name == "neg" || name == "pos" || name == "invert") {
    const SV& a = args[0];
    if (a->unsigned_) return s_uint();
    if (is_int_like(a)) return s_int(name == "pos" && a->nonneg);
    if (a->kind == SomeValue::Float && name != "invert") return s_float();
    type_error(fmt::format("bad operand type for unary {}: '{}'",
                           name == "neg" ? "-" : name == "pos" ? "+" : "~", pyname(a)));
  }
  if (name == "newtuple") {
    std::vector<SV> items;
    for (auto& a : args) items.push_back(without_const(a));
    return s_tuple(items);
  }
  if (name == "unpack_check") {
    const SV& a = args[0];
    int64_t n = static_cast<Constant*>(op.args[1])->value.i;
    if (a->kind == SomeValue::Tuple) {
      if ((int64_t)a->items.size() != n)
        type_error(fmt::format("cannot unpack a tuple of {} items into {} targets", a->items.size(), n));
      return s_none();
    }
    // a, b = seq (a list, str, bytes or bytearray): its length is checked at
    // run time by rpython/rlib/_listops.py (ValueError as CPython's), then
    // the targets index seq.
    if (!is_indexable_seq(a))
      type_error("cannot unpack a value of type " + pyname(a) + " (tuples, lists, str and bytes are supported)");
    if (a->can_be_none) type_error(fmt::format("this {} may be None here: check it with 'is not None' first", pyname(a)));
    return rlib_op_helper(op, "rpython.rlib._listops", "unpack_check", args, {HelperArg{0, {}}, HelperArg{1, {}}});
  }
  if (name == "unpack_star") {
    // a, *mid, b = seq: rpython/rlib/_listops.py checks the length and
    // builds mid; the other targets index seq.
    const SV& a = args[0];
    if (a->kind == SomeValue::Tuple)
      type_error("starred assignment from a tuple is not supported (a tuple's items may differ in type): use a list");
    if (!is_indexable_seq(a)) type_error("cannot unpack a value of type " + pyname(a) + " into a starred assignment");
    if (a->can_be_none) type_error(fmt::format("this {} may be None here: check it with 'is not None' first", pyname(a)));
    return rlib_op_helper(op, "rpython.rlib._listops", "unpack_star", args,
                          {HelperArg{0, {}}, HelperArg{1, {}}, HelperArg{2, {}}});
  }
  if ((name == "getitem" || name == "setitem" || name == "delitem" || name == "contains") &&
      args[0]->kind == SomeValue::Instance) {
    static const std::map<std::string, std::string> dunder = {{"getitem", "__getitem__"},
                                                              {"setitem", "__setitem__"},
                                                              {"delitem", "__delitem__"},
                                                              {"contains", "__contains__"}};
    bool blocked;
    std::vector<SV> rest(args.begin() + 1, args.end());
    SV r = special_method(op, 0, args[0], dunder.at(name), rest, &blocked);
    if (blocked) return nullptr;
    if (!r) type_error(fmt::format("'{}' object does not support {} (no {} method)", pyname(args[0]),
                                   name == "getitem"   ? "indexing"
                                   : name == "setitem" ? "item assignment"
                                   : name == "delitem" ? "item deletion"
                                                       : "'in'",
                                   dunder.at(name)));
    if (name == "contains") return s_bool();
    return name == "setitem" || name == "delitem" ? s_none() : r;
  }
  if (name == "newlist") {
    auto& def = bk_.newlist_defs[&op];
    if (!def) {
      def = std::make_shared<ListDef>();
      def->item = s_impossible();
    }
    for (auto& a : args)
      if (!def->generalize(a))
        type_error(fmt::format("a list holds items of one type: {} and {}", def->find()->item->pretty(), a->pretty()));
    return s_list(def);
  }
  if (args[0]->kind == SomeValue::List && (name == "getitem" || name == "setitem")) {
    ListDef* d = args[0]->listdef->find();
    if (!is_int_like(args[1])) type_error("list indices must be integers, not " + pyname(args[1]));
    if (name == "setitem") {
      if (!d->generalize(args[2]))
        type_error(fmt::format("a list holds items of one type: {} and {}", d->item->pretty(), args[2]->pretty()));
      d->find()->mutated = true;
      return s_none();
    }
    d->readers.insert({g, b});
    if (d->item->kind == SomeValue::Impossible) return nullptr;
    return d->item;
  }
  if (name == "getattr" && args[0]->kind == SomeValue::List) {
    const std::string& m = static_cast<Constant*>(op.args[1])->value.s;
    static const std::set<std::string> methods = {"append", "pop",   "insert", "reverse", "extend", "remove",
                                                  "index",  "count", "sort",   "copy",    "clear"};
    if (!methods.count(m)) type_error(fmt::format("'list' object has no attribute '{}' (or it is not supported yet)", m));
    SomeValue v;
    v.kind = SomeValue::PBC;
    v.method_name = m;
    v.bound_self = args[0];
    return std::make_shared<const SomeValue>(std::move(v));
  }
  if (name == "getslice" && args[0]->kind == SomeValue::Tuple) {
    // The result's item types depend on which items are taken.
    std::vector<size_t> idx;
    std::string err;
    if (!const_slice_indexes(args[1], args[2], args[3], args[0]->items.size(), &idx, &err)) {
      if (!err.empty()) type_error(err);
      type_error("slicing a tuple needs constant bounds (the items of the result, and so its type, depend on them)");
    }
    std::vector<SV> items;
    for (size_t i : idx) items.push_back(args[0]->items[i]);
    return s_tuple(std::move(items));
  }
  if (name == "getslice") {
    if (!is_str(args[0])) type_error(fmt::format("slicing a '{}' is not supported yet", pyname(args[0])));
    for (size_t k = 1; k < 4; ++k)
      if (!is_int_like(args[k]) && args[k]->kind != SomeValue::None)
        type_error("slice indices must be integers or None, not " + pyname(args[k]));
    return s_str();
  }
  if (name == "contains" && is_str(args[0])) {
    if (!is_str(args[1])) type_error("'in <string>' requires string as left operand, not " + pyname(args[1]));
    return s_bool();
  }
  if (name == "getattr" && (is_int_like(args[0]) || args[0]->kind == SomeValue::Float)) {
    // int.bit_length(), float.is_integer() & co.: helpers of rpython/rlib/_mathx.py (consider_call).
    const std::string& m = static_cast<Constant*>(op.args[1])->value.s;
    bool known = args[0]->kind == SomeValue::Float ? (m == "is_integer" || m == "hex" || m == "as_integer_ratio")
                                                   : m == "bit_length";
    if (!known)
      type_error(fmt::format("'{}' object has no attribute '{}' (or it is not supported yet)", pyname(args[0]), m));
    if (args[0]->unsigned_) type_error(m + "() of an r_uint is not supported: convert it with intmask() first");
    SomeValue v;
    v.kind = SomeValue::PBC;
    v.method_name = m;
    v.bound_self = args[0]->kind == SomeValue::Float ? s_float() : s_int();  // one type per method: they union
    return std::make_shared<const SomeValue>(std::move(v));
  }
  if (name == "getattr" && is_str(args[0])) {
    const std::string& m = static_cast<Constant*>(op.args[1])->value.s;
    if (!str_method(m) && !is_str_helper_method(m))
      type_error(fmt::format("'str' object has no attribute '{}' (or it is not supported yet)", m));
    SomeValue v;
    v.kind = SomeValue::PBC;
    v.method_name = m;
    v.bound_self = without_const(args[0]);
    return std::make_shared<const SomeValue>(std::move(v));
  }
  if (name == "getitem" && is_str(args[0])) {
    if (!is_int_like(args[1])) type_error("string indices must be integers, not " + pyname(args[1]));
    return s_str();
  }
  if (name == "getitem") {
    const SV &a = args[0], &i = args[1];
    if (a->kind == SomeValue::Tuple) {
      if (!i->const_ || i->const_->kind != ConstValue::Int)
        type_error("tuple index must be a constant integer");
      int64_t k = i->const_->i;
      if (k < 0) k += (int64_t)a->items.size();
      if (k < 0 || k >= (int64_t)a->items.size()) type_error("tuple index out of range");
      return a->items[k];
    }
    if (a->kind == SomeValue::List) {
      if (!is_int_like(i)) type_error("list indices must be integers, not " + pyname(i));
      return a->listdef->find()->item;
    }
    type_error(fmt::format("'{}' object is not subscriptable here (supported yet: tuples, lists)", pyname(a)));
  }
  if (name == "int_check") {
    if (!is_int_like(args[0]))
      type_error(fmt::format("'{}' object cannot be interpreted as an integer", pyname(args[0])));
    return s_none();
  }
  if (name == "range_check_step") return s_none();
  if (name == "add_ovf" || name == "sub_ovf" || name == "mul_ovf" || name == "lshift_ovf" || name == "neg_ovf" ||
      name == "floordiv_ovf" || name == "mod_ovf") {
    for (auto& a : args)
      if (!is_int_like(a)) type_error("ovfcheck() of a " + pyname(a) + " operation: only int operations can overflow");
    return s_int();
  }
  if (name == "hash" || name == "identity_hash") {
    const SV& a = args[0];
    bool ok = a->is_numeric() || is_str(a) || a->kind == SomeValue::None || a->kind == SomeValue::Tuple ||
              a->kind == SomeValue::Instance;
    if (!ok || (name == "identity_hash" && a->kind != SomeValue::Instance))
      type_error(fmt::format("{}() of a {} is not supported", name == "hash" ? "compute_hash" : "compute_identity_hash",
                             pyname(a)));
    if (a->kind == SomeValue::Tuple)
      for (auto& it : a->items)
        if (it->kind == SomeValue::Tuple || it->kind == SomeValue::Instance)
          type_error("compute_hash() of a tuple holding " + it->pretty() + " is not supported yet");
    if (name == "hash" && a->kind == SomeValue::Instance && bk_.lookup_class_attr(a->classdef, "__hash__"))
      type_error("compute_hash() of an instance with __hash__ is not supported yet");
    return s_int();
  }
  if (name == "intmask") {
    if (!is_int_like(args[0])) type_error("intmask() of a " + pyname(args[0]));
    return s_int();
  }
  if (name == "widen") {
    if (!is_int_like(args[0])) type_error("widen() of a " + pyname(args[0]));
    return args[0]->unsigned_ ? s_uint() : s_int(args[0]->nonneg);
  }
  if (name == "cast_uint") {
    if (!is_int_like(args[0])) type_error("r_uint() of a " + pyname(args[0]));
    return s_uint();
  }
  if (name == "instantiate") {
    if (!args[0]->const_ || !args[0]->const_->obj || !PyType_Check(args[0]->const_->obj.ptr()))
      type_error("instantiate() needs a class known at translation time");
    ClassDef* cd = bk_.getclassdef(args[0]->const_->obj, op.pos);
    cd->instantiated = true;
    return s_instance(cd);
  }
  if (name == "yield_") type_error("'yield' outside a generator");
  if (name == "type_of") {
    if (args[0]->kind != SomeValue::Instance) type_error("type() of a " + pyname(args[0]) + " is not supported");
    return s_class(args[0]->classdef);
  }
  if (name == "exc_match") {
    if (!args[1]->const_)
      type_error("an except clause needs a class (or tuple of classes) known at translation time");
    return isinstance(op, op.args[0], args);
  }
  if (name == "exception_init") {
    if (args[0]->kind != SomeValue::Instance || !args[0]->classdef->root()->builtin_exception)
      type_error("an exception's __init__ called on a non-exception");
    for (size_t i = 1; i < args.size(); ++i)
      if (!(args[i]->is_numeric() || args[i]->kind == SomeValue::String))
        type_error("an exception's argument must be a str or a number, not " + args[i]->pretty());
    return s_none();
  }
  if (name == "range_len") {
    for (auto& a : args)
      if (!is_int_like(a)) type_error(fmt::format("'{}' object cannot be interpreted as an integer", pyname(a)));
    return s_int(true);
  }
  if (name == "simple_call" || name == "call_kw") {
    CallShape shape;
    std::vector<SV> cargs(args.begin() + 1, args.end());
    if (name == "call_kw") {
      py::tuple kw = static_cast<Constant*>(op.args[1])->value.obj;
      for (auto k : kw) shape.kwnames.push_back(k.cast<std::string>());
      cargs.erase(cargs.begin());
    }
    shape.npositional = cargs.size() - shape.kwnames.size();
    return consider_call(g, b, op, args[0], cargs, shape);
  }
  if (name == "getattr" && args[0]->kind == SomeValue::PBC && !args[0]->frozen.empty()) {
    const std::string& attr = static_cast<Constant*>(op.args[1])->value.s;
    SV r = s_impossible();
    for (auto& o : args[0]->frozen) {
      if (!py::hasattr(o, attr.c_str())) type_error(fmt::format("{} has no attribute '{}'", py::repr(o).cast<std::string>(), attr));
      Constant tmp;
      tmp.value = ConstValue::from_python(o.attr(attr.c_str()));
      SV a = bk_.annotation(&tmp);
      SV u = union_of(r, a);
      if (!u) type_error(fmt::format("attribute '{}' has different types on the frozen objects here", attr));
      r = u;
    }
    bk_.frozen_attrs[frozen_key(args[0]->frozen)].insert(attr);
    return r;
  }
  if (name == "getattr" && args[0]->kind == SomeValue::PBC && args[0]->const_ && args[0]->const_->obj) {
    // An attribute of a frozen prebuilt object is a constant.
    py::object o = args[0]->const_->obj;
    const std::string& attr = static_cast<Constant*>(op.args[1])->value.s;
    if (!py::hasattr(o, attr.c_str()))
      type_error(fmt::format("{} has no attribute '{}'", args[0]->str(), attr));
    Constant tmp;
    tmp.value = ConstValue::from_python(o.attr(attr.c_str()));
    return bk_.annotation(&tmp);
  }
  if (name == "getattr" && args[0]->kind == SomeValue::Class) {
    // type(x).__name__: the vtable's name. Other class attributes are not
    // stored per class (class-level values live in the instances).
    const std::string& attr = static_cast<Constant*>(op.args[1])->value.s;
    if (attr != "__name__")
      type_error(fmt::format("attribute '{}' of a class known only at run time (type(x), x.__class__): only "
                             "__name__ is supported; read it through an instance instead",
                             attr));
    if (args[0]->can_be_none) type_error("__name__ of a class that may be None");
    return s_str();
  }
  if (name == "getattr" && args[0]->kind == SomeValue::Instance)
    return getattr_instance(g, b, op, args[0], static_cast<Constant*>(op.args[1])->value.s);
  if (name == "setattr") {
    if (args[0]->kind != SomeValue::Instance)
      type_error(fmt::format("cannot set attributes on a '{}' value", pyname(args[0])));
    return setattr_instance(g, op, args[0], static_cast<Constant*>(op.args[1])->value.s, args[2]);
  }
  if (name == "getattr" && args[0]->kind == SomeValue::Tuple) {  // t.count, t.index: helpers
    const std::string& m = static_cast<Constant*>(op.args[1])->value.s;
    if (m == "count" || m == "index") {
      SomeValue v;
      v.kind = SomeValue::PBC;
      v.method_name = m;
      v.bound_self = args[0];
      return std::make_shared<const SomeValue>(std::move(v));
    }
  }
  if (name == "getattr") {
    type_error(fmt::format("'{}' object has no attribute '{}' (attribute access is supported on modules and classes only yet)",
                           pyname(args[0]), static_cast<Constant*>(op.args[1])->value.s));
  }
  return type_error("operation '" + name + "' is not supported yet");
}

SV Annotator::consider_call(FunctionGraph* g, Block* b, SpaceOperation& op, SV f, std::vector<SV> args,
                            const CallShape& shape) {
  if (f->kind == SomeValue::Impossible) return nullptr;
  for (auto& a : args)
    if (a->kind == SomeValue::Impossible) return nullptr;
  if (f->kind == SomeValue::WeakRef) {  // w(): the referent, or None once it was collected
    if (!shape.kwnames.empty() || !args.empty())
      throw TranslationError(op.pos, fmt::format("weakref() takes no arguments ({} given)", args.size()));
    if (f->can_be_none)
      throw TranslationError(op.pos, "calling a weakref that may be None: test it against None first");
    return s_instance(f->classdef, true);
  }
  if (f->kind == SomeValue::PBC && !f->descs.empty()) {
    CallShape sh = shape;
    bool is_method = !f->method_name.empty();
    if (is_method) sh.npositional += 1;
    SV result = s_impossible();
    bool blocked = false;
    for (FuncDesc* d : f->descs) {
      std::vector<SV> a = args;
      // A method's self is an instance of the class that defines it.
      if (is_method) a.insert(a.begin(), s_instance(d->selfclass));
      SV r = call_function(d, g, b, op, a, sh);
      if (r->kind == SomeValue::Impossible) blocked = true;
      SV u = union_of(result, r);
      if (!u) throw TranslationError(op.pos, fmt::format("the functions called here return incompatible types: {} and {}",
                                                         result->pretty(), r->pretty()));
      result = u;
    }
    if (f->descs.size() > 1) unify_family(f->descs, op);
    if (result->kind == SomeValue::Impossible || (blocked && f->descs.size() == 1)) return nullptr;
    return result;
  }
  if (f->kind == SomeValue::PBC && !f->method_name.empty() && f->bound_self && f->bound_self->is_numeric()) {
    const std::string& m = f->method_name;
    std::string owner = f->bound_self->kind == SomeValue::Float ? "float" : "int";
    if (!args.empty() || !shape.kwnames.empty())
      throw TranslationError(op.pos, fmt::format("{}.{}() takes no arguments ({} given)", owner, m, args.size()));
    std::string helper = owner + "_" + m;  // int_bit_length, float_hex, ...
    return rlib_op_helper(op, "rpython.rlib._mathx", helper.c_str(), {f->bound_self}, {HelperArg{0, {}}});
  }
  if (f->kind == SomeValue::PBC && !f->method_name.empty() && f->bound_self && is_str(f->bound_self)) {
    const StrMethod* m = str_method(f->method_name);
    if (!shape.kwnames.empty() && (!m || m->keywords.empty()))
      throw TranslationError(op.pos, "str." + f->method_name + "() takes no keyword arguments");
    if ((f->method_name == "startswith" || f->method_name == "endswith") && !args.empty() &&
        args[0]->kind == SomeValue::Tuple && args.size() <= 3)
      return str_affix_tuple(op, f, args);
    {
      bool handled;
      SV r = consider_str_helper_method(op, g, b, f, args, &handled);
      if (handled) return r;
    }
    if (!shape.kwnames.empty()) {  // in parameter order, an omitted one as None
      std::string err;
      std::vector<int> order = str_method_arg_order(*m, shape.npositional, shape.kwnames, &err);
      if (!err.empty()) throw TranslationError(op.pos, err);
      std::vector<SV> ordered;
      for (int i : order) ordered.push_back(i >= 0 ? args[(size_t)i] : s_none());
      args = std::move(ordered);
    }
    if (args.size() < m->required || args.size() > m->params.size())
      throw TranslationError(op.pos, fmt::format("str.{}() takes {} to {} arguments ({} given)", f->method_name,
                                                 m->required, m->params.size(), args.size()));
    for (size_t i = 0; i < args.size(); ++i) {
      char k = m->params[i].first;
      if (k == 'L' && args[i]->kind == SomeValue::List && args[i]->listdef->find()->item->kind == SomeValue::Impossible) {
        // No item yet: the result is a str either way (join of an empty
        // list), so the flow goes on; the item's type is checked when one
        // arrives (the block is reflowed).
        args[i]->listdef->find()->readers.insert({g, b});
        continue;
      }
      // (join of anything but a list of str was routed to a helper above)
      bool ok = k == 'i' || k == 'B' ? is_int_like(args[i])
                : k == 'L'           ? args[i]->kind == SomeValue::List
                                     : (is_str(args[i]) || (k == 'S' && args[i]->kind == SomeValue::None));
      if (!ok)
        throw TranslationError(op.pos, fmt::format("str.{}() argument {} must be {}, not {}", f->method_name, i + 1,
                                                   k == 'i' ? "int" : "str", pyname(args[i])));
    }
    if (m->result == 'l') {  // a new list of str, its own family
      auto& def = bk_.newlist_defs[&op];
      if (!def) {
        def = std::make_shared<ListDef>();
        def->item = s_str();
      }
      return s_list(def);
    }
    return m->result == 'i' ? s_int() : m->result == 'b' ? s_bool() : s_str();
  }
  if (f->kind == SomeValue::PBC && !f->method_name.empty() && f->bound_self &&
      f->bound_self->kind == SomeValue::Dict)
    return consider_dict_method(g, b, op, f, args, shape);
  if (f->kind == SomeValue::PBC && !f->method_name.empty() && f->bound_self &&
      f->bound_self->kind == SomeValue::Tuple) {
    // t.count(x), t.index(x): rpython/rlib/_listops.py, over the items unrolled.
    const std::string& m = f->method_name;
    if (!shape.kwnames.empty() || args.size() != 1)
      throw TranslationError(op.pos, fmt::format("tuple.{}() takes exactly one argument here ({} given)", m, args.size()));
    if (f->bound_self->items.size() >= 64)
      throw TranslationError(op.pos, fmt::format("tuple.{}() of a tuple of 64 items or more is not supported", m));
    HelperArg self_arg, x_arg;
    self_arg.index = 0;
    x_arg.index = 1;
    return rlib_op_helper(op, "rpython.rlib._listops", m == "count" ? "tuple_count" : "tuple_index",
                          {f->bound_self, args[0]}, {self_arg, x_arg});
  }
  if (f->kind == SomeValue::PBC && !f->method_name.empty() && f->bound_self &&
      f->bound_self->kind == SomeValue::List) {
    {
      bool handled;
      SV r = consider_list_method(op, f->bound_self, f->method_name, args, shape, &handled);
      if (handled) return r;
    }
    ListDef* d = f->bound_self->listdef->find();
    const std::string& m = f->method_name;
    auto arity = [&](size_t lo, size_t hi) {
      if (!shape.kwnames.empty() || args.size() < lo || args.size() > hi)
        throw TranslationError(op.pos, fmt::format("list.{}() takes {} argument(s) ({} given)", m, lo, args.size()));
    };
    // The primitives (rtyper/rlist.cpp): append and pop(); the other
    // methods are helpers (consider_list_method).
    d->resized = true;
    if (m == "append") {
      arity(1, 1);
      if (!d->generalize(args.back()))
        throw TranslationError(op.pos, fmt::format("a list holds items of one type: {} and {}", d->find()->item->pretty(),
                                                   args.back()->pretty()));
      return s_none();
    }
    arity(0, 1);  // pop
    d->readers.insert({g, b});
    if (d->find()->item->kind == SomeValue::Impossible) return nullptr;
    return d->find()->item;
  }
  if (f->kind == SomeValue::Class) {
    // A class chosen at run time: through its constructor for this shape.
    SV result = s_impossible();
    std::vector<FuncDesc*> ctors;
    for (ClassDef* cd : f->classdefs) {
      FuncDesc* d = bk_.constructor(cd, shape);
      ctors.push_back(d);
      SV r = call_function(d, g, b, op, args, CallShape{args.size(), {}});
      result = union_of(result, r);
      if (!result) throw TranslationError(op.pos, "the classes called here have unrelated instances");
    }
    unify_family(ctors, op);
    if (result->kind == SomeValue::Impossible) return nullptr;
    return result;
  }
  if (f->kind == SomeValue::Instance && has_method(f, "__call__")) {
    // A closure object (or any instance with __call__).
    SV m = getattr_instance(g, b, op, f, "__call__");
    bk_.special_calls[{&op, 0}] = m;
    return consider_call(g, b, op, m, args, shape);
  }
  if (f->kind == SomeValue::PBC && f->const_ && f->const_->obj) {
    py::object obj = f->const_->obj;
    std::string bn = builtin_name(obj);
    if (!bn.empty()) return consider_builtin(bn, op, args, shape);
    if (PyType_Check(obj.ptr())) return instantiate(g, b, op, obj, args, shape);
    if (PyCallable_Check(obj.ptr()))
      throw TranslationError(op.pos, "calling " + f->str() + " is not supported: it is not an RPython function");
  }
  throw TranslationError(op.pos, fmt::format("'{}' object is not callable", pyname(f)));
}

void Annotator::unify_family(const std::vector<FuncDesc*>& descs, SpaceOperation& op) {
  size_t nparams = descs[0]->graph->startblock->inputargs.size();
  for (FuncDesc* d : descs)
    if (d->graph->startblock->inputargs.size() != nparams)
      throw TranslationError(op.pos, fmt::format("the functions called here take different numbers of arguments ({} and {})",
                                                 descs[0]->name, d->name));
  bool is_method = descs[0]->selfclass != nullptr;
  std::vector<SV> params(nparams, s_impossible());
  SV ret = s_impossible();
  for (FuncDesc* d : descs) {
    for (size_t i = is_method ? 1 : 0; i < nparams; ++i) {
      SV u = union_of(params[i], bk_.annotation(d->graph->startblock->inputargs[i]));
      if (!u) throw TranslationError(op.pos, fmt::format("argument {} of the functions called here has incompatible types", i));
      params[i] = u;
    }
    SV u = union_of(ret, bk_.annotation(d->graph->returnblock->inputargs[0]));
    if (!u) throw TranslationError(op.pos, "the functions called here return incompatible types");
    ret = u;
  }
  for (FuncDesc* d : descs) {
    std::vector<SV> cells;
    for (size_t i = 0; i < nparams; ++i)
      cells.push_back(is_method && i == 0 ? bk_.annotation(d->graph->startblock->inputargs[0]) : params[i]);
    bool blocked = false;
    for (auto& c : cells)
      if (c->kind == SomeValue::Impossible) blocked = true;
    if (!blocked) bind_block(d->graph, d->graph->startblock, cells, {}, op.pos);
    if (ret->kind != SomeValue::Impossible) bind_block(d->graph, d->graph->returnblock, {ret}, {}, op.pos);
  }
}

SV Annotator::instantiate(FunctionGraph* g, Block* b, SpaceOperation& op, py::handle cls,
                          const std::vector<SV>& args, const CallShape& shape) {
  ClassDef* cd = bk_.getclassdef(cls, op.pos);
  cd->instantiated = true;
  SV inst = s_instance(cd);
  if (cd->builtin_exception || (cd->root()->builtin_exception && !bk_.lookup_class_attr(cd, "__init__"))) {
    // BaseException(...) keeps its arguments for str(e): one printable value.
    if (args.size() > 1 || !shape.kwnames.empty())
      throw TranslationError(op.pos, "exceptions are created with at most one argument (its message)");
    if (args.size() == 1 && !(args[0]->is_numeric() || args[0]->kind == SomeValue::String))
      throw TranslationError(op.pos, "an exception's argument must be a str or a number, not " + args[0]->pretty());
    return inst;
  }
  if (FuncDesc* del = bk_.method_impl(cd, "__del__")) {
    // Called by the GC with the instance; its result is ignored.
    SV r = call_function(del, g, b, op, {s_instance(del->selfclass)}, CallShape{1, {}});
    (void)r;
  }
  FuncDesc* init = bk_.method_impl(cd, "__init__");
  if (!init) {
    if (!args.empty())
      throw TranslationError(op.pos, cd->name + "() takes no arguments (the class has no __init__)");
    return inst;
  }
  std::vector<SV> a = args;
  a.insert(a.begin(), s_instance(init->selfclass));
  CallShape sh = shape;
  sh.npositional += 1;
  SV r = call_function(init, g, b, op, a, sh);
  if (r->kind == SomeValue::Impossible) return nullptr;
  return inst;
}

Attribute& Annotator::attribute(ClassDef* cd, const std::string& name) {
  if (ClassDef* owner = cd->attr_owner(name)) return owner->attrs[name];
  // New on cd: subclasses that already have it give it up to cd.
  Attribute merged;
  merged.s_value = s_impossible();
  for (ClassDef* sub : cd->subtree()) {
    if (sub == cd) continue;
    auto it = sub->attrs.find(name);
    if (it == sub->attrs.end()) continue;
    SV u = union_of(merged.s_value, it->second.s_value);
    if (!u)
      throw TranslationError(it->second.first_read, fmt::format("attribute '{}' has type {} in {} and {} elsewhere",
                                                                 name, it->second.s_value->pretty(), sub->name,
                                                                 merged.s_value->pretty()));
    merged.s_value = u;
    merged.readers.insert(it->second.readers.begin(), it->second.readers.end());
    merged.assigned |= it->second.assigned;
    merged.class_default |= it->second.class_default;
    if (!merged.first_read.valid()) merged.first_read = it->second.first_read;
    sub->attrs.erase(it);
  }
  for (auto [rg, rb] : merged.readers) schedule(rg, rb);
  return cd->attrs[name] = merged;
}

SV Annotator::getattr_instance(FunctionGraph* g, Block* b, SpaceOperation& op, const SV& obj,
                               const std::string& name) {
  ClassDef* cd = obj->classdef;
  cd->lookups.insert({g, b});
  py::object clsattr = bk_.lookup_class_attr(cd, name);
  if (!clsattr) {
    // A method only the subclasses define is called through the base (as
    // RPython demotes it): each class's slot holds its own, if any.
    for (ClassDef* c : cd->subtree()) {
      py::object a = bk_.lookup_class_attr(c, name);
      if (a && PyFunction_Check(a.ptr())) {
        clsattr = a;
        break;
      }
    }
  }
  if (clsattr && PyFunction_Check(clsattr.ptr())) {
    SomeValue m;
    m.kind = SomeValue::PBC;
    m.method_name = name;
    m.classdef = cd;
    SomeValue self = *obj;
    self.can_be_none = false;
    m.bound_self = std::make_shared<const SomeValue>(self);
    for (ClassDef* c : cd->subtree())
      if (FuncDesc* d = bk_.method_impl(c, name))
        if (std::find(m.descs.begin(), m.descs.end(), d) == m.descs.end()) m.descs.push_back(d);
    std::sort(m.descs.begin(), m.descs.end());
    return std::make_shared<const SomeValue>(std::move(m));
  }
  if (clsattr && (PyObject_TypeCheck(clsattr.ptr(), &PyStaticMethod_Type) ||
                  PyObject_TypeCheck(clsattr.ptr(), &PyClassMethod_Type) || PyObject_TypeCheck(clsattr.ptr(), &PyProperty_Type)))
    throw TranslationError(op.pos, fmt::format("'{}.{}' is a staticmethod, classmethod or property: not supported yet",
                                               cd->name, name));
  Attribute& at = attribute(cd, name);
  add_class_defaults(cd->attr_owner(name), name, at, op.pos);
  at.readers.insert({g, b});
  if (!at.first_read.valid()) at.first_read = op.pos;
  if (at.s_value->kind == SomeValue::Impossible) return nullptr;  // until someone assigns it
  return at.s_value;
}

// Class-level values of an attribute are the initial values of the instance
// field: their types join the field's. An attribute only ever set at class
// level, with one value everywhere, stays a constant.
void Annotator::add_class_defaults(ClassDef* owner, const std::string& name, Attribute& at, const SourcePos& pos) {
  for (ClassDef* c : owner->subtree()) {
    py::object v = bk_.lookup_class_attr(c, name);
    if (!v || PyFunction_Check(v.ptr())) continue;
    Constant tmp;
    tmp.value = ConstValue::from_python(v);
    SV sv = bk_.annotation(&tmp);
    SV u = union_of(at.s_value, at.assigned ? without_const(sv) : sv);
    if (!u)
      throw TranslationError(pos, fmt::format("type conflict: attribute '{}' is {} on class {} but {} elsewhere", name,
                                              sv->pretty(), c->name, at.s_value->pretty()));
    if (!contains(at.s_value, u) || !contains(u, at.s_value)) {
      at.s_value = u;
      for (auto [rg, rb] : at.readers) schedule(rg, rb);
    }
    at.class_default = true;
  }
}

SV Annotator::setattr_instance(FunctionGraph* g, SpaceOperation& op, const SV& obj, const std::string& name,
                               const SV& value) {
  ClassDef* cd = obj->classdef;
  if (cd->immutable_fields.count(name)) {
    FuncDesc* d = bk_.desc_of(g);
    bool in_init = d && d->selfclass && d->func.attr("__name__").cast<std::string>() == "__init__" &&
                   (d->selfclass->issubclass(cd) || cd->issubclass(d->selfclass));
    if (!in_init)
      throw TranslationError(op.pos, fmt::format("'{}' is an immutable field of {} (_immutable_fields_): it can only "
                                                 "be assigned in __init__",
                                                 name, cd->name));
  }
  if (py::object clsattr = bk_.lookup_class_attr(cd, name); clsattr && PyFunction_Check(clsattr.ptr()))
    throw TranslationError(op.pos, fmt::format("assigning '{}' on an instance would hide the method {}.{}", name,
                                               cd->name, name));
  Attribute& at = attribute(cd, name);
  if (!at.assigned) {  // class defaults were kept as constants until now
    at.assigned = true;
    at.s_value = without_const(at.s_value);
  }
  add_class_defaults(cd->attr_owner(name), name, at, op.pos);
  SV v = without_const(value);
  SV u = union_of(at.s_value, v);
  if (!u)
    throw TranslationError(op.pos, fmt::format("type conflict: attribute '{}.{}' is {} here, but {} elsewhere", cd->name,
                                               name, v->pretty(), at.s_value->pretty()));
  if (!contains(at.s_value, u) || !contains(u, at.s_value)) {
    at.s_value = u;
    for (auto [rg, rb] : at.readers) schedule(rg, rb);
  }
  return s_none();
}

SV Annotator::isinstance(SpaceOperation& op, Value* xv, const std::vector<SV>& args) {
  py::object spec = args[1]->const_ ? args[1]->const_->obj : py::object();
  if (!spec) throw TranslationError(op.pos, "isinstance() needs a class (or tuple of classes) known at translation time");
  std::vector<py::object> classes;
  if (PyTuple_Check(spec.ptr())) {
    for (auto c : spec) classes.push_back(py::reinterpret_borrow<py::object>(c));
  } else {
    classes.push_back(spec);
  }
  const SV& x = args[0];
  py::module_ builtins = py::module_::import("builtins");
  if (x->kind != SomeValue::Instance && x->kind != SomeValue::None) {
    // Plain values: the answer is known from the annotation.
    bool result = false;
    for (auto& c : classes) {
      if ((c.is(builtins.attr("int")) && (x->kind == SomeValue::Integer || x->kind == SomeValue::Bool)) ||
          (c.is(builtins.attr("bool")) && x->kind == SomeValue::Bool) ||
          (c.is(builtins.attr("float")) && x->kind == SomeValue::Float) ||
          (c.is(builtins.attr("str")) && x->kind == SomeValue::String && !x->can_be_none) ||
          (c.is(builtins.attr("bytes")) && x->kind == SomeValue::Bytes && !x->can_be_none) ||
          (c.is(builtins.attr("bytearray")) && x->kind == SomeValue::ByteArray && !x->can_be_none) ||
          (c.is(builtins.attr("tuple")) && x->kind == SomeValue::Tuple) ||
          (c.is(builtins.attr("list")) && x->kind == SomeValue::List))
        result = true;
    }
    return s_bool(result);
  }
  if (x->kind == SomeValue::None) return s_bool(false);
  // An instance of a user class is never a str, a list... (built-in classes
  // other than exceptions are not RPython classes).
  {
    bool all_plain = true;
    for (auto& c : classes) {
      bool plain = false;
      for (const char* n : {"str", "list", "int", "float", "bool", "tuple", "dict", "set", "bytes", "bytearray"})
        plain |= c.is(builtins.attr(n));
      all_plain &= plain;
    }
    if (all_plain) return s_bool(false);
  }
  ClassDef* common = nullptr;
  bool always = false, never = true;
  for (auto& c : classes) {
    if (!PyType_Check(c.ptr())) throw TranslationError(op.pos, "isinstance() arg 2 must be a class or a tuple of classes");
    ClassDef* cd = bk_.getclassdef(c, op.pos);
    if (x->classdef->issubclass(cd)) always = true;
    if (x->classdef->issubclass(cd) || cd->issubclass(x->classdef)) never = false;
    common = common ? common->commonbase(cd) : cd;
  }
  if (always && !x->can_be_none) return s_bool(true);
  if (never) return s_bool(false);
  SomeValue r = *s_bool();
  if (xv->is_const()) return std::make_shared<const SomeValue>(std::move(r));
  // Known on the True exit: an instance of the class (of their common base).
  if (common && common->issubclass(x->classdef))
    r.known_if_true.push_back({static_cast<Variable*>(xv), s_instance(common)});
  return std::make_shared<const SomeValue>(std::move(r));
}

SV Annotator::call_function(FuncDesc* d, FunctionGraph* caller, Block* b, SpaceOperation& op,
                            const std::vector<SV>& args, const CallShape& shape) {
  if (py::hasattr(d->func, "_not_rpython_"))
    throw TranslationError(op.pos, fmt::format("{}() is marked @not_rpython: it runs at import time only and cannot "
                                               "be called from translated code",
                                               d->name));
  std::vector<int> binding = bind_call_args(*d, shape, op.pos);
  std::vector<SV> cells;
  for (int k : binding) {
    if (k >= 0) cells.push_back(args[k]);
    else cells.push_back(s_const(ConstValue::from_python(d->defaults[-1 - k])));
  }
  if (py::hasattr(d->func, "_annspecialcase_")) {
    std::string tag = py::str(d->func.attr("_annspecialcase_")).cast<std::string>();
    if (tag == "specialize:memo" || tag == "specialize:memo()") {
      // Evaluated now, on the constant arguments: the call is its result.
      py::tuple pyargs(cells.size());
      for (size_t i = 0; i < cells.size(); ++i) {
        if (!cells[i]->const_ || !cells[i]->const_->obj)
          throw TranslationError(op.pos, fmt::format("specialize:memo function {}() called with a non-constant "
                                                     "argument '{}' ({})",
                                                     d->name, d->argnames[i], cells[i]->pretty()));
        pyargs[i] = cells[i]->const_->to_python();
      }
      py::object result;
      try {
        result = d->func(*pyargs);
      } catch (py::error_already_set& e) {
        throw TranslationError(op.pos, fmt::format("specialize:memo function {}() raised {}", d->name, e.what()));
      }
      bk_.memo_result[&op] = result;
      Constant tmp;
      tmp.value = ConstValue::from_python(result);
      return bk_.annotation(&tmp);
    }
    d = bk_.specialized(d, specialization_key(d, tag, cells, op));
    bk_.call_target[&op] = d;
  }
  FunctionGraph* callee;
  try {
    callee = bk_.graph_of(d);
  } catch (TranslationError& e) {
    // A library function without Python source (a frozen or C module's):
    // the place to show is the call.
    if (e.pos.file) throw;
    std::string qual = py::hasattr(d->func, "__module__") && !d->func.attr("__module__").is_none()
                           ? d->func.attr("__module__").cast<std::string>() + "." + d->name
                           : d->name;
    throw TranslationError(op.pos, fmt::format("{}() is not supported: {}", qual, e.message));
  }
  d->callers.insert({caller, b});
  if (is_internal_helper(callee->pos) && !helper_origin_.count(callee)) {
    auto from = helper_origin_.find(caller);
    if (from != helper_origin_.end()) helper_origin_.emplace(callee, from->second);
    else if (!is_internal_helper(op.pos)) helper_origin_.emplace(callee, op.pos);
  }
  std::vector<SourcePos> where(cells.size(), op.pos);
  bind_block(callee, callee->startblock, cells, where, op.pos);
  return bk_.annotation(callee->returnblock->inputargs[0]);
}

// Which version of a specialized function a call gets (the tags set by
// rpython.rlib.objectmodel.specialize).
std::string Annotator::specialization_key(FuncDesc* d, const std::string& tag, const std::vector<SV>& cells,
                                          SpaceOperation& op) {
  auto indices = [&](const std::string& t) {
    std::vector<size_t> idx;
    auto lp = t.find('(');
    if (lp == std::string::npos || t.find(')') == lp + 1) {
      for (size_t i = 0; i < cells.size(); ++i) idx.push_back(i);
      return idx;
    }
    std::string inner = t.substr(lp + 1, t.find(')') - lp - 1);
    size_t start = 0;
    while (start < inner.size()) {
      size_t comma = inner.find(',', start);
      std::string num = inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!num.empty()) idx.push_back(std::stoul(num));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return idx;
  };
  std::string key;
  if (tag.rfind("specialize:argtype", 0) == 0 || tag.rfind("specialize:ll", 0) == 0) {
    for (size_t i : indices(tag)) {
      if (i >= cells.size()) throw TranslationError(op.pos, "specialize:argtype index out of range for " + d->name);
      SV t = without_const(cells[i]);
      std::string k = t->kind == SomeValue::Instance ? t->classdef->name : t->pretty();
      // A list whose items are not known yet is its own family: sharing a
      // version with other lists of unknown items would merge them all.
      if (t->kind == SomeValue::List && t->listdef->find()->item->kind == SomeValue::Impossible)
        k = fmt::format("list{}", stable_id(t->listdef->find()));
      key += (key.empty() ? "" : "_") + k;
    }
  } else if (tag.rfind("specialize:arg", 0) == 0) {
    for (size_t i : indices(tag)) {
      if (i >= cells.size()) throw TranslationError(op.pos, "specialize:arg index out of range for " + d->name);
      if (!cells[i]->const_)
        throw TranslationError(op.pos, fmt::format("{}() is specialized on argument '{}', which must be a constant "
                                                   "here (it is {})",
                                                   d->name, d->argnames[i], cells[i]->pretty()));
      const ConstValue& c = *cells[i]->const_;
      key += (key.empty() ? "" : "_") +
             (c.kind == ConstValue::Object ? fmt::format("obj{}", stable_id(c.obj.ptr())) : c.repr());
    }
  } else if (tag.rfind("specialize:call_location", 0) == 0) {
    key = fmt::format("line{}_{}", op.pos.line, op.pos.col);
  } else {
    throw TranslationError(op.pos, fmt::format("unknown specialization '{}' on {}", tag, d->name));
  }
  std::string clean;
  for (char c : key) clean += std::isalnum((unsigned char)c) ? c : '_';
  return clean;
}

std::string frozen_key(const std::vector<py::object>& objs) {
  std::string k;
  for (auto& o : objs) k += std::to_string((uintptr_t)o.ptr()) + ",";
  return k;
}

bool Annotator::has_method(const SV& obj, const std::string& name) {
  if (obj->kind != SomeValue::Instance) return false;
  py::object a = bk_.lookup_class_attr(obj->classdef, name);
  return a && PyFunction_Check(a.ptr());
}

SV Annotator::special_method(SpaceOperation& op, int slot, const SV& obj, const std::string& name,
                             const std::vector<SV>& args, bool* blocked) {
  *blocked = false;
  if (!has_method(obj, name)) return nullptr;
  SV m = getattr_instance(cur_graph_, cur_block_, op, obj, name);
  bk_.special_calls[{&op, slot}] = m;
  CallShape shape{args.size(), {}};
  SV r = consider_call(cur_graph_, cur_block_, op, m, args, shape);
  if (!r) *blocked = true;
  return r;
}

bool Annotator::is_container(const SV& a) {
  return a->kind == SomeValue::List || a->kind == SomeValue::Tuple || a->kind == SomeValue::Dict ||
         a->kind == SomeValue::DictView;
}

// A call the operation makes to a helper of rpython/rlib (module.fname),
// in a copy of its own for this operation and slot.
SV Annotator::call_helper(SpaceOperation& op, int slot, const char* module, const char* fname,
                          const std::vector<SV>& args, FunctionGraph* g, Block* b) {
  py::object mod = py::module_::import(module);
  FuncDesc* d = bk_.specialized(bk_.get_desc(mod.attr(fname)), fmt::format("site{}_{}", stable_id(&op), slot));
  bk_.helper_calls[{&op, slot}] = d;
  SV r = call_function(d, g, b, op, args, CallShape{args.size(), {}});
  if (r->kind == SomeValue::Impossible) return nullptr;
  return r;
}

// str()/repr()/print() of a container: a call to the helper of
// rpython/rlib/_reprs.py that prints its kind, in a copy of its own.
SV Annotator::container_repr(SpaceOperation& op, int slot, const SV& a) {
  if (a->can_be_none) throw TranslationError(op.pos, "str() of a " + a->pretty() + " is not supported yet");
  const char* fname = a->kind == SomeValue::List     ? "list_repr"
                      : a->kind == SomeValue::Tuple  ? "tuple_repr"
                      : a->kind == SomeValue::DictView ? (a->dict_view == 'k'   ? "dict_keys_repr"
                                                          : a->dict_view == 'v' ? "dict_values_repr"
                                                                                : "dict_items_repr")
                      : a->dictdef->find()->is_set ? "set_repr"
                                                   : "dict_repr";
  if (a->kind == SomeValue::Tuple && a->items.size() >= 64)
    throw TranslationError(op.pos, "str() of a tuple of 64 items or more is not supported");
  if (!call_helper(op, slot, "rpython.rlib._reprs", fname, {a}, cur_graph_, cur_block_)) return nullptr;
  return s_str();
}

SV Annotator::consider_builtin(const std::string& name, SpaceOperation& op, const std::vector<SV>& args,
                               const CallShape& shape) {
  auto fail = [&](const std::string& msg) -> SV { throw TranslationError(op.pos, msg); };
  {
    bool handled;
    SV r = consider_bytes_builtin(name, op, args, shape, &handled);  // annotator/bytes.cpp
    if (handled) return r;
  }
  if (name == "str.maketrans") return consider_str_maketrans(op, args, shape);  // annotator/strs.cpp
  if (name.find('.') != std::string::npos && name != "dict.fromkeys" && name != "float.fromhex")
    return consider_module_builtin(name, op, args, shape);  // syslib
  auto nargs = [&](size_t lo, size_t hi) {
    if (!shape.kwnames.empty() && name != "print")
      fail(name + "() takes no keyword arguments");
    if (args.size() < lo || args.size() > hi)
      fail(fmt::format("{}() takes {} argument{} ({} given)", name,
                       lo == hi ? std::to_string(lo) : fmt::format("from {} to {}", lo, hi), hi == 1 ? "" : "s",
                       args.size()));
  };
  {
    bool handled;
    SV r = consider_dict_builtin(name, op, args, &handled);
    if (handled) return r;
  }
  if (name == "float.fromhex") {
    nargs(1, 1);
    if (!is_str(args[0]) || args[0]->can_be_none) fail("fromhex() argument must be str, not " + pyname(args[0]));
    return s_float();
  }
  if (name == "dict.fromkeys") {
    nargs(1, 2);
    if (!is_iterable_value(args[0])) fail(fmt::format("'{}' object is not iterable", pyname(args[0])));
    std::vector<SV> a{args[0], args.size() == 2 ? args[1] : s_none()};
    return call_helper(op, 0, "rpython.rlib._sets", "dict_fromkeys", a, cur_graph_, cur_block_);
  }
  if (name == "set" || name == "dict") {
    // set() and dict() without arguments are newset/newdict already.
    nargs(1, 1);
    const SV& a = args[0];
    if (name == "dict" && !(a->kind == SomeValue::Dict && !a->dictdef->find()->is_set)) check_dict_pairs(op, a, "dict()");
    // set(s) of a set is CPython's set_copy (its table order: runtime/dict.h).
    const char* helper = name == "set" ? (a->kind == SomeValue::Dict && a->dictdef->find()->is_set ? "dict_copy"
                                                                                                  : "set_from_iterable")
                         : a->kind == SomeValue::Dict && !a->dictdef->find()->is_set ? "dict_copy"
                                                                                     : "dict_from_pairs";
    return call_helper(op, 0, "rpython.rlib._sets", helper, {a}, cur_graph_, cur_block_);
  }
  if (name == "format") {
    nargs(1, 2);
    if (args.size() == 2 && !is_str(args[1])) fail("format() argument 2 must be str, not " + pyname(args[1]));
    const SV& a = args[0];
    if (a->is_numeric() || (is_str(a) && !a->can_be_none)) return s_str();
    fail("format() of a " + pyname(a) + " is not supported yet");
  }
  if (name == "ascii") {
    nargs(1, 1);
    const SV& a = args[0];
    // A bytes' repr is ASCII already: its ascii() is its repr.
    if (a->is_numeric() || (is_str(a) && !a->can_be_none) || a->kind == SomeValue::None ||
        ((a->kind == SomeValue::Bytes || a->kind == SomeValue::ByteArray) && !a->can_be_none))
      return s_str();
    fail("ascii() of a " + pyname(a) + " is not supported yet");
  }
  {
    bool handled;
    SV r = consider_list_builtin(name, op, args, shape, &handled);
    if (handled) return r;
  }
  if (name == "hash" && args.size() == 1 && args[0]->kind != SomeValue::Instance) {
    const SV& a = args[0];
    std::function<bool(const SV&, bool)> hashable = [&](const SV& v, bool item) -> bool {
      if (v->kind == SomeValue::Tuple) {
        for (auto& i : v->items)
          if (!hashable(i, true)) return false;
        return true;
      }
      return v->is_numeric() || ((is_str(v) || v->kind == SomeValue::Bytes) && !v->can_be_none) ||
             (item && v->kind == SomeValue::Instance);
    };
    bool ok = hashable(a, false);
    if (!ok) fail("unhashable type: '" + pyname(a) + "'");
    return s_int();
  }
  if (name == "print") {
    for (size_t i = 0; i < shape.kwnames.size(); ++i) {
      const std::string& k = shape.kwnames[i];
      const SV& v = args[shape.npositional + i];
      if (k == "file") {  // syslib: sys.stdout, sys.stderr or None
        py::module_ sys = py::module_::import("sys");
        bool ok = v->kind == SomeValue::None ||
                  (v->kind == SomeValue::PBC && v->const_ && v->const_->obj &&
                   (v->const_->obj.is(sys.attr("stdout")) || v->const_->obj.is(sys.attr("stderr"))));
        if (!ok) fail("print() file= must be sys.stdout or sys.stderr (or None)");
        continue;
      }
      if (k == "flush") continue;  // any value: its truth says whether to flush
      if (k != "sep" && k != "end") fail("print() keyword '" + k + "' is not supported (only sep=, end=, file= and flush=)");
      if (!is_str(v) && v->kind != SomeValue::None) fail("print() " + k + " must be a str, not " + pyname(v));
    }
    for (size_t i = 0; i < shape.npositional; ++i) {
      const SV& a = args[i];
      // (__str__ stands for __repr__ where a class has no __str__, but not on
      // exceptions: theirs is BaseException's, the message.)
      if (a->kind == SomeValue::Instance && a->can_be_none && has_method(a, "__str__")) {
        // None prints as None: the method is called on the other path.
        if (!call_helper(op, (int)i, "rpython.rlib._reprs", "instance_str", {a}, cur_graph_, cur_block_)) return nullptr;
        continue;
      }
      if (a->kind == SomeValue::Instance && has_method(a, "__str__")) {
        bool blocked;
        SV r = special_method(op, (int)i, a, "__str__", {}, &blocked);
        if (blocked) return nullptr;
        if (!is_str(r)) fail("__str__ must return a str, not " + r->pretty());
        continue;
      }
      if (is_container(a)) {
        if (!container_repr(op, (int)i, a)) return nullptr;
        continue;
      }
      if (!(a->is_numeric() || is_str(a) || a->kind == SomeValue::None || is_exception(a) ||
            a->kind == SomeValue::Bytes || a->kind == SomeValue::ByteArray))
        fail("print() of a " + pyname(a) + " is not supported yet");
    }
    return s_none();
  }
  if (name == "int") {
    if (args.size() == 2 && (shape.kwnames.empty() || (shape.npositional == 1 && shape.kwnames[0] == "base"))) {
      if (!is_str(args[0]) || args[0]->can_be_none) {
        if (args[0]->is_numeric()) fail("int() can't convert non-string with explicit base");
        fail("int() with a base of a " + pyname(args[0]) + " is not supported (a str)");
      }
      if (!is_int_like(args[1]))
        fail("'" + pyname(args[1]) + "' object cannot be interpreted as an integer");
      return s_int();
    }
    nargs(1, 1);
    if (args[0]->is_numeric() || is_str(args[0])) return s_int();
    fail("int() argument must be a string or a number, not '" + pyname(args[0]) + "'");
  }
  if (name == "float") {
    nargs(1, 1);
    if (args[0]->is_numeric() || is_str(args[0])) return s_float();
    fail("float() argument must be a string or a number, not '" + pyname(args[0]) + "'");
  }
  if (name == "bool") {
    nargs(1, 1);
    return s_bool();
  }
  if (name == "str" || name == "repr") {
    nargs(1, 1);
    const SV& a = args[0];
    if (is_container(a)) return container_repr(op, 0, a);
    if (a->kind == SomeValue::Instance) {
      std::string m = name == "str" ? "__str__" : "__repr__";
      if (has_method(a, m) && a->can_be_none) {  // str(None) is "None": the method on the other path
        if (!call_helper(op, 0, "rpython.rlib._reprs", name == "str" ? "instance_str" : "instance_repr", {a}, cur_graph_,
                         cur_block_))
          return nullptr;
        return s_str();
      }
      if (has_method(a, m)) {
        bool blocked;
        SV r = special_method(op, 0, a, m, {}, &blocked);
        if (blocked) return nullptr;
        if (!is_str(r)) fail(m + " must return a str, not " + r->pretty());
        return s_str();
      }
    }
    if (a->is_numeric() || is_str(a) || a->kind == SomeValue::None || (name == "str" && is_exception(a)) ||
        a->kind == SomeValue::Bytes || a->kind == SomeValue::ByteArray)
      return s_str();
    fail(name + "() of a " + pyname(a) + " is not supported yet");
  }
  if (name == "pow") {  // pow(x, y) is a `pow` operation already (flowspace)
    nargs(3, 3);
    for (auto& a : args)
      if (!is_int_like(a)) {
        if (a->is_numeric()) fail("pow() 3rd argument not allowed unless all arguments are integers");
        fail("unsupported operand type(s) for pow(): '" + pyname(args[0]) + "', '" + pyname(args[1]) + "', '" +
             pyname(args[2]) + "'");
      }
    return s_int(args[2]->nonneg);
  }
  if (name == "round") {
    size_t npos = shape.npositional;
    if (npos > 2 || (shape.kwnames.size() == 1 && shape.kwnames[0] != "ndigits") || shape.kwnames.size() > 1 ||
        args.empty() || npos == 0)
      fail(fmt::format("round() takes 1 or 2 arguments, number and ndigits ({} given)", args.size()));
    const SV& x = args[0];
    bool with_ndigits = args.size() == 2 && args[1]->kind != SomeValue::None;
    if (with_ndigits && !is_int_like(args[1]))
      fail("'" + pyname(args[1]) + "' object cannot be interpreted as an integer");
    if (is_int_like(x)) return s_int(x->nonneg && !with_ndigits);
    if (x->kind == SomeValue::Float) return with_ndigits ? s_float() : s_int();
    fail("type " + pyname(x) + " doesn't define __round__ method");
  }
  if (name == "abs") {
    nargs(1, 1);
    if (is_int_like(args[0])) return s_int(true);
    if (args[0]->kind == SomeValue::Float) return s_float();
    fail("bad operand type for abs(): '" + pyname(args[0]) + "'");
  }
  if (name == "min" || name == "max") {
    if (args.size() < 2) fail(name + "() of a single iterable is not supported yet: pass two or more numbers");
    nargs(2, 64);
    bool any_float = false, all_int = true, all_nonneg = true, any_nonneg = false;
    for (auto& a : args) {
      if (!a->is_numeric()) fail(fmt::format("{}() of '{}' values is not supported", name, pyname(a)));
      any_float |= a->kind == SomeValue::Float;
      all_int &= is_int_like(a);
      all_nonneg &= a->nonneg;
      any_nonneg |= a->nonneg;
    }
    if (any_float && !all_int) {
      for (auto& a : args)
        if (a->kind != SomeValue::Float)
          fail(name + "() mixing int and float: the result's type would depend on the values; convert with float() first");
      return s_float();
    }
    return s_int(name == "min" ? all_nonneg : any_nonneg);
  }
  if (name == "iter" && args.size() == 1 && args[0]->kind == SomeValue::List) {
    SomeValue v;
    v.kind = SomeValue::ListIter;
    v.listdef = args[0]->listdef;
    return std::make_shared<const SomeValue>(std::move(v));
  }
  if (name == "next" && args.size() == 1 && args[0]->kind == SomeValue::ListIter) {
    ListDef* d = args[0]->listdef->find();
    d->readers.insert({cur_graph_, cur_block_});
    if (d->item->kind == SomeValue::Impossible) return nullptr;
    return d->item;
  }
  if (name == "iter" && args.size() == 1 && args[0]->kind == SomeValue::Tuple)
    fail("iterating over a tuple is only supported when the tuple is a constant (the loop is unrolled), as in "
         "RPython: use a list");
  if (name == "len" || name == "hash" || name == "iter" || name == "next") {
    nargs(1, 1);
    const SV& a = args[0];
    if (a->kind == SomeValue::Instance) {
      std::string m = "__" + name + "__";
      bool blocked;
      SV r = special_method(op, 0, a, m, {}, &blocked);
      if (blocked) return nullptr;
      if (!r && name == "hash") return s_int();  // object.__hash__: the identity hash
      if (!r) fail(fmt::format("'{}' object has no {}()", pyname(a), m));
      if ((name == "len" || name == "hash") && !is_int_like(r)) fail(m + " must return an int, not " + r->pretty());
      return name == "len" ? s_int(true) : r;
    }
  }
  if (name == "ord") {
    nargs(1, 1);
    if (!is_str(args[0])) fail("ord() expected string of length 1, but " + pyname(args[0]) + " found");
    return s_int(true);
  }
  if (name == "chr") {
    nargs(1, 1);
    if (!is_int_like(args[0])) fail("'" + pyname(args[0]) + "' object cannot be interpreted as an integer");
    return s_str();
  }
  if (name == "len") {
    nargs(1, 1);
    const SV& a = args[0];
    if (a->kind == SomeValue::Tuple) return s_const(ConstValue::from_python(py::int_(a->items.size())));
    if (is_str(a) || a->kind == SomeValue::List || a->kind == SomeValue::Bytes || a->kind == SomeValue::ByteArray) {
      if (a->can_be_none) fail("len() of a " + a->pretty() + ": test it against None first");
      return s_int(true);
    }
    fail("object of type '" + pyname(a) + "' has no len()");
  }
  if (name == "hex" || name == "oct" || name == "bin") {
    nargs(1, 1);
    if (!is_int_like(args[0])) fail("'" + pyname(args[0]) + "' object cannot be interpreted as an integer");
    if (args[0]->unsigned_) fail(name + "() of an r_uint is not supported: convert it with intmask() or r_int first");
    return s_str();
  }
  if (name == "divmod") {
    nargs(2, 2);
    for (auto& a : args)
      if (!a->is_numeric() || a->unsigned_)
        fail(fmt::format("unsupported operand type(s) for divmod(): '{}' and '{}'", pyname(args[0]), pyname(args[1])));
    bool ints = is_int_like(args[0]) && is_int_like(args[1]);
    return rlib_op_helper(op, "rpython.rlib._mathx", ints ? "divmod_int" : "divmod_float", args,
                          {HelperArg{1, {}}, HelperArg{2, {}}});
  }
  if (name == "range") fail("range() is supported only directly in 'for ... in range(...)' yet");
  if (name == "isinstance") {
    nargs(2, 2);
    return isinstance(op, op.args[op.opname == "simple_call" ? 1 : 2], args);
  }
  return fail(name + "() is not supported yet");
}

// A prebuilt instance's attributes are values its class's fields hold.
void Annotator::see_prebuilt_instance(py::handle obj, ClassDef* cd) {
  if (!py::hasattr(obj, "__dict__")) return;
  py::dict d = obj.attr("__dict__");
  for (auto [k, v] : d) {
    std::string name = py::str(k).cast<std::string>();
    Constant tmp;
    tmp.value = ConstValue::from_python(v);
    SV sv = without_const(bk_.annotation(&tmp));
    Attribute& at = attribute(cd, name);
    if (!at.assigned) {
      at.assigned = true;
      at.s_value = without_const(at.s_value);
    }
    SV u = union_of(at.s_value, sv);
    if (!u)
      throw TranslationError(SourcePos{}, fmt::format("type conflict: attribute '{}.{}' of a prebuilt instance is {}, "
                                                      "but {} elsewhere",
                                                      cd->name, name, sv->pretty(), at.s_value->pretty()));
    if (!contains(at.s_value, u) || !contains(u, at.s_value)) {
      at.s_value = u;
      for (auto [rg, rb] : at.readers) schedule(rg, rb);
    }
  }
}

void Annotator::check_attributes() {
  for (ClassDef* cd : bk_.all_classdefs())
    for (auto& [name, at] : cd->attrs)
      if (!at.assigned && !at.class_default && at.first_read.valid())
        throw TranslationError(at.first_read, fmt::format("attribute '{}' of {} is read but never assigned on any "
                                                          "instance of the class or its subclasses",
                                                          name, cd->name));
}

void Annotator::check_entry_returns_int(FuncDesc* entry) {
  FunctionGraph* g = entry->graph;
  SV r = bk_.annotation(g->returnblock->inputargs[0]);
  if (is_int_like(r) || r->kind == SomeValue::Impossible) return;
  // Point at a return statement that returns something else.
  SourcePos where = entry->pos;
  for (Block* b : g->iterblocks())
    for (Link* l : b->exits)
      if (l->target == g->returnblock) {
        SV s = bk_.annotation(l->args[0]);
        if (!is_int_like(s) && s->kind != SomeValue::Impossible) {
          where = l->pos;
          break;
        }
      }
  throw TranslationError(where, fmt::format("the entry point '{}' must return an int (the exit status), but returns {}",
                                            entry->name, r->pretty()));
}

}  // namespace rpy
