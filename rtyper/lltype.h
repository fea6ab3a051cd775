// Low-level types: what the rtyper turns annotations into, what codegen and
// the JIT codewriter read. Types are interned: compare them by pointer.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace rpy {

struct DictLayout;  // rtyper/rdict.h

struct LLType {
  enum Kind { Void, Signed, Unsigned, Float, Bool, Char, Ptr, Struct, Array, Func } kind;
  // Struct: name and fields in layout order; a GcStruct starts with the GC
  // header (implicit, not in `fields`). The last field may be an inlined
  // Array (a varsize struct, like the string).
  std::string struct_name;
  std::vector<std::pair<std::string, const LLType*>> fields;
  const LLType* item = nullptr;   // Array: item type; Ptr: the pointed-to type; Func: the result
  // Struct: the struct this one extends (its fields come first: instances of
  // a subclass start with their base class's layout).
  const LLType* super = nullptr;
  std::vector<const LLType*> func_args;  // Func
  bool gc = true;
  // For types the runtime defines itself (rpy.h): the C name codegen uses
  // instead of emitting a declaration.
  std::string runtime_cname;
  // Instances of a GC type get a type id in the program's type table.
  int type_id = 0;
  // A dict's (or set's) struct: what codegen needs to instantiate the
  // runtime's dict templates for it.
  const DictLayout* dict = nullptr;

  std::string name() const;
  bool is_ptr() const { return kind == Ptr; }
  bool is_gc_ptr() const { return kind == Ptr && item->gc; }
  const LLType* field_type(const std::string& f) const;  // searches the supers too
  bool is_substruct_of(const LLType* other) const;
};

namespace lltypes {
extern const LLType* const Void;
extern const LLType* const Signed;
extern const LLType* const Unsigned;
extern const LLType* const Float;
extern const LLType* const Bool;
extern const LLType* const Char;
// The runtime's string: GcStruct rpy_string {hash, length, nbytes, data[]}
const LLType* StrPtr();
// list[str]: the runtime's rpy_strlist {length, items -> rpy_strarray}.
const LLType* StrListPtr();
// The runtime's rpy_dictindex: the slots of every dict's hash index.
const LLType* DictIndexPtr();
// The runtime's exception instance (rpy_exception) and vtable (rpy_vtable).
const LLType* ExceptionPtr();
// rpython.rlib.rweakref.ref: the runtime's rpy_weakref (RPY_TID_WEAKREF), whose
// `target` the collector clears (it is not traced: docs/GC.md, Weak references).
const LLType* WeakRefPtr();
const LLType* VtablePtr();

const LLType* ptr_to(const LLType* target);
// A new GcStruct (not interned: two tuples of the same items share one, via
// the rtyper's own caches).
LLType* new_gcstruct(const std::string& name, std::vector<std::pair<std::string, const LLType*>> fields);
LLType* new_gcarray(const std::string& name, const LLType* item);
// A non-GC struct (vtables).
LLType* new_struct(const std::string& name, std::vector<std::pair<std::string, const LLType*>> fields);
const LLType* func_type(const std::vector<const LLType*>& args, const LLType* result);
// The runtime's rpy_object {hdr, typeptr}: the root of every instance struct.
const LLType* ObjectStruct();
const std::vector<const LLType*>& all_func_types();
const std::vector<const LLType*>& all_gc_types();
}  // namespace lltypes

}  // namespace rpy
