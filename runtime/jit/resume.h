// Leaving a trace through a guard whose fail arguments hold virtuals
// (objects the optimizer removed, VirtualValue in trace.h): the exit must
// hand the interpreter (or the bridge attached to the guard) real objects,
// so they are allocated and filled when the guard fails.
//
// ResumeData is the form an executor keeps: it no longer points into the
// trace, so a backend may compile a guard and drop the trace. Every fail
// argument, and every item of a virtual, is one of
//   - a leaf: a value the compiled code must keep for the exit (numbered in
//     first-seen order; the backend records where leaf k is at the guard),
//   - a constant (its bits),
//   - a virtual (an index into `virtuals`; sharing and cycles are kept).
// The reference executor and the x86-64 backend both materialize through
// ResumeData::materialize, so they build the same objects in the same order.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "runtime/jit/heap.h"
#include "runtime/jit/trace.h"

namespace rpy::jit {

struct ResumeRef {
  enum class Tag : uint8_t { Leaf, Const, Virtual };
  Tag tag = Tag::Leaf;
  Kind kind = Kind::Int;
  int64_t n = 0;  // Leaf: leaf index; Virtual: index in ResumeData::virtuals; Const: the 64 bits
};

struct ResumeVirtual {
  const Descr* descr = nullptr;  // StructDescr (one item per field) or ArrayDescr (one per element)
  std::vector<ResumeRef> items;
};

struct ResumeData {
  std::vector<ResumeRef> fail_args;
  std::vector<ResumeVirtual> virtuals;
  size_t n_leaves = 0;

  bool has_virtuals() const { return !virtuals.empty(); }

  // From a guard's fail arguments; `leaves` (if given) receives the leaf
  // values in leaf order, each once.
  static ResumeData build(std::span<Value* const> fail_args, std::vector<const Value*>* leaves = nullptr);

  // The fail arguments as the exit hands them over, given the run-time
  // value of each leaf: virtuals are allocated in `heap` (depth first, in
  // fail-argument order) and filled.
  std::vector<RtValue> materialize(JitHeap& heap, std::span<const RtValue> leaves) const;
};

// The values the exit needs at run time: the non-virtual, non-constant fail
// arguments and items of virtuals, each once, in first-seen order.
std::vector<const Value*> resume_leaves(std::span<Value* const> fail_args);

// build + materialize, reading each leaf with `read`.
template <class Read>
std::vector<RtValue> resume_fail_args(std::span<Value* const> fail_args, JitHeap& heap, Read&& read) {
  std::vector<const Value*> leaves;
  ResumeData data = ResumeData::build(fail_args, &leaves);
  std::vector<RtValue> values;
  values.reserve(leaves.size());
  for (const Value* v : leaves) values.push_back(read(v));
  return data.materialize(heap, values);
}

}  // namespace rpy::jit
