// Generators become classes (as RPython's flowspace/generator.py does):
// calling the generator function builds a frame object holding its
// arguments; the frame's __next__ runs the body from where it stopped.
//
// The body's flow graph, with `yield_` operations, is cut at each yield:
// the variables still needed afterwards are stored in the frame with the
// number of the resume point, and the value is returned; __next__ starts by
// dispatching on that number to the matching continuation. Falling off the
// end (or `return`) raises StopIteration.
#include "flowspace/generator.h"

#include <fmt/format.h>
#include <pybind11/eval.h>

#include <map>
#include <set>
#include <unordered_map>

namespace rpy {

namespace {

py::object compile_stub(const std::string& src, const std::string& name) {
  py::dict ns;
  py::exec(py::str(src), ns);
  return ns[name.c_str()];
}

struct Cutter {
  FunctionGraph* g;
  SourcePos pos;
  std::unordered_map<Block*, Variable*> self_of;  // each block's `self` input
  int next_point = 1;
  std::vector<std::pair<int, Block*>> resume_points;  // state -> continuation block
  std::vector<std::vector<std::string>> resume_fields;

  Constant* str(const std::string& s) { return g->new_const_str(s); }

  Variable* op(Block* b, const std::string& name, std::vector<Value*> args) {
    Variable* r = g->new_var("v");
    b->operations.push_back(SpaceOperation{name, std::move(args), r, pos});
    return r;
  }

  // Every block gets `self` as its first input, passed along every link.
  void thread_self() {
    for (Block* b : g->iterblocks()) {
      if (b->is_final) continue;
      Variable* s = g->new_var("self");
      b->inputargs.insert(b->inputargs.begin(), s);
      self_of[b] = s;
    }
    for (Block* b : g->iterblocks()) {
      if (b->is_final) continue;
      for (Link* l : b->exits) {
        if (l->target->is_final) continue;
        l->args.insert(l->args.begin(), self_of[b]);
        l->argpos.insert(l->argpos.begin(), SourcePos{});
      }
    }
  }

  static bool uses(const Block* b, size_t from, const Value* v) {
    for (size_t i = from; i < b->operations.size(); ++i)
      for (Value* a : b->operations[i].args)
        if (a == v) return true;
    if (b->exitswitch == v) return true;
    for (Link* l : b->exits)
      for (Value* a : l->args)
        if (a == v) return true;
    return false;
  }

