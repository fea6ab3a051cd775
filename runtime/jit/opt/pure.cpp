// Common subexpression elimination of pure operations (RPython's pure.py):
// an always-pure operation, or a call whose EffectInfo says elidable, with
// the same arguments as an earlier one is replaced by that one's result.
// An elidable call on constant numbers is computed now, as RPython does.
// int_*_ovf followed by guard_no_overflow counts too: once one passed, an
// identical one cannot overflow, so both it and its guard go. Likewise an
// elidable call that can raise, followed by guard_no_exception: once one
// returned normally, an identical one would too.
#include <unordered_map>

#include "runtime/jit/cfunction.h"
#include "runtime/jit/opt/optimizeopt.h"

namespace rpy::jit::opt {

namespace {

constexpr size_t kMaxKeyArgs = 4;

struct Key {
  Opcode opcode;
  uint8_t nargs;
  const Descr* descr;
  Value* args[kMaxKeyArgs];
  bool operator==(const Key& o) const {
    if (opcode != o.opcode || nargs != o.nargs || descr != o.descr) return false;
    for (size_t k = 0; k < nargs; k++)
      if (args[k] != o.args[k]) return false;
    return true;
  }
};

struct KeyHash {
  size_t operator()(const Key& k) const {
    size_t h = static_cast<size_t>(k.opcode) * 0x9E3779B97F4A7C15ull ^ reinterpret_cast<uintptr_t>(k.descr);
    for (size_t i = 0; i < k.nargs; i++) h = (h ^ reinterpret_cast<uintptr_t>(k.args[i])) * 0x100000001B3ull;
    return h;
  }
};

class OptPure final : public Optimization {
 public:
  std::string_view name() const override { return "pure"; }

  void reset() override {
    table_.clear();
    pending_ovf_ = nullptr;
    drop_ovf_guard_ = false;
  }

  void propagate(Op* op) override {
    const OpInfo& info = op->info();
    if (op->opcode() == Opcode::guard_no_overflow || op->opcode() == Opcode::guard_no_exception ||
        op->opcode() == Opcode::guard_exception) {
      bool confirms = op->opcode() != Opcode::guard_exception;  // the op before it did not overflow / raise
      if (drop_ovf_guard_) {
        drop_ovf_guard_ = false;
        return;
      }
      next(op);
      if (pending_ovf_ && confirms) table_.emplace(pending_key_, pending_ovf_);
      pending_ovf_ = nullptr;
      return;
    }
    bool elidable_call = info.is_call() && op->call_descr() && op->call_descr()->effects().is_elidable();
    bool pure = (info.is_always_pure() && op->opcode() != Opcode::same_as_i && op->opcode() != Opcode::same_as_r &&
                 op->opcode() != Opcode::same_as_f) || elidable_call;
    if (!pure && !info.is_ovf()) {
      next(op);
      return;
    }
    if (elidable_call && fold_call(op)) return;
    Key key;
    if (!make_key(op, key)) {
      next(op);
      return;
    }
    auto it = table_.find(key);
    bool raising_call = elidable_call && op->call_descr()->effects().can_raise();
    if (info.is_ovf() || raising_call) {
      // Shared only when the earlier one was confirmed by its guard and
      // this one is checked by the same kind of guard, which goes too.
      Opcode confirming = info.is_ovf() ? Opcode::guard_no_overflow : Opcode::guard_no_exception;
      const Op* after = ctx->peek_input();
      if (it != table_.end() && after && after->opcode() == confirming) {
        ctx->forward(op, it->second);
        drop_ovf_guard_ = true;
        return;
      }
      next(op);
      pending_ovf_ = op;
      pending_key_ = key;
      return;
    }
    if (it != table_.end()) {
      ctx->forward(op, it->second);
      return;
    }
    next(op);
    table_.emplace(key, op);
  }

  void export_short(std::vector<ShortOp>& out, const std::unordered_set<const Value*>& allowed) override {
    for (auto& [key, result] : table_) {
      bool ok = true;
      for (size_t k = 0; k < key.nargs && ok; k++) ok = key.args[k]->is_const() || allowed.count(ctx->resolve(key.args[k]));
      if (!ok) continue;
      if (key.opcode == Opcode::int_add_ovf || key.opcode == Opcode::int_sub_ovf || key.opcode == Opcode::int_mul_ovf)
        continue;
      Value* r = ctx->resolve(result);
      if (r->is_const()) continue;
      ShortOp s{key.opcode, std::vector<Value*>(key.args, key.args + key.nargs), const_cast<Descr*>(key.descr), r};
      out.push_back(std::move(s));
    }
  }

  void import_short(const ShortOp& s) override {
    if (!op_info(s.opcode).is_always_pure() && !op_info(s.opcode).is_call()) return;
    if (s.args.size() > kMaxKeyArgs) return;
    Key key{s.opcode, static_cast<uint8_t>(s.args.size()), s.descr, {}};
    for (size_t k = 0; k < s.args.size(); k++) key.args[k] = s.args[k];
    normalize(key);
    table_.emplace(key, s.result);
  }

 private:
  bool make_key(Op* op, Key& key) {
    if (op->args.size() > kMaxKeyArgs) return false;
    key.opcode = op->opcode();
    key.nargs = static_cast<uint8_t>(op->args.size());
    key.descr = op->descr;
    for (size_t k = 0; k < op->args.size(); k++) {
      Value* a = ctx->resolve(op->args[k]);
      if (ctx->vinfo(a)) return false;  // a virtual argument: it will be forced, not shared
      key.args[k] = a;
    }
    normalize(key);
    return true;
  }

  static void normalize(Key& key) {
    if (op_info(key.opcode).has(Commutative) && key.nargs == 2 && key.args[0]->id() > key.args[1]->id())
      std::swap(key.args[0], key.args[1]);
  }

  // An elidable call on int and float constants, computed now.
  bool fold_call(Op* op) {
    const CallDescr* cd = op->call_descr();
    const CFunction* f = cd->function();
    if (!f || !f->invoke || op->kind() == Kind::Ref || op->kind() == Kind::Void || cd->effects().can_raise()) return false;
    std::vector<RtValue> args;
    for (Value* a : op->args) {
      const Const* c = ctx->as_const(a);
      if (!c || c->kind() == Kind::Ref) return false;
      args.push_back(c->rt_value());
    }
    RtValue r = f->invoke(args.data());
    r.kind = op->kind();
    ctx->forward(op, ctx->out.constant(r));
    return true;
  }

  std::unordered_map<Key, Value*, KeyHash> table_;
  Op* pending_ovf_ = nullptr;
  Key pending_key_{};
  bool drop_ovf_guard_ = false;
};

}  // namespace

std::unique_ptr<Optimization> make_pure() { return std::make_unique<OptPure>(); }

}  // namespace rpy::jit::opt
