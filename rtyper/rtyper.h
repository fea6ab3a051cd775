// The rtyper: gives every variable a low-level type (from its annotation)
// and rewrites high-level operations into low-level ones, in place. Its
// output is the one IR that codegen and the JIT codewriter both read.
#pragma once
#include <map>
#include <vector>

#include "annotator/bookkeeper.h"
#include "rtyper/externals.h"
#include "rtyper/lltype.h"

namespace rpy {

class RTyper {
 public:
  explicit RTyper(Bookkeeper& bk) : bk_(bk) {}

  void specialize(const std::vector<FunctionGraph*>& graphs);
  const LLType* lltype_of(const SV& s);

 private:
  Bookkeeper& bk_;
  FunctionGraph* g_ = nullptr;
  std::vector<SpaceOperation> out_;
  SourcePos pos_;
  std::map<std::vector<const LLType*>, LLType*> tuple_types_;
  std::map<const LLType*, LLType*> list_types_;

  void simplify_after_annotation(FunctionGraph* g);
  void specialize_block(Block* b);
  void specialize_link(Link* l);
  void rtype_op(SpaceOperation& op);
  void rtype_call(SpaceOperation& op);
  void rtype_builtin(const std::string& name, SpaceOperation& op, std::vector<Value*> args,
                     const std::vector<std::string>& kwnames);

  Variable* gen(const std::string& opname, std::vector<Value*> args, const LLType* restype,
                Variable* into = nullptr);
  Variable* call_external(const std::string& name, std::vector<Value*> args, Variable* into = nullptr);
  // `v` (with annotation `s`) as a value of low-level type `to`.
  Value* convert(Value* v, const LLType* to);
  Constant* typed_const(const ConstValue& c, const LLType* t);
  Value* to_str(Value* v);
  Value* to_bool(Value* v);
  SV ann(Value* v) { return bk_.annotation(v); }
  [[noreturn]] void unsupported(const std::string& what);
};

}  // namespace rpy
