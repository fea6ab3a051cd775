// The flow graph: the IR every stage of the toolchain shares.
//
// As in RPython: a graph is a set of blocks; a block has input variables
// (SSA "phi" arguments), a list of operations and exits; a link carries
// values into the input variables of its target block. A Variable is local to
// the block that defines it (as an input argument or an operation result).
// Later stages annotate variables (annotator/), then give them low-level types
// and rewrite operations into low-level ones (rtyper/), in place.
#pragma once
#include <pybind11/pybind11.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rpy {

namespace py = pybind11;

struct LLType;      // rtyper/lltype.h
struct SomeValue;   // annotator/model.h
using SV = std::shared_ptr<const SomeValue>;

// A Python source file as the toolchain saw it; shared by every position in it.
struct SourceFile {
  std::string path;
  std::vector<std::string> lines;  // without newlines; lines[0] is line 1
  std::string line(int lineno) const {
    return lineno >= 1 && lineno <= (int)lines.size() ? lines[lineno - 1] : std::string();
  }
};

struct SourcePos {
  std::shared_ptr<const SourceFile> file;
  int line = 0;
  int col = 0;  // 0-based, in characters
  bool valid() const { return file && line > 0; }
  std::string str() const;  // "path:line"
};

// The one exception type for errors in the user's program. The driver turns it
// into `path:line: error: message`, the source line and a caret.
struct TranslationError : std::exception {
  SourcePos pos;
  std::string message;
  std::vector<std::pair<SourcePos, std::string>> notes;
  TranslationError(SourcePos p, std::string m) : pos(std::move(p)), message(std::move(m)) {}
  const char* what() const noexcept override { return message.c_str(); }
};

// A compile-time value. Python-level constants keep the live object too, so
// the annotator can ask it anything (identity of functions, module attributes).
struct ConstValue {
  enum Kind { None, Bool, Int, Float, Str, Object } kind = None;
  bool b = false;
  bool is_unsigned = false;  // Int: an r_uint (i holds its 64 bits)
  int64_t i = 0;
  double f = 0;
  std::string s;    // Str: UTF-8
  py::object obj;   // always set for values that came from Python

  static ConstValue from_python(py::handle h);  // raises if h is an int outside 64 bits
  // The Python object for this value (made from kind and payload when the
  // constant was created by the toolchain, not taken from Python).
  py::object to_python() const;
  bool truth() const;
  std::string repr() const;
  bool same(const ConstValue& o) const;
};

struct Value {
  const LLType* concretetype = nullptr;
  virtual ~Value() = default;
  virtual bool is_const() const = 0;
  virtual std::string repr() const = 0;
};

struct Variable : Value {
  std::string name;  // a hint: the Python local it holds, or "v"
  int id = 0;
  SV annotation;     // set by the annotator
  bool is_const() const override { return false; }
  std::string repr() const override;
};

struct Constant : Value {
  ConstValue value;
  // Low-level constants the rtyper makes that are not Python values
  // (a function pointer, a field name, a type): described by `llrepr`.
  std::string llrepr;
  enum LLKind { Plain, Graph, External, FieldName, Vtable } llkind = Plain;
  const void* llptr = nullptr;  // Graph: FunctionGraph*; External: ExternalFunc*; Vtable: ClassDef*
  bool is_const() const override { return true; }
  std::string repr() const override;
};

struct Block;
struct FunctionGraph;

struct SpaceOperation {
  std::string opname;
  std::vector<Value*> args;
  Variable* result = nullptr;
  SourcePos pos;
};

struct Link {
  std::vector<Value*> args;
  Block* prevblock = nullptr;
  Block* target = nullptr;
  // The exit case this link is taken for: nullopt for the single exit of a
  // block without exitswitch; a Bool for a boolean switch.
  std::optional<ConstValue> exitcase;
  // Where each arg was last assigned (for "came from" in type conflicts).
  std::vector<SourcePos> argpos;
  SourcePos pos;  // the statement that transfers control
  // On the exception exit of a block that can raise: the variable, listed in
  // `args`, that receives the exception instance. It is defined by the link
  // itself, not by the block.
  Variable* last_exc_value = nullptr;
};

struct Block {
  std::vector<Variable*> inputargs;
  std::vector<SpaceOperation> operations;
  // A Bool variable for two-way exits; or the graph's `last_exception`
  // marker: the last operation can raise, exits[0] is taken when it does
  // not, exits[1] (carrying last_exc_value) when it does.
  Value* exitswitch = nullptr;
  std::vector<Link*> exits;
  bool is_final = false;  // return block and except block
  int id = 0;
  bool annotated = false;  // reached by the annotator
  // The header of a loop: the annotator does not keep constants in its
  // inputs (the first iteration's values would freeze the loop variables
  // while a call that has not returned yet blocks the back edge).
  bool loop_header = false;
  bool canraise() const;
};

// Owns every block, link and value of one graph.
struct FunctionGraph {
  std::string name;
  Block* startblock = nullptr;
  Block* returnblock = nullptr;  // one input: the return value
  Block* exceptblock = nullptr;  // two inputs: exception type and value
  py::object func;               // the Python function it was built from (may be None)
  SourcePos pos;
  std::vector<std::string> argnames;
  Constant* last_exception();  // the exitswitch marker of blocks that can raise

  Block* new_block(std::vector<Variable*> inputargs = {});
  Link* new_link(Block* from, Block* to, std::vector<Value*> args);
  Variable* new_var(const std::string& hint = "v");
  Constant* new_const(ConstValue v);
  Constant* new_const_int(int64_t i);
  Constant* new_const_bool(bool b);
  Constant* new_const_none();
  Constant* new_const_str(const std::string& s);
  Constant* new_llconst(const std::string& repr, Constant::LLKind kind, const void* ptr = nullptr);

  // Blocks reachable from the start block, in depth-first preorder.
  std::vector<Block*> iterblocks() const;
  void remove_unreachable();
  std::string dump() const;  // the text form tests are written against

 private:
  std::vector<std::unique_ptr<Block>> blocks_;
  std::vector<std::unique_ptr<Link>> links_;
  std::vector<std::unique_ptr<Value>> values_;
  Constant* last_exception_ = nullptr;
  int next_var_id_ = 0;
  int next_block_id_ = 0;
};

std::string dump_dot(const FunctionGraph& g);  // Graphviz

}  // namespace rpy
