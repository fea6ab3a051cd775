#include "runtime/jit/opt/optimizeopt.h"

#include <algorithm>
#include <chrono>

#include "runtime/jit/jitlog.h"
#include "runtime/jit/printer.h"

namespace rpy::jit::opt {

// ---- IntBound -------------------------------------------------------------

bool IntBound::intersect(const IntBound& o) {
  if (o.lo > lo) lo = o.lo;
  if (o.hi < hi) hi = o.hi;
  return lo <= hi;
}

IntBound IntBound::add(const IntBound& o, bool* exact) const {
  int64_t l, h;
  bool ok = !__builtin_add_overflow(lo, o.lo, &l) && !__builtin_add_overflow(hi, o.hi, &h);
  if (exact) *exact = ok;
  return ok ? IntBound{l, h} : IntBound{};
}

IntBound IntBound::sub(const IntBound& o, bool* exact) const {
  int64_t l, h;
  bool ok = !__builtin_sub_overflow(lo, o.hi, &l) && !__builtin_sub_overflow(hi, o.lo, &h);
  if (exact) *exact = ok;
  return ok ? IntBound{l, h} : IntBound{};
}

IntBound IntBound::mul(const IntBound& o, bool* exact) const {
  int64_t c[4];
  bool ok = !__builtin_mul_overflow(lo, o.lo, &c[0]) && !__builtin_mul_overflow(lo, o.hi, &c[1]) &&
            !__builtin_mul_overflow(hi, o.lo, &c[2]) && !__builtin_mul_overflow(hi, o.hi, &c[3]);
  if (exact) *exact = ok;
  if (!ok) return {};
  return {*std::min_element(c, c + 4), *std::max_element(c, c + 4)};
}

std::string IntBound::str() const {
  auto side = [](int64_t v, bool low) {
    if (low && v == INT64_MIN) return std::string("-inf");
    if (!low && v == INT64_MAX) return std::string("inf");
    return std::to_string(v);
  };
  return "[" + side(lo, true) + ", " + side(hi, false) + "]";
}

// ---- options --------------------------------------------------------------

bool OptOptions::parse(std::string_view spec, std::string* error) {
  OptOptions none;
  none.intbounds = none.rewrite = none.virtualize = none.pure = none.heap = none.unroll = false;
  if (spec == "all") {
    *this = OptOptions{};
    return true;
  }
  *this = none;
  if (spec == "none" || spec.empty()) return true;
  size_t start = 0;
  while (start <= spec.size()) {
    size_t end = spec.find(',', start);
    if (end == std::string_view::npos) end = spec.size();
    std::string_view name = spec.substr(start, end - start);
    if (name == "intbounds") intbounds = true;
    else if (name == "rewrite") rewrite = true;
    else if (name == "virtualize") virtualize = true;
    else if (name == "pure") pure = true;
    else if (name == "heap") heap = true;
    else if (name == "unroll") unroll = true;
    else if (name == "all") *this = OptOptions{};
    else {
      if (error) *error = "unknown optimization '" + std::string(name) +
                          "'; use intbounds, rewrite, virtualize, pure, heap, unroll, all or none";
      return false;
    }
    start = end + 1;
  }
  return true;
}

std::string OptOptions::str() const {
  std::string out;
  auto add = [&](bool on, const char* name) {
    if (!on) return;
    if (!out.empty()) out += ",";
    out += name;
  };
  add(intbounds, "intbounds");
  add(rewrite, "rewrite");
  add(virtualize, "virtualize");
  add(pure, "pure");
  add(heap, "heap");
  add(unroll, "unroll");
  return out.empty() ? "none" : out;
}

// ---- the chain ------------------------------------------------------------

void Optimization::next(Op* op) {
  if (next_pass) next_pass->propagate(op);
  else ctx->emit(op);
}

OptContext::OptContext(Trace& out, DescrTable& descrs, const OptOptions& options)
    : out(out), descrs(descrs) {
  if (options.intbounds) passes_.push_back(make_intbounds());
  if (options.rewrite) passes_.push_back(make_rewrite());
  if (options.virtualize) passes_.push_back(make_virtualize());
  if (options.pure) passes_.push_back(make_pure());
  if (options.heap) passes_.push_back(make_heap());
  for (size_t k = 0; k < passes_.size(); k++) {
    passes_[k]->ctx = this;
    passes_[k]->next_pass = k + 1 < passes_.size() ? passes_[k + 1].get() : nullptr;
  }
}

ValueInfo* OptContext::info(Value* v) {
  if (!v || v->is_const()) return nullptr;
  size_t id = v->id();
  if (id >= infos_.size()) infos_.resize(std::max<size_t>(id + 1, out.value_count() + 64));
  return &infos_[id];
}

Value* OptContext::resolve(Value* v) const {
  while (v && !v->is_const() && v->id() < infos_.size() && infos_[v->id()].forwarded) v = infos_[v->id()].forwarded;
  return v;
}

void OptContext::forward(Value* from, Value* to) {
  to = resolve(to);
  from = resolve(from);
  if (from == to || from->is_const()) return;
  info(from)->forwarded = to;
}

void OptContext::bind(const Value* input, Value* output) {
  if (input->id() >= map_.size()) map_.resize(input->id() + 1, nullptr);
  map_[input->id()] = output;
}

Value* OptContext::get(Value* input) {
  if (const Const* c = Const::cast(input))
    return c->class_descr() ? out.const_class(c->class_descr()) : out.constant(c->rt_value());
  Value* v = input->id() < map_.size() ? map_[input->id()] : nullptr;
  return resolve(v);
}

IntBound OptContext::bound(Value* v) {
  v = resolve(v);
  if (const Const* c = Const::cast(v)) return c->kind() == Kind::Int ? IntBound::exactly(c->int_value()) : IntBound{};
  return info(v)->bound;
}

bool OptContext::narrow(Value* v, const IntBound& b) {
  v = resolve(v);
  if (const Const* c = Const::cast(v)) return b.contains(c->int_value());
  ValueInfo* i = info(v);
  IntBound narrowed = i->bound;
  if (!narrowed.intersect(b)) return false;  // dead code after a guard that always fails: keep what we had
  i->bound = narrowed;
  if (narrowed.is_const()) forward(v, out.const_int(narrowed.lo));
  return true;
}

bool OptContext::is_nonnull(Value* v) {
  v = resolve(v);
  if (const Const* c = Const::cast(v)) return c->kind() == Kind::Ref && c->ref_value() != nullptr;
  ValueInfo* i = info(v);
  return i->nonnull || i->vinfo;
}

void OptContext::set_nonnull(Value* v) {
  if (ValueInfo* i = info(resolve(v))) i->nonnull = true;
}

const Descr* OptContext::known_type(Value* v) {
  ValueInfo* i = info(resolve(v));
  return i ? i->known_type : nullptr;
}

void OptContext::set_known_type(Value* v, const Descr* d) {
  if (ValueInfo* i = info(resolve(v))) {
    i->known_type = d;
    i->nonnull = true;
  }
}

VirtualInfo* OptContext::vinfo(Value* v) {
  ValueInfo* i = info(resolve(v));
  return i ? i->vinfo : nullptr;
}

VirtualInfo* OptContext::make_virtual(Value* v, Descr* descr, Opcode alloc, size_t items) {
  vinfos_.emplace_back();
  VirtualInfo* vi = &vinfos_.back();
  vi->descr = descr;
  vi->alloc = alloc;
  vi->items.assign(items, nullptr);
  ValueInfo* i = info(v);
  i->vinfo = vi;
  i->nonnull = true;
  i->known_type = descr;
  return vi;
}

Const* OptContext::zero(Kind k) {
  return k == Kind::Ref ? out.const_null() : k == Kind::Float ? out.const_float(0.0) : out.const_int(0);
}

Op* OptContext::make(Opcode opcode, std::span<Value* const> args, Descr* descr) {
  return out.make_op(opcode, args, descr);
}

void OptContext::send(Op* op) {
  if (passes_.empty()) emit(op);
  else passes_.front()->propagate(op);
}

void OptContext::emit(Op* op) {
  for (Value*& a : op->args) {
    a = resolve(a);
    if (vinfo(a)) force(a);
  }
  if (!op->fail_args.empty()) {
    std::vector<std::pair<Value*, VirtualValue*>> memo;
    for (Value*& fa : op->fail_args) fa = snapshot(resolve(fa), memo);
  }
  out.ops.push_back(op);
  if (op->has_result()) info(op)->defining = op;
}

Value* OptContext::snapshot(Value* v, std::vector<std::pair<Value*, VirtualValue*>>& memo) {
  if (VirtualValue* in = VirtualValue::cast(v)) {
    // Resume data the input already had: its items may have become
    // virtuals or constants since.
    for (auto& [from, to] : memo)
      if (from == v) return to;
    VirtualValue* vv = out.make_virtual(in->descr);
    memo.push_back({v, vv});
    for (Value* item : in->items) vv->items.push_back(snapshot(resolve(item), memo));
    return vv;
  }
  VirtualInfo* vi = vinfo(v);
  if (!vi) return v;
  for (auto& [from, to] : memo)
    if (from == v) return to;
  VirtualValue* vv = out.make_virtual(vi->descr);
  memo.push_back({v, vv});
  const StructDescr* s = vi->struct_descr();
  for (size_t k = 0; k < vi->items.size(); k++) {
    Kind kind = s ? s->fields()[k]->kind() : vi->array_descr()->item_kind();
    vv->items.push_back(vi->items[k] ? snapshot(resolve(vi->items[k]), memo) : zero(kind));
  }
  return vv;
}

// A fail argument of the input in terms of output values; virtuals the
// input already had (an optimized trace optimized again, or resume data
// written by hand) are copied with their items mapped.
Value* OptContext::import_fail_arg(Value* in, std::vector<std::pair<const VirtualValue*, VirtualValue*>>& memo) {
  const VirtualValue* vv = VirtualValue::cast(in);
  if (!vv) return get(in);
  for (auto& [from, to] : memo)
    if (from == vv) return to;
  VirtualValue* copy = out.make_virtual(vv->descr);
  copy->name = vv->name;
  memo.push_back({vv, copy});
  for (Value* item : vv->items) copy->items.push_back(import_fail_arg(item, memo));
  return copy;
}

void OptContext::force(Value* v) {
  v = resolve(v);
  ValueInfo* i = info(v);
  if (!i || !i->vinfo) return;
  VirtualInfo* vi = i->vinfo;
  i->vinfo = nullptr;  // before the items: a cycle sees it allocated
  Op* alloc = Op::cast(v);
  out.ops.push_back(alloc);
  i->defining = alloc;
  const StructDescr* s = vi->struct_descr();
  for (size_t k = 0; k < vi->items.size(); k++) {
    Value* item = vi->items[k] ? resolve(vi->items[k]) : nullptr;
    if (!item) continue;
    if (const Const* c = Const::cast(item); c && c->rt_value().i == 0 && !c->class_descr()) continue;  // memory is zeroed
    if (s) emit(make(Opcode::setfield_gc, {v, item}, s->fields()[k]));
    else emit(make(Opcode::setarrayitem_gc, {v, out.const_int(static_cast<int64_t>(k)), item}, vi->descr));
  }
}

void OptContext::flush_all() {
  for (auto& p : passes_) p->flush();
}

void OptContext::reset_all() {
  for (auto& p : passes_) p->reset();
  std::fill(infos_.begin(), infos_.end(), ValueInfo{});
}

Value* OptContext::distinct_variable(Value* v, std::vector<Value*>& seen_args) {
  v = resolve(v);
  if (v->is_const() || std::find(seen_args.begin(), seen_args.end(), v) != seen_args.end()) {
    Op* copy = make(same_as_for(v->kind()), {v});
    out.ops.push_back(copy);
    info(copy)->defining = copy;
    v = copy;
  }
  seen_args.push_back(v);
  return v;
}

void OptContext::emit_label(Op* label_in, const Trace& input) {
  flush_all();
  std::vector<Value*> args;
  for (Value* a : label_in->args) {
    Value* v = get(a);
    force(v);
    distinct_variable(v, args);
  }
  Op* label = make(Opcode::label, args, label_in->descr);
  label->name = label_in->name;
  label->source_line = label_in->source_line;
  out.ops.push_back(label);
  reset_all();  // a label is entered from its jumps too: nothing known holds
  for (size_t k = 0; k < args.size(); k++) bind(label_in->args[k], args[k]);
}

void OptContext::run(const Trace& input, size_t begin, size_t end) {
  if (map_.size() < input.value_count()) map_.resize(input.value_count(), nullptr);
  for (size_t k = begin; k < end; k++) {
    Op* in = input.ops[k];
    peek_ = k + 1 < input.ops.size() ? input.ops[k + 1] : nullptr;
    if (in->opcode() == Opcode::label) {
      emit_label(in, input);
      continue;
    }
    std::vector<Value*> args;
    args.reserve(in->args.size());
    for (Value* a : in->args) args.push_back(get(a));
    Op* op = make(in->opcode(), std::move(args), in->descr);
    op->name = in->name;
    op->source_line = in->source_line;
    if (!in->fail_args.empty()) {
      op->fail_args.reserve(in->fail_args.size());
      std::vector<std::pair<const VirtualValue*, VirtualValue*>> imported;
      for (Value* a : in->fail_args) op->fail_args.push_back(import_fail_arg(a, imported));
    }
    if (op->has_result()) bind(in, op);
    if (in->info().is_final()) {
      flush_all();
      emit(op);
      continue;
    }
    send(op);
  }
  peek_ = nullptr;
}

// ---- the Optimizer ----------------------------------------------------------

// Removes operations without side effects whose results nothing uses (what
// folding and forwarding leave behind), walking backwards so chains go too.
void remove_dead_ops(Trace& trace) {
  std::vector<char> used(trace.value_count(), 0);
  std::vector<const Value*> work;
  auto use = [&](const Value* v) {
    work.push_back(v);
    while (!work.empty()) {
      const Value* x = work.back();
      work.pop_back();
      if (x->is_const() || used[x->id()]) continue;
      used[x->id()] = 1;
      if (const VirtualValue* vv = VirtualValue::cast(x))
        for (const Value* item : vv->items) work.push_back(item);
    }
  };
  std::vector<Op*> kept;
  kept.reserve(trace.ops.size());
  for (size_t k = trace.ops.size(); k-- > 0;) {
    Op* op = trace.ops[k];
    const OpInfo& info = op->info();
    if (op->has_result() && info.has_no_side_effect() && !used[op->id()]) continue;
    for (const Value* a : op->args) use(a);
    for (const Value* a : op->fail_args) use(a);
    kept.push_back(op);
  }
  std::reverse(kept.begin(), kept.end());
  trace.ops = std::move(kept);
}

Trace ChainOptimizer::optimize(const Trace& trace, DescrTable& descrs) {
  Trace out;
  if (!(options_.unroll && unroll_trace(trace, out, descrs, options_))) {
    OptContext ctx(out, descrs, options_);
    for (InputArg* a : trace.inputargs) ctx.bind(a, out.add_inputarg(a->kind(), a->name));
    ctx.run(trace, 0, trace.ops.size());
  }
  remove_dead_ops(out);
  return out;
}

namespace {

// The name PyPy's log header gives a loop: its (first) label's.
std::string loop_name(const Trace& t) {
  for (const Op* op : t.ops)
    if (op->opcode() == Opcode::label && op->target()) return op->target()->name();
  return "trace";
}

void count_input(const Trace& t) {
  jitlog::JitStats& s = jitlog::stats();
  s.ops_before += t.ops.size();
  for (const Op* op : t.ops) {
    s.guards_before += op->info().is_guard();
    s.calls_before += op->info().is_call();
  }
}

void count_output(const Trace& t) {
  jitlog::JitStats& s = jitlog::stats();
  s.ops_after += t.ops.size();
  for (const Op* op : t.ops) {
    if (!op->info().is_guard()) continue;
    s.guards_after++;
    for (const Value* v : op->fail_args)
      if (v && v->is_virtual()) {
        s.virtual_guards++;
        break;
      }
  }
}

}  // namespace

Trace ChainOptimizer::optimize_loop(const Trace& loop, DescrTable& descrs) {
  bool log_before = jitlog::enabled("jit-log-noopt-loop"), log_after = jitlog::enabled("jit-log-opt-loop");
  uint64_t number = log_before || log_after ? jitlog::next_loop_number() : 0;
  std::string name = log_before || log_after ? loop_name(loop) : "";
  if (log_before)
    jitlog::write_section("jit-log-noopt-loop", "# Loop " + std::to_string(number) + " (" + name + ") : noopt with " +
                                                    std::to_string(loop.ops.size()) + " ops\n" + print_trace(loop));
  auto t0 = std::chrono::steady_clock::now();
  Trace out = optimize(loop, descrs);
  jitlog::JitStats& s = jitlog::stats();
  s.optimize_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  s.loops_optimized++;
  count_input(loop);
  count_output(out);
  if (log_after)
    jitlog::write_section("jit-log-opt-loop", "# Loop " + std::to_string(number) + " (" + name + ") : loop with " +
                                                  std::to_string(out.ops.size()) + " ops\n" + print_trace(out));
  return out;
}

Trace ChainOptimizer::optimize_bridge(const Trace& bridge, const Trace& loop, DescrTable& descrs,
                                      const FailDescr* guard) {
  bool log_before = jitlog::enabled("jit-log-noopt-bridge"), log_after = jitlog::enabled("jit-log-opt-bridge");
  // PyPy's header: the guard the bridge leaves from (here its exit number).
  std::string header = guard ? "# bridge out of Guard " + std::to_string(guard->index()) : "# bridge";
  if (log_before)
    jitlog::write_section("jit-log-noopt-bridge", header + " : noopt with " + std::to_string(bridge.ops.size()) +
                                                      " ops\n" + print_trace(bridge));
  auto t0 = std::chrono::steady_clock::now();
  Trace out = optimize(bridge, descrs);
  jitlog::JitStats& s = jitlog::stats();
  s.optimize_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  s.bridges_optimized++;
  count_input(bridge);
  count_output(out);
  if (log_after)
    jitlog::write_section("jit-log-opt-bridge", header + " with " + std::to_string(out.ops.size()) + " ops\n" +
                                                    print_trace(out));
  return out;
}

}  // namespace rpy::jit::opt
