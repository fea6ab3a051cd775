#include "rtyper/externals.h"

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>

#include "rtyper/rdict.h"
#include "rtyper/rmodules.h"

namespace rpy {

const ExternalFunc* external(const std::string& name) {
  using namespace lltypes;
  static const std::map<std::string, ExternalFunc> table = [] {
    const LLType* S = StrPtr();
    std::vector<ExternalFunc> v = {
        {"rpy_str_concat", {S, S}, S, false, true, "str.concat"},
        {"rpy_str_nonempty", {S}, Bool, false, true, "str.nonempty"},
        {"rpy_str_concat3", {S, S, S}, S, false, true, "str.concat3"},
        {"rpy_str_concat4", {S, S, S, S}, S, false, true, "str.concat4"},
        {"rpy_str_concat_int", {S, Signed, S}, S, false, true, "str.concat_int"},
        {"rpy_str_eq", {S, S}, Bool, false, true, "str.eq"},
        {"rpy_str_repr", {S}, S, false, true, "str.repr"},
        {"rpy_str_split", {S, S, Signed}, StrListPtr(), false, false, "str.split"},
        {"rpy_str_rsplit", {S, S, Signed}, StrListPtr(), false, false, "str.rsplit"},
        {"rpy_str_splitlines", {S, Bool}, StrListPtr(), false, false, "str.splitlines"},
        {"rpy_str_join", {S, StrListPtr()}, S, true, false, "str.join"},  // TypeError for a None item
        {"rpy_exc_str", {ExceptionPtr()}, S, false, false, ""},
        {"rpy_str_hash", {S}, Signed, false, true, "str.hash"},
        {"rpy_float_hash", {Float}, Signed, false, true, "float.hash"},
        {"rpy_int_pyhash", {Signed}, Signed, false, true, "int.pyhash"},
        {"rpy_float_pyhash", {Float}, Signed, false, true, "float.pyhash"},
        {"rpy_tuple_pyhash_step", {Signed, Signed}, Signed, false, true, "tuple.pyhash_step"},
        {"rpy_tuple_pyhash_finish", {Signed, Signed}, Signed, false, true, "tuple.pyhash_finish"},
        {"rpy_identity_hash", {ptr_to(ObjectStruct())}, Signed, false, true, "gc.identityhash"},
        {"rpy_int2str", {Signed}, S, false, true, "str.from_int"},
        {"rpy_str_or_none", {S}, S, false, true, "str.or_none"},
        {"rpy_float2str", {Float}, S, false, true, "str.from_float"},
        {"rpy_bool2str", {Bool}, S, false, true, "str.from_bool"},
        {"rpy_uint2str", {Unsigned}, S, false, true, "str.from_uint"},
        {"rpy_gc_register_finalizer", {nullptr, nullptr}, Void, false, false, "gc.register_finalizer"},
        {"rpy_str2int", {S}, Signed, true, true, "str.to_int"},
        {"rpy_str2int_base", {S, Signed}, Signed, true, true, "str.to_int_base"},
        {"rpy_str2float", {S}, Float, true, true, "str.to_float"},
        {"rpy_stdout_write", {S}, Void, false, false, "os.write_stdout"},
        {"rpy_int_pow", {Signed, Signed}, Signed, true, true, "int.pow"},
        {"rpy_float_pow", {Float, Float}, Float, true, true, "float.pow"},
        {"rpy_float2int", {Float}, Signed, true, true, "float.to_int"},
        {"rpy_int_powmod", {Signed, Signed, Signed}, Signed, true, true, "int.powmod"},
        {"rpy_float_round", {Float}, Signed, true, true, "float.round"},
        {"rpy_float_round_ndigits", {Float, Signed}, Float, true, true, "float.round_ndigits"},
        {"rpy_int_round_ndigits", {Signed, Signed}, Signed, true, true, "int.round_ndigits"},
        // str methods (runtime/strmethods.cpp, format.cpp). Functions over
        // list[str] (split/join/splitlines), bytes and rpy_str_mod take
        // runtime types (rpy_strlist, rpy_bytes, rpy_fmtarg) that have no
        // lltype here yet.
        {"rpy_str_getitem", {S, Signed}, S, true, true, "str.getitem"},
        {"rpy_str_getitem_nonneg", {S, Signed}, S, false, true, "str.getitem_nonneg"},
        {"rpy_str_ord_at", {S, Signed}, Signed, false, true, "str.ord_at"},
        {"rpy_str_slice", {S, Signed, Signed}, S, false, true, "str.slice"},
        {"rpy_str_slice_step", {S, Signed, Signed, Signed}, S, true, true, "str.slice_step"},
        {"rpy_str_contains", {S, S}, Bool, false, true, "str.contains"},
        {"rpy_str_mul", {S, Signed}, S, true, true, "str.mul"},
        {"rpy_str_cmp", {S, S}, Signed, false, true, "str.cmp"},
        {"rpy_str_find", {S, S, Signed, Signed}, Signed, false, true, "str.find"},
        {"rpy_str_rfind", {S, S, Signed, Signed}, Signed, false, true, "str.rfind"},
        {"rpy_str_index", {S, S, Signed, Signed}, Signed, true, true, "str.index"},
        {"rpy_str_rindex", {S, S, Signed, Signed}, Signed, true, true, "str.rindex"},
        {"rpy_str_count", {S, S, Signed, Signed}, Signed, false, true, "str.count"},
        {"rpy_str_startswith", {S, S, Signed, Signed}, Bool, false, true, "str.startswith"},
        {"rpy_str_endswith", {S, S, Signed, Signed}, Bool, false, true, "str.endswith"},
        {"rpy_str_strip", {S, S}, S, false, true, "str.strip"},
        {"rpy_str_lstrip", {S, S}, S, false, true, "str.lstrip"},
        {"rpy_str_rstrip", {S, S}, S, false, true, "str.rstrip"},
        {"rpy_str_lower", {S}, S, false, true, "str.lower"},
        {"rpy_str_upper", {S}, S, false, true, "str.upper"},
        {"rpy_str_isdigit", {S}, Bool, false, true, "str.isdigit"},
        {"rpy_str_isdecimal", {S}, Bool, false, true, "str.isdecimal"},
        {"rpy_str_isnumeric", {S}, Bool, false, true, "str.isnumeric"},
        {"rpy_str_isalpha", {S}, Bool, false, true, "str.isalpha"},
        {"rpy_str_isalnum", {S}, Bool, false, true, "str.isalnum"},
        {"rpy_str_isspace", {S}, Bool, false, true, "str.isspace"},
        {"rpy_str_islower", {S}, Bool, false, true, "str.islower"},
        {"rpy_str_isupper", {S}, Bool, false, true, "str.isupper"},
        {"rpy_str_isascii", {S}, Bool, false, true, "str.isascii"},
        {"rpy_str_istitle", {S}, Bool, false, true, "str.istitle"},
        {"rpy_str_isprintable", {S}, Bool, false, true, "str.isprintable"},
        {"rpy_str_isidentifier", {S}, Bool, false, true, "str.isidentifier"},
        {"rpy_str_capitalize", {S}, S, false, true, "str.capitalize"},
        {"rpy_str_title", {S}, S, false, true, "str.title"},
        {"rpy_str_swapcase", {S}, S, false, true, "str.swapcase"},
        {"rpy_str_casefold", {S}, S, false, true, "str.casefold"},
        {"rpy_str_expandtabs", {S, Signed}, S, true, true, "str.expandtabs"},
        {"rpy_str_replace", {S, S, S, Signed}, S, false, true, "str.replace"},
        {"rpy_str_zfill", {S, Signed}, S, false, true, "str.zfill"},
        {"rpy_str_ljust", {S, Signed, S}, S, true, true, "str.ljust"},
        {"rpy_str_rjust", {S, Signed, S}, S, true, true, "str.rjust"},
        {"rpy_str_center", {S, Signed, S}, S, true, true, "str.center"},
        {"rpy_str_ord", {S}, Signed, true, true, "str.ord"},
        {"rpy_chr", {Signed}, S, true, true, "str.chr"},
        {"rpy_str_ascii", {S}, S, false, true, "str.ascii"},
        {"rpy_format_int", {Signed, S}, S, true, true, "str.format_int"},
        {"rpy_format_uint", {Unsigned, S}, S, true, true, "str.format_uint"},
        {"rpy_format_float", {Float, S}, S, true, true, "str.format_float"},
        {"rpy_format_str", {S, S}, S, true, true, "str.format_str"},
        {"rpy_format_bool", {Bool, S}, S, true, true, "str.format_bool"},
        {"rpy_none2str", {}, S, false, true, "str.from_none"},
        {"rpy_int_tohex", {Signed}, S, false, true, "str.hex"},
        {"rpy_int_tooct", {Signed}, S, false, true, "str.oct"},
        {"rpy_int_tobin", {Signed}, S, false, true, "str.bin"},
    };
    v.insert(v.end(), syslib_externals().begin(), syslib_externals().end());  // syslib
    // rpython.rlib.rbigint (runtime/bigint.cpp): big integers are bytes in
    // GMP's layout; results are new objects, so the functions are pure.
    {
      const LLType* B = BytesPtr();
      std::vector<ExternalFunc> bi = {
          {"rpy_bigint_fromint", {Signed}, B, false, true, "bigint.fromint"},
          {"rpy_bigint_fromstr", {S, Signed}, B, true, true, "bigint.fromstr"},
          {"rpy_bigint_fromfloat", {Float}, B, true, true, "bigint.fromfloat"},
          {"rpy_bigint_tostr", {B, Signed}, S, false, true, "bigint.tostr"},
          {"rpy_bigint_toint", {B}, Signed, true, true, "bigint.toint"},
          {"rpy_bigint_tofloat", {B}, Float, true, true, "bigint.tofloat"},
          {"rpy_bigint_binop", {Signed, B, B}, B, true, true, "bigint.binop"},
          {"rpy_bigint_truediv", {B, B}, Float, true, true, "bigint.truediv"},
          {"rpy_bigint_unop", {Signed, B}, B, false, true, "bigint.unop"},
          {"rpy_bigint_pow", {B, B}, B, true, true, "bigint.pow"},
          {"rpy_bigint_powmod", {B, B, B}, B, true, true, "bigint.powmod"},
          {"rpy_bigint_lshift", {B, Signed}, B, true, true, "bigint.lshift"},
          {"rpy_bigint_rshift", {B, Signed}, B, true, true, "bigint.rshift"},
          {"rpy_bigint_cmp", {B, B}, Signed, false, true, "bigint.cmp"},
          {"rpy_bigint_sign", {B}, Signed, false, true, "bigint.sign"},
          {"rpy_bigint_hash", {B}, Signed, false, true, "bigint.hash"},
          {"rpy_bigint_bit_length", {B}, Signed, false, true, "bigint.bit_length"},
      };
      v.insert(v.end(), bi.begin(), bi.end());
    }
    // Functions that never allocate GC memory (and never raise, which
    // would allocate the exception): calls to them need no shadow-stack
    // pushes around them.
    static const char* const no_collect[] = {
        "rpy_str_nonempty", "rpy_bytes_nonempty", "rpy_bytearray_nonempty",
        "rpy_str_eq", "rpy_str_hash", "rpy_float_hash", "rpy_identity_hash", "rpy_gc_register_finalizer",
        "rpy_stdout_write", "rpy_str_ord_at", "rpy_str_contains", "rpy_str_cmp", "rpy_str_find",
        "rpy_str_rfind", "rpy_str_count", "rpy_str_startswith", "rpy_str_endswith", "rpy_str_isdigit",
        "rpy_str_isdecimal", "rpy_str_isnumeric", "rpy_str_isalpha", "rpy_str_isalnum", "rpy_str_isspace",
        "rpy_str_islower", "rpy_str_isupper", "rpy_str_isascii", "rpy_str_istitle", "rpy_str_isprintable",
        "rpy_str_isidentifier", "rpy_weakref_deref", "rpy_gc_can_move_obj", "rpy_gc_unpin",
        "rpy_gc_is_pinned", "rpy_gc_get_stat", "rpy_bigint_cmp", "rpy_bigint_sign", "rpy_bigint_hash",
        "rpy_bigint_bit_length", "rpy_bytes_eq", "rpy_bytes_hash", "rpy_bytes_cmp", "rpy_bytes_contains", "rpy_bytes_find",
        "rpy_bytes_rfind", "rpy_bytes_count", "rpy_bytearray_reverse", "rpy_bytearray_clear",
    };
    // The in-place bytearray views (rpy_bview_*) only read, except concat.
    for (auto& f : v)
      if (f.name.rfind("rpy_bview_", 0) == 0 && f.name.rfind("rpy_bview_concat", 0) != 0) f.cancollect = false;
    for (auto& f : v)
      for (const char* n : no_collect)
        if (f.name == n) {
          if (f.canraise) {
            std::fprintf(stderr, "internal error: %s can raise, so it can collect\n", n);
            std::abort();
          }
          f.cancollect = false;
        }
    std::map<std::string, ExternalFunc> m;
    for (auto& f : v) m[f.name] = f;
    return m;
  }();
  auto it = table.find(name);
  if (it == table.end()) {
    std::fprintf(stderr, "internal error: unknown runtime function %s\n", name.c_str());
    std::abort();
  }
  return &it->second;
}

const ExternalFunc* dict_slot_external(const std::string& name, const LLType* dict) {
  using namespace lltypes;
  // LLTypes live as long as the process, so they can key this.
  static std::deque<ExternalFunc> store;
  static std::map<std::pair<std::string, const LLType*>, const ExternalFunc*> index;
  if (auto it = index.find({name, dict}); it != index.end()) return it->second;
  const DictLayout* L = dict->dict;
  const LLType* D = ptr_to(dict);
  ExternalFunc e;
  e.name = name;
  e.template_arg = dict;
  e.elidable = false;  // they read (or write) the dict
  // The lookup runs only the key's plain hash and == (the rewrite is not
  // done for custom_eq layouts): it cannot raise or allocate, as
  // runtime/dict.h's unrooted lookups already assume. The reads at a slot
  // only index arrays; getitem_at raises KeyError (allocating it), and
  // store_at may resize (allocating, MemoryError).
  if (name == "rpy_dict_lookup_slot") {
    e.args = {D, L->key};
    e.result = Signed;
    e.canraise = e.cancollect = false;
    e.oopspec = "dict.lookup_slot";
  } else if (name == "rpy_dict_get_at") {
    e.args = {D, Signed, L->key, L->value};
    e.result = L->value;
    e.canraise = e.cancollect = false;
    e.oopspec = "dict.get_at";
  } else if (name == "rpy_dict_getitem_at") {
    e.args = {D, Signed, L->key};
    e.result = L->value;
    e.canraise = e.cancollect = true;
    e.oopspec = "dict.getitem_at";
  } else if (name == "rpy_dict_contains_at") {
    e.args = {D, Signed};
    e.result = Bool;
    e.canraise = e.cancollect = false;
    e.oopspec = "dict.contains_at";
  } else if (name == "rpy_dict_store_at") {
    e.args = {D, Signed, L->key};
    if (L->value != Void) e.args.push_back(L->value);
    e.result = Void;
    e.canraise = e.cancollect = true;
    e.oopspec = "dict.store_at";
  } else if (name == "rpy_dict_entry_value") {  // as the rtyper makes it for iteration
    e.args = {D, Signed};
    e.result = L->value;
    e.canraise = e.cancollect = false;
    e.oopspec = "dict.entry_value";
  } else {
    std::fprintf(stderr, "internal error: unknown dict slot function %s\n", name.c_str());
    std::abort();
  }
  store.push_back(std::move(e));
  return index[{name, dict}] = &store.back();
}

}  // namespace rpy
