// A chain of string concatenations, `prev + "+" + w` or `"<" + name + ">"`,
// is rpy_str_concat(rpy_str_concat(a, b), c) as the rtyper leaves it: the
// intermediate string is allocated, filled and dropped at once. When an
// intermediate feeds only the next concatenation of its block, the chain
// becomes one rpy_str_concat3 / rpy_str_concat4 (runtime/str.cpp): one
// allocation, each piece copied once. Strings are immutable and the pieces
// are SSA values, so evaluating the chain at its last link reads the same
// pieces. Concatenation is associative, so a + (b + c) joins too.
//
// A decimal int among the pieces, `"w" + str(i)`, `"<" + str(n) + ">"` or
// `"<%d>" % n` (rpy_format_int with spec "d"),
// is formatted into the result: rpy_str_concat_int(prefix, i, suffix)
// allocates once where rpy_int2str and the concatenation allocated twice
// (names and keys built in loops are the common case).
//
// The calls stay direct_calls with an oopspec (str.concat3, str.concat4,
// str.concat_int), visible to the JIT as string operations (SPEC rule 1).
#include <unordered_map>
#include <unordered_set>

#include "backendopt/backendopt.h"
#include "rtyper/externals.h"

namespace rpy {

namespace {

constexpr size_t kMaxPieces = 4;

bool is_str_concat(const SpaceOperation& op) {
  const ExternalFunc* f = called_external(op);
  return f && op.args.size() == 3 && f->name == "rpy_str_concat";
}

// str(n), or "%d" % n / format(n, "d"): the decimal digits of an int.
bool is_int2str(const SpaceOperation& op) {
  const ExternalFunc* f = called_external(op);
  if (f && op.args.size() == 2 && f->name == "rpy_int2str") return true;
  if (!f || op.args.size() != 3 || f->name != "rpy_format_int") return false;
  auto* spec = dynamic_cast<const Constant*>(op.args[2]);
  return spec && spec->llkind == Constant::Plain && spec->value.kind == ConstValue::Str &&
         (spec->value.s == "d" || spec->value.s.empty());
}

std::unordered_map<const Value*, size_t> count_uses(FunctionGraph* g) {
  std::unordered_map<const Value*, size_t> uses;
  for (Block* b : g->iterblocks()) {
    for (const SpaceOperation& op : b->operations)
      for (const Value* a : op.args) uses[a]++;
    for (const Link* l : b->exits)
      for (const Value* a : l->args) uses[a]++;
    if (b->exitswitch) uses[b->exitswitch]++;
  }
  return uses;
}

}  // namespace

size_t fuse_str_concats(FunctionGraph* g) {
  std::unordered_map<const Value*, size_t> uses;
  bool counted = false;
  size_t fused = 0;
  for (Block* b : g->iterblocks()) {
    // The pieces each concatenation of this block joins so far, by result.
    std::unordered_map<const Value*, std::pair<size_t, std::vector<Value*>>> chains;
    std::unordered_set<const Value*> int_fused;  // chains ending in rpy_str_concat_int
    std::vector<bool> dropped(b->operations.size(), false);
    for (size_t i = 0; i < b->operations.size(); ++i) {
      SpaceOperation& op = b->operations[i];
      if (!is_str_concat(op) || !op.result) continue;
      if (!counted) {
        uses = count_uses(g);
        counted = true;
      }
      std::vector<Value*> pieces;
      std::vector<size_t> absorbed;
      for (size_t k = 1; k <= 2; ++k) {
        Value* a = op.args[k];
        auto it = chains.find(a);
        size_t rest = k == 1 ? 1 : 0;  // the right operand still to add
        if (it != chains.end() && uses[a] == 1 && pieces.size() + it->second.second.size() + rest <= kMaxPieces) {
          pieces.insert(pieces.end(), it->second.second.begin(), it->second.second.end());
          absorbed.push_back(it->second.first);
        } else {
          pieces.push_back(a);
        }
      }
      for (size_t j : absorbed) dropped[j] = true;
      fused += absorbed.size();
      chains[op.result] = {i, pieces};
    }
    if (chains.empty()) continue;
    // Decimal ints of this block that only a concatenation reads: their
    // op index, by result.
    std::unordered_map<const Value*, size_t> int_texts;
    for (size_t i = 0; i < b->operations.size(); ++i) {
      const SpaceOperation& op = b->operations[i];
      if (is_int2str(op) && op.result && uses[op.result] == 1) int_texts[op.result] = i;
    }
    for (size_t i = 0; i < b->operations.size(); ++i) {
      const Variable* result = b->operations[i].result;
      auto found = chains.find(result);
      if (found == chains.end()) continue;
      std::vector<Value*>& pieces = found->second.second;
      if (dropped[i] || pieces.size() > 3) continue;
      // The one piece that may be formatted in place: the middle of three,
      // either of two.
      size_t at = pieces.size() == 3 ? 1 : int_texts.count(pieces[0]) ? 0 : 1;
      auto it = int_texts.find(pieces[at]);
      if (it == int_texts.end()) continue;
      size_t other = pieces.size() == 3 ? 0 : 1 - at;
      Constant* empty = g->new_const_str("");
      empty->concretetype = pieces[other]->concretetype;
      Value* prefix = pieces.size() == 3 || at == 1 ? pieces[0] : empty;
      Value* suffix = pieces.size() == 3 ? pieces[2] : at == 0 ? pieces[1] : empty;
      pieces = {prefix, b->operations[it->second].args[1], suffix};
      dropped[it->second] = true;
      int_fused.insert(result);
      ++fused;
    }
    std::vector<SpaceOperation> kept;
    kept.reserve(b->operations.size());
    for (size_t i = 0; i < b->operations.size(); ++i) {
      if (dropped[i]) continue;
      SpaceOperation& op = b->operations[i];
      if (op.result) {
        auto it = chains.find(op.result);
        if (it != chains.end() && (it->second.second.size() > 2 || int_fused.count(op.result))) {
          const std::vector<Value*>& pieces = it->second.second;
          std::string name = int_fused.count(op.result) ? "rpy_str_concat_int"
                                                       : "rpy_str_concat" + std::to_string(pieces.size());
          Constant* c = g->new_llconst(name, Constant::External, external(name));
          c->concretetype = lltypes::Void;
          std::vector<Value*> args{c};
          args.insert(args.end(), pieces.begin(), pieces.end());
          op.args = std::move(args);
        }
      }
      kept.push_back(std::move(op));
    }
    b->operations = std::move(kept);
  }
  return fused;
}

}  // namespace rpy