  // Cuts block b at its first yield, if any; returns the continuation.
  Block* cut(Block* b) {
    size_t j = 0;
    for (; j < b->operations.size(); ++j)
      if (b->operations[j].opname == "yield_") break;
    if (j == b->operations.size()) return nullptr;
    Value* yielded = b->operations[j].args.empty() ? g->new_const_none() : b->operations[j].args[0];
    Variable* yield_result = b->operations[j].result;
    SourcePos ypos = b->operations[j].pos;
    // Live across the yield: defined before it, used after it.
    std::vector<Variable*> live;
    for (Variable* v : b->inputargs)
      if (uses(b, j + 1, v)) live.push_back(v);
    for (size_t i = 0; i < j; ++i)
      if (b->operations[i].result && uses(b, j + 1, b->operations[i].result)) live.push_back(b->operations[i].result);
    Variable* self = self_of[b];
    if (std::find(live.begin(), live.end(), self) == live.end()) live.insert(live.begin(), self);

    int k = next_point++;
    // The continuation: the rest of b, on fresh variables.
    Block* c = g->new_block({});
    std::unordered_map<Value*, Value*> subst;
    for (Variable* v : live) {
      Variable* nv = g->new_var(v->name);
      c->inputargs.push_back(nv);
      subst[v] = nv;
    }
    subst[yield_result] = g->new_const_none();  // the value a plain next() sends
    auto S = [&](Value* v) {
      auto it = subst.find(v);
      return it == subst.end() ? v : it->second;
    };
    for (size_t i = j + 1; i < b->operations.size(); ++i) {
      SpaceOperation o = b->operations[i];
      for (auto& a : o.args) a = S(a);
      c->operations.push_back(o);
    }
    c->exitswitch = b->exitswitch ? S(b->exitswitch) : nullptr;
    c->exits = b->exits;
    for (Link* l : c->exits) {
      l->prevblock = c;
      for (auto& a : l->args) a = S(a);
    }
    self_of[c] = static_cast<Variable*>(S(self));
    // b now saves the live values and returns the yielded one.
    b->operations.resize(j);
    b->exits.clear();
    b->exitswitch = nullptr;
    std::vector<std::string> fields;
    for (size_t i = 0; i < live.size(); ++i) {
      if (live[i] == self) {
        fields.push_back("");
        continue;
      }
      std::string f = fmt::format("y{}_{}", k, i);
      fields.push_back(f);
      op(b, "setattr", {self, str(f), live[i]});
    }
    op(b, "setattr", {self, str("g_state"), g->new_const_int(k)});
    Link* r = g->new_link(b, g->returnblock, {yielded});
    r->pos = ypos;
    resume_points.push_back({k, c});
    resume_fields.push_back(fields);
    return c;
  }
};

}  // namespace

GeneratorParts transform_generator(std::unique_ptr<FunctionGraph> body, py::handle func) {
  GeneratorParts parts;
  FunctionGraph* g = body.get();
  std::string name = func.attr("__name__").cast<std::string>();
  std::string qual = func.attr("__qualname__").cast<std::string>();
  SourcePos pos = g->pos;

  // The frame class, with stub methods whose graphs are made here.
  parts.next_stub = compile_stub("def __next__(self):\n    pass\n", "__next__");
  parts.iter_stub = compile_stub("def __iter__(self):\n    return self\n", "__iter__");
  py::dict ns;
  ns["__module__"] = func.attr("__module__");
  ns["__qualname__"] = py::str(qual + ".<generator>");
  ns["__next__"] = parts.next_stub;
  ns["__iter__"] = parts.iter_stub;
  py::module_ builtins = py::module_::import("builtins");
  parts.frame_class = builtins.attr("type")(py::str(name + "_generator"), py::make_tuple(builtins.attr("object")), ns);

  Cutter cut{g, pos};
  Block* original_start = g->startblock;
  std::vector<std::string> params = g->argnames;
  cut.thread_self();

  // Returning ends the generator: StopIteration (and it stays finished).
  Block* finish = g->new_block({g->new_var("self"), g->new_var("result")});
  {
    Variable* self = finish->inputargs[0];
    cut.op(finish, "setattr", {self, cut.str("g_state"), g->new_const_int(-1)});
    Variable* ev = cut.op(finish, "simple_call", {g->new_const(ConstValue::from_python(builtins.attr("StopIteration")))});
    Variable* et = cut.op(finish, "type_of", {ev});
    g->new_link(finish, g->exceptblock, {et, ev})->pos = pos;
  }
  // An exception out of the body finishes the generator too.
  Block* failed = g->new_block({g->new_var("self"), g->new_var("etype"), g->new_var("evalue")});
  {
    Variable* self = failed->inputargs[0];
    cut.op(failed, "setattr", {self, cut.str("g_state"), g->new_const_int(-1)});
    g->new_link(failed, g->exceptblock, {failed->inputargs[1], failed->inputargs[2]})->pos = pos;
  }
  for (Block* b : g->iterblocks()) {
    if (b->is_final || b == finish || b == failed) continue;
    for (Link* l : b->exits)
      if (l->target == g->exceptblock) {
        l->target = failed;
        l->args.insert(l->args.begin(), cut.self_of[b]);
        l->argpos.insert(l->argpos.begin(), SourcePos{});
      }
  }
  for (Block* b : g->iterblocks()) {
    if (b->is_final || b == finish || b == failed) continue;
    for (Link* l : b->exits)
      if (l->target == g->returnblock) {
        l->target = finish;
        l->args.insert(l->args.begin(), cut.self_of[b]);
        l->argpos.insert(l->argpos.begin(), SourcePos{});
      }
  }
  std::vector<Block*> work = g->iterblocks();
  while (!work.empty()) {
    Block* b = work.back();
    work.pop_back();
    if (b->is_final) continue;
    if (Block* c = cut.cut(b)) work.push_back(c);
  }

  // __next__(self): dispatch on the state.
  Variable* self = g->new_var("self");
  Block* start = g->new_block({self});
  Variable* state = cut.op(start, "getattr", {self, cut.str("g_state")});
  Block* cur = start;
  Variable* cur_self = self;
  Variable* cur_state = state;
  auto dispatch = [&](int64_t k, auto fill) {
    Variable* is_k = cut.op(cur, "eq", {cur_state, g->new_const_int(k)});
    cur->exitswitch = is_k;
    Block* yes = g->new_block({g->new_var("self")});
    Block* no = g->new_block({g->new_var("self"), g->new_var("state")});
    Link* ly = g->new_link(cur, yes, {cur_self});
    Link* ln = g->new_link(cur, no, {cur_self, cur_state});
    ConstValue t, f;
    t.kind = f.kind = ConstValue::Bool;
    t.b = true;
    ly->exitcase = t;
    ln->exitcase = f;
    fill(yes, yes->inputargs[0]);
    cur = no;
    cur_self = no->inputargs[0];
    cur_state = no->inputargs[1];
  };
  dispatch(0, [&](Block* b, Variable* s) {
    std::vector<Value*> args{s};
    for (auto& p : params) args.push_back(cut.op(b, "getattr", {s, cut.str("g_" + p)}));
    g->new_link(b, original_start, args);
  });
  for (size_t i = 0; i < cut.resume_points.size(); ++i) {
    auto [k, cont] = cut.resume_points[i];
    const auto& fields = cut.resume_fields[i];
    dispatch(k, [&](Block* b, Variable* s) {
      std::vector<Value*> args;
      for (auto& f : fields) args.push_back(f.empty() ? static_cast<Value*>(s) : cut.op(b, "getattr", {s, cut.str(f)}));
      g->new_link(b, cont, args);
    });
  }
  // Finished (or never started properly): StopIteration.
  {
    Variable* ev = cut.op(cur, "simple_call", {g->new_const(ConstValue::from_python(builtins.attr("StopIteration")))});
    Variable* et = cut.op(cur, "type_of", {ev});
    g->new_link(cur, g->exceptblock, {et, ev});
  }
  g->startblock = start;
  g->argnames = {"self"};
  g->name = qual + ".__next__";
  g->func = parts.next_stub;
  g->remove_unreachable();
  parts.next = std::move(body);

  // __iter__(self): return self.
  parts.iter = std::make_unique<FunctionGraph>();
  {
    FunctionGraph* ig = parts.iter.get();
    ig->name = qual + ".__iter__";
    ig->pos = pos;
    ig->func = parts.iter_stub;
    ig->argnames = {"self"};
    ig->returnblock = ig->new_block({ig->new_var("result")});
    ig->returnblock->is_final = true;
    ig->exceptblock = ig->new_block({ig->new_var("etype"), ig->new_var("evalue")});
    ig->exceptblock->is_final = true;
    Variable* s = ig->new_var("self");
    ig->startblock = ig->new_block({s});
    ig->new_link(ig->startblock, ig->returnblock, {s});
  }

  // The generator function itself: build the frame.
  parts.ctor = std::make_unique<FunctionGraph>();
  {
    FunctionGraph* cg = parts.ctor.get();
    cg->name = qual;
    cg->pos = pos;
    cg->func = py::reinterpret_borrow<py::object>(func);
    cg->argnames = params;
    cg->returnblock = cg->new_block({cg->new_var("result")});
    cg->returnblock->is_final = true;
    cg->exceptblock = cg->new_block({cg->new_var("etype"), cg->new_var("evalue")});
    cg->exceptblock->is_final = true;
    std::vector<Variable*> in;
    for (auto& p : params) in.push_back(cg->new_var(p));
    cg->startblock = cg->new_block(in);
    Block* b = cg->startblock;
    auto emit = [&](const std::string& n, std::vector<Value*> args) {
      Variable* r = cg->new_var("v");
      b->operations.push_back(SpaceOperation{n, std::move(args), r, pos});
      return r;
    };
    Variable* frame = emit("simple_call", {cg->new_const(ConstValue::from_python(parts.frame_class))});
    emit("setattr", {frame, cg->new_const_str("g_state"), cg->new_const_int(0)});
    for (size_t i = 0; i < params.size(); ++i) emit("setattr", {frame, cg->new_const_str("g_" + params[i]), in[i]});
    cg->new_link(b, cg->returnblock, {frame})->pos = pos;
  }
  return parts;
}

}  // namespace rpy
