// Leaving a trace through a guard whose fail arguments hold virtuals
// (objects the optimizer removed, VirtualValue in trace.h): the exit must
// hand the interpreter real objects, so they are allocated and filled here.
// The reference executor uses this; a machine-code backend saves the
// `resume_leaves` of a guard in its frame and calls `resume_fail_args`
// with a reader over that frame.
#pragma once
#include <functional>
#include <vector>

#include "runtime/jit/heap.h"
#include "runtime/jit/trace.h"

namespace rpy::jit {

// The values the exit needs at run time: the non-virtual, non-constant fail
// arguments and items of virtuals, each once, in first-seen order.
std::vector<const Value*> resume_leaves(const std::vector<Value*>& fail_args);

// The fail arguments as the exit hands them over: leaves read by `read`,
// constants as they are, virtuals allocated in `heap` (once each, sharing
// and cycles kept) and filled.
std::vector<RtValue> resume_fail_args(const std::vector<Value*>& fail_args, JitHeap& heap,
                                      const std::function<RtValue(const Value*)>& read);

}  // namespace rpy::jit
