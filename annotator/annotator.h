// Whole-program type inference: annotates every variable reachable from the
// entry point with a SomeValue, iterating to a fixpoint (RPython's
// RPythonAnnotator). Blocks are reflowed when the annotations flowing into
// them generalize; calls bind the callee's parameters and read its return.
#pragma once
#include <deque>
#include <unordered_map>

#include "annotator/bookkeeper.h"

namespace rpy {

// The identity of a set of frozen objects (attribute reads are recorded per set).
std::string frozen_key(const std::vector<py::object>& objs);

class Annotator {
 public:
  explicit Annotator(Bookkeeper& bk) : bk_(bk) {}

  // Annotates the program from its entry point called with `args`.
  FuncDesc* annotate_entry(py::handle func, const std::vector<SV>& args);
  // After the fixpoint: the entry point must return an int.
  void check_entry_returns_int(FuncDesc* entry);
  // After the fixpoint: attributes read somewhere but assigned nowhere.
  void check_attributes();
  void see_prebuilt_instance(py::handle obj, ClassDef* cd);

  size_t blocks_flowed() const { return blocks_flowed_; }
  // Called every few blocks so the driver can show progress.
  std::function<void(size_t)> progress;

 private:
  Bookkeeper& bk_;
  std::deque<std::pair<FunctionGraph*, Block*>> pending_;
  std::unordered_map<Variable*, SourcePos> origin_;  // where an input's type came from
  std::set<Block*> scheduled_;
  std::map<Block*, TranslationError> blocked_;  // blocks whose last flow failed, with the error
  std::vector<Block*> blocked_order_;
  // sum() sites without a start over a list or dict with no item type yet:
  // the start (0 or 0.0) follows the item type, so they wait for an item.
  // At the fixpoint the ones still waiting sum a collection that stays empty:
  // they are released and start from the int 0, as CPython's sum([]).
  std::map<const SpaceOperation*, std::pair<FunctionGraph*, Block*>> sum_waiting_for_item_;
  std::set<const SpaceOperation*> sum_released_;
  // Graphs of the library helpers in rpython/rlib/_*.py that implement an
  // operation for the program: the program's operation they were made for.
  // An error inside one is reported there, with the helper's line as a note.
  std::unordered_map<FunctionGraph*, SourcePos> helper_origin_;
  TranslationError attribute_to_caller(FunctionGraph* g, TranslationError e) const;
  size_t blocks_flowed_ = 0;

