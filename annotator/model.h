// The annotation lattice: what the annotator knows about each variable.
//
// Kinds, from most to least precise, mirror RPython's SomeXxx classes. Every
// value may carry the constant it is known to be. union_of() is the lattice
// join; it fails (returns nullptr) for values that can not share a
// representation, and the caller reports both sides with where they came from.
#pragma once
#include <functional>
#include <memory>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "flowspace/model.h"

namespace rpy {

struct FuncDesc;  // annotator/bookkeeper.h
struct ClassDef;  // annotator/classdef.h
struct ListDef;
struct DictDef;

struct SomeValue {
  enum Kind {
    Impossible,  // no value reaches here (yet)
    Bool,
    Integer,
    Float,
    None,
    String,
    Tuple,
    List,
    PBC,       // prebuilt constants: functions, builtins, modules, frozen objects
    Instance,  // an instance of `classdef` or of a subclass
    Class,     // a class object: `classdef` or a subclass (type(x), exception types)
    ListIter,  // iter() of a list (`listdef`)
    Dict,      // a dict, or a set when dictdef->is_set (`dictdef`)
    DictView,  // d.keys() / d.values() / d.items() (`dict_view` 'k', 'v', 'i')
    DictIter,  // iter() of a dict, a set or a view
    Bytes,     // bytes (syslib: os.read, str.encode, b'' literals); nullable like String
    ByteArray, // bytearray: mutable, shared by reference (runtime rpy_bytearray)
    WeakRef,   // rpython.rlib.rweakref.ref to an instance of `classdef` (or a subclass); nullable
  } kind = Impossible;
  bool nonneg = false;       // Integer (Bool is always non-negative)
  bool unsigned_ = false;    // Integer: an r_uint
  bool can_be_none = false;  // String, List, Instance
  std::optional<ConstValue> const_;
  std::vector<SV> items;            // Tuple
  std::shared_ptr<ListDef> listdef;  // List
  std::shared_ptr<DictDef> dictdef;  // Dict, DictView, DictIter
  char dict_view = 'k';              // DictView, DictIter: what it yields
  std::vector<FuncDesc*> descs;     // PBC of user functions, sorted by address
  ClassDef* classdef = nullptr;     // Instance; for a bound method: the receiver's class
  std::vector<ClassDef*> classdefs;  // Class: the classes it may be (sorted); a class constant: itself
  std::vector<py::object> frozen;    // PBC: the frozen prebuilt objects it may be (two or more)
  // A bound method (PBC whose descs are the implementations a call may reach):
  // the method name and the receiver's annotation.
  std::string method_name;
  SV bound_self;
  // On a bool: what each outcome proves about other variables (isinstance,
  // `is None`): the annotation a variable has on the True and False exits.
  std::vector<std::pair<Variable*, SV>> known_if_true, known_if_false;

  bool is_const() const { return const_.has_value(); }
  bool is_numeric() const { return kind == Bool || kind == Integer || kind == Float; }
  std::string str() const;     // precise, for dumps: "int>=0", "str='abc'", "tuple(int, float)"
  std::string pretty() const;  // for messages, in Python's words: "int", "str", "tuple[int, float]"
};

// Shared by every list value created at one place; generalizing the item
// generalizes every list of the family (as RPython's ListDef).
struct ListDef {
  SV item;
  bool resized = false;
  bool mutated = false;
  // Two list families that meet in one variable become one (union-find):
  // `leader` is set on the one merged away.
  std::shared_ptr<ListDef> leader;
  std::set<std::pair<FunctionGraph*, Block*>> readers;  // reflowed when item generalizes
  ListDef* find() {
    ListDef* d = this;
    while (d->leader) d = d->leader.get();
    return d;
  }
  // Set by the annotator: reflow these blocks.
  static std::function<void(const std::set<std::pair<FunctionGraph*, Block*>>&)>& reflow_hook();
  // Joins `s` into the item type; false when they can not share a list.
  bool generalize(const SV& s);
};

// Shared by every dict (or set) created at one place, as ListDef: one key
// type and one value type per family. The annotator also keeps here the
// key's hash/eq/repr helpers it annotated (rpython/rlib/_dictkeys.py), which
// the dict's code calls.
struct DictDef {
  SV key, value;
  bool is_set = false;
  std::shared_ptr<DictDef> leader;
  std::set<std::pair<FunctionGraph*, Block*>> readers;  // reflowed when key or value generalizes
  // r_dict: the user's eq and hash functions (PBCs); null for ordinary dicts.
  SV custom_eq, custom_hash;
  // The helper functions' versions for this family (FuncDesc*), and the
  // call sites the annotator emulated to annotate them.
  FuncDesc *hash_helper = nullptr, *eq_helper = nullptr, *repr_helper = nullptr;
  std::vector<std::unique_ptr<SpaceOperation>> helper_sites;
  // Where the family was first used: the helpers' calls are made from there.
  FunctionGraph* origin_graph = nullptr;
  Block* origin_block = nullptr;
  SourcePos origin_pos;
  int id = 0;
  DictDef* find() {
    DictDef* d = this;
    while (d->leader) d = d->leader.get();
    return d;
  }
  bool generalize_key(const SV& s);
  bool generalize_value(const SV& s);
};

SV s_impossible();
SV s_bool(std::optional<bool> c = {});
SV s_int(bool nonneg = false);
SV s_uint();
SV s_float();
SV s_none();
SV s_str(bool can_be_none = false);
SV s_bytes(bool can_be_none = false);
SV s_bytearray(bool can_be_none = false);
SV s_const(const ConstValue& c);  // the most precise SomeValue for a constant
SV s_tuple(std::vector<SV> items);
SV s_list(std::shared_ptr<ListDef> def);
SV s_dict(std::shared_ptr<DictDef> def);
SV s_instance(ClassDef* cd, bool can_be_none = false);
SV s_class(ClassDef* cd);
SV s_weakref(ClassDef* cd, bool can_be_none = false);
// Whether a Python object is a frozen prebuilt constant (_freeze_() is true).
bool is_frozen_object(py::handle o);

// syslib: the marker `with` leaves in variables its body did not assign.
bool is_with_unassigned(const SV& s);
// The lattice join; nullptr when the two can not be merged.
SV union_of(const SV& a, const SV& b);
// The items t[start:stop:step] selects from a tuple of n items, when the
// bounds are constants (ints or None): the source indexes, in order. False
// when a bound is not a constant; *error is set when the slice is invalid
// (a bound that is not an int, a zero step), with CPython's message.
bool const_slice_indexes(const SV& start, const SV& stop, const SV& step, size_t n, std::vector<size_t>* out,
                         std::string* error);
// Whether `general` already contains everything `specific` describes.
bool contains(const SV& general, const SV& specific);
// The same value without its constant (what a merge of two constants gives).
SV without_const(const SV& a);

}  // namespace rpy
