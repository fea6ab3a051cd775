// The text form of traces, as RPython's logs and oparser write it:
//   descr T = struct(value: i, next: r)
//   [i0, p1]
//   i2 = int_add(i0, 1)
//   guard_true(i2) [i0]
//   jump(i2, p1, descr=loop)
// parse(print(x)) prints as print(x). docs/JIT_IR.md describes the format.
#pragma once
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "runtime/jit/trace.h"

namespace rpy::jit {

// Names of the values of one trace: the parsed name when there is one,
// otherwise a fresh one with the kind's prefix (i, p, f) that no other value
// of the trace uses.
class ValueNamer {
 public:
  explicit ValueNamer(const Trace& trace);
  const std::string& name_of(const Value* v);

 private:
  std::unordered_map<const Value*, std::string> names_;
  std::unordered_set<std::string> used_;
  int counter_ = 0;
};

std::string format_const(const Const& c);
std::string format_descr_declaration(const Descr& d);

// One operation line. `exit_index` is the number this line would have in
// the printed file; a guard whose FailDescr has another number prints it
// (descr=<exitN>) so the exit numbers survive reordering passes.
std::string format_op(const Op& op, ValueNamer& names, int exit_index = -1);

// The input-argument line and the operations; `first_index` is the ordinal
// of the first operation line.
std::string print_trace(const Trace& trace, int first_index = 0);
// Descr declarations, the loop, then each bridge as `bridge N:` + its trace.
std::string print_trace_file(const TraceFile& file);

}  // namespace rpy::jit