  void schedule(FunctionGraph* g, Block* b);
  void complete();
  void flow_pending();
  void flowin(FunctionGraph* g, Block* b);
  void bind_block(FunctionGraph* g, Block* b, const std::vector<SV>& cells, const std::vector<SourcePos>& where,
                  SourcePos fallback);
  // Returns nullptr when the op cannot be annotated yet (an argument is impossible).
  SV consider_op(FunctionGraph* g, Block* b, SpaceOperation& op);
  SV consider_call(FunctionGraph* g, Block* b, SpaceOperation& op, SV f, std::vector<SV> args, const CallShape& shape);
  SV consider_builtin(const std::string& name, SpaceOperation& op, const std::vector<SV>& args, const CallShape& shape);
  // syslib (annotator/builtin_modules.cpp): math/time/os/sys functions, and
  // the operations on bytes (nullptr when `op` is not one).
  SV consider_module_builtin(const std::string& name, SpaceOperation& op, const std::vector<SV>& args,
                             const CallShape& shape);
  SV consider_bytes_op(SpaceOperation& op, const std::vector<SV>& args);
  // bytes and bytearray (annotator/bytes.cpp).
  SV consider_bytes_like_op(SpaceOperation& op, const std::vector<SV>& args);
  SV consider_bytes_method(SpaceOperation& op, const std::vector<SV>& args);
  SV consider_bytes_builtin(const std::string& name, SpaceOperation& op, const std::vector<SV>& args,
                            const CallShape& shape, bool* handled);
  // str.startswith/endswith with a tuple of prefixes (rpython.rlib._bytesops:
  // the same loop as for bytes).
  SV str_affix_tuple(SpaceOperation& op, const SV& method, const std::vector<SV>& args);
  // str methods written as RPython helpers, str.maketrans (annotator/strs.cpp).
  SV consider_str_helper_method(SpaceOperation& op, FunctionGraph* g, Block* b, const SV& method,
                                const std::vector<SV>& args, bool* handled);
  SV consider_str_maketrans(SpaceOperation& op, const std::vector<SV>& args, const CallShape& shape);
  SV bytes_helper(SpaceOperation& op, const char* fname, const std::vector<HelperArg>& where,
                  const std::vector<SV>& opargs);
  SV instantiate(FunctionGraph* g, Block* b, SpaceOperation& op, py::handle cls, const std::vector<SV>& args,
                 const CallShape& shape);
  SV getattr_instance(FunctionGraph* g, Block* b, SpaceOperation& op, const SV& obj, const std::string& name);
  SV setattr_instance(FunctionGraph* g, SpaceOperation& op, const SV& obj, const std::string& name, const SV& value);
  Attribute& attribute(ClassDef* cd, const std::string& name);
  void add_class_defaults(ClassDef* owner, const std::string& name, Attribute& at, const SourcePos& pos);
  // All the implementations a call may reach get one signature: the union of
  // their parameters (but self) and of their results.
  void unify_family(const std::vector<FuncDesc*>& descs, SpaceOperation& op);
  SV isinstance(SpaceOperation& op, Value* x, const std::vector<SV>& args);
  // A special method called by an operation (len(x) -> x.__len__()):
  // nullptr when obj's class does not define it. `slot` tells apart several
  // calls made by one operation (print's arguments).
  SV special_method(SpaceOperation& op, int slot, const SV& obj, const std::string& name, const std::vector<SV>& args,
                    bool* blocked);
  bool has_method(const SV& obj, const std::string& name);
  // Dicts and sets (annotator/dicts.cpp). `handled` false: not a dict operation.
  SV consider_dict_op(FunctionGraph* g, Block* b, SpaceOperation& op, const std::vector<SV>& args, bool* handled);
  void check_dict_pairs(SpaceOperation& op, const SV& it, const char* what);
  SV consider_dict_method(FunctionGraph* g, Block* b, SpaceOperation& op, const SV& f, const std::vector<SV>& args,
                          const CallShape& shape);
  SV consider_dict_builtin(const std::string& name, SpaceOperation& op, const std::vector<SV>& args, bool* handled);
  // Annotates the family's key hash/eq/repr helpers with its key type.
  void ensure_dict_helpers(DictDef* d, FunctionGraph* g, Block* b, const SourcePos& pos);
  // A call the toolchain makes on the program's behalf, from `site`.
  SV emulate_call(FuncDesc* d, const std::vector<SV>& args, SpaceOperation& site, FunctionGraph* g, Block* b);
  int dict_ids_ = 0;
  bool is_container(const SV& a);
  // A number for an object that names a specialization (an operation that
  // call_helper specializes a helper for, a list family, a constant), in
  // the order annotation meets them: graph and C++ names are then the same
  // from one translation to the next, unlike addresses.
  std::unordered_map<const void*, size_t> stable_ids_;
  size_t stable_id(const void* p) { return stable_ids_.emplace(p, stable_ids_.size()).first->second; }
  SV call_helper(SpaceOperation& op, int slot, const char* module, const char* fname, const std::vector<SV>& args,
                 FunctionGraph* g, Block* b);
  // Lists and the iteration builtins (annotator/lists.cpp): operations done
  // by helpers of rpython/rlib/_listops.py and _listsort.py.
  SV rlib_op_helper(SpaceOperation& op, const char* module, const char* fname, const std::vector<SV>& args,
                    const std::vector<HelperArg>& where);
  SV consider_list_op(SpaceOperation& op, const std::vector<SV>& args, bool* handled);
  SV consider_list_method(SpaceOperation& op, const SV& self, const std::string& m, const std::vector<SV>& args,
                          const CallShape& shape, bool* handled);
  SV consider_list_builtin(const std::string& name, SpaceOperation& op, const std::vector<SV>& args,
                           const CallShape& shape, bool* handled);
  void check_sortable(SpaceOperation& op, const SV& item, const SV& key);
  bool is_iterable_value(const SV& s);
  SV container_repr(SpaceOperation& op, int slot, const SV& a);
  FunctionGraph* cur_graph_ = nullptr;
  Block* cur_block_ = nullptr;
  std::string specialization_key(FuncDesc* d, const std::string& tag, const std::vector<SV>& cells,
                                 SpaceOperation& op);
  SV call_function(FuncDesc* d, FunctionGraph* caller, Block* b, SpaceOperation& op, const std::vector<SV>& args,
                   const CallShape& shape);
};

}  // namespace rpy
