// The rtyper's side of the standard-module functions (math, time, os,
// os.path, sys; the table is annotator/builtin_modules.cpp) and of bytes:
// each becomes a direct_call to a runtime function whose effects are
// declared here (runtime/mathmod.cpp, timemod.cpp, os.cpp, bytes.cpp).
#include "rtyper/rmodules.h"

#include <fmt/format.h>

#include "annotator/builtin_modules.h"
#include "rtyper/rtyper.h"

namespace rpy {

using namespace lltypes;

const LLType* BytesPtr() {
  static const LLType* p = [] {
    const LLType* str = StrPtr()->item;
    LLType* s = new_gcstruct("rpy_bytes", {});
    s->runtime_cname = "rpy_bytes";
    s->fields = str->fields;
    s->type_id = str->type_id;  // RPY_TID_STRING: the same layout
    return ptr_to(s);
  }();
  return p;
}

const LLType* ByteArrayPtr() {
  static const LLType* p = [] {
    LLType* s = new_gcstruct("rpy_bytearray", {{"length", Signed}, {"buf", BytesPtr()}});
    s->runtime_cname = "rpy_bytearray";
    s->type_id = 7;  // RPY_TID_BYTEARRAY
    return ptr_to(s);
  }();
  return p;
}

const std::vector<ExternalFunc>& syslib_externals() {
  static const std::vector<ExternalFunc> v = [] {
    const LLType* S = StrPtr();
    const LLType* B = BytesPtr();
    std::vector<ExternalFunc> v;
    // math: pure functions of their arguments; most raise ValueError /
    // OverflowError as CPython's math module does.
    for (const char* f : {"sqrt", "exp", "expm1", "log10", "log2", "log1p", "sin", "cos", "tan", "asin", "acos",
                          "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "log"})
      v.push_back({std::string("rpy_math_") + f, {Float}, Float, true, true, std::string("math.") + f});
    for (const char* f : {"fabs", "degrees", "radians", "modf_frac", "modf_int", "frexp_mant"})
      v.push_back({std::string("rpy_math_") + f, {Float}, Float, false, true, std::string("math.") + f});
    for (const char* f : {"pow", "atan2", "fmod", "log_base"})
      v.push_back({std::string("rpy_math_") + f, {Float, Float}, Float, true, true, std::string("math.") + f});
    for (const char* f : {"hypot", "copysign"})
      v.push_back({std::string("rpy_math_") + f, {Float, Float}, Float, false, true, std::string("math.") + f});
    for (const char* f : {"isnan", "isinf", "isfinite"})
      v.push_back({std::string("rpy_math_") + f, {Float}, Bool, false, true, std::string("math.") + f});
    v.push_back({"rpy_math_ldexp", {Float, Signed}, Float, true, true, "math.ldexp"});
    v.push_back({"rpy_math_floor", {Float}, Signed, true, true, "math.floor"});
    v.push_back({"rpy_math_ceil", {Float}, Signed, true, true, "math.ceil"});
    v.push_back({"rpy_math_frexp_exp", {Float}, Signed, false, true, "math.frexp_exp"});
    v.push_back({"rpy_math_gcd", {Signed, Signed}, Signed, false, true, "math.gcd"});
    v.push_back({"rpy_math_factorial", {Signed}, Signed, true, true, "math.factorial"});
    v.push_back({"rpy_float_hex", {Float}, S, false, true, "float.hex"});
    v.push_back({"rpy_float_fromhex", {S}, Float, true, true, "float.fromhex"});
    // time: clocks read the outside world (not elidable).
    for (const char* f : {"time", "perf_counter", "monotonic", "process_time"})
      v.push_back({std::string("rpy_time_") + f, {}, Float, false, false, ""});
    for (const char* f : {"time_ns", "perf_counter_ns", "monotonic_ns", "process_time_ns"})
      v.push_back({std::string("rpy_time_") + f, {}, Signed, false, false, ""});
    v.push_back({"rpy_time_sleep", {Float}, Void, true, false, ""});
    // os: system calls; the failing ones raise OSError (a subclass by errno).
    v.push_back({"rpy_os_write", {Signed, B}, Signed, true, false, ""});
    v.push_back({"rpy_os_read", {Signed, Signed}, B, true, false, ""});
    v.push_back({"rpy_os_open", {S, Signed, Signed}, Signed, true, false, ""});
    v.push_back({"rpy_os_close", {Signed}, Void, true, false, ""});
    v.push_back({"rpy_os_lseek", {Signed, Signed, Signed}, Signed, true, false, ""});
    v.push_back({"rpy_os_getpid", {}, Signed, false, false, ""});
    v.push_back({"rpy_os_getppid", {}, Signed, false, false, ""});
    v.push_back({"rpy_os_environ_list", {}, StrListPtr(), true, false, ""});
    v.push_back({"rpy_os_ftruncate", {Signed, Signed}, Void, true, false, ""});
    v.push_back({"rpy_os_putenv", {S, S}, Void, true, false, ""});
    v.push_back({"rpy_os_unsetenv", {S}, Void, true, false, ""});
    for (const char* f : {"unlink", "rmdir", "chdir"})
      v.push_back({std::string("rpy_os_") + f, {S}, Void, true, false, ""});
    v.push_back({"rpy_os_mkdir", {S, Signed}, Void, true, false, ""});
    v.push_back({"rpy_os_rename", {S, S}, Void, true, false, ""});
    v.push_back({"rpy_os_getcwd", {}, S, true, false, ""});
    v.push_back({"rpy_os_isatty", {Signed}, Bool, false, false, ""});
    v.push_back({"rpy_os_urandom", {Signed}, B, true, false, ""});
    v.push_back({"rpy_os_listdir", {S}, StrListPtr(), true, false, ""});
    v.push_back({"rpy_os_strerror", {Signed}, S, true, true, ""});
    v.push_back({"rpy_os_stat", {S}, Void, true, false, ""});
    v.push_back({"rpy_os_lstat", {S}, Void, true, false, ""});
    v.push_back({"rpy_os_fstat", {Signed}, Void, true, false, ""});
    v.push_back({"rpy_os_statbuf_int", {Signed}, Signed, false, false, ""});
    v.push_back({"rpy_os_statbuf_float", {Signed}, Float, false, false, ""});
    for (const char* f : {"exists", "isfile", "isdir", "islink"})
      v.push_back({std::string("rpy_os_path_") + f, {S}, Bool, true, false, ""});
    v.push_back({"rpy_os_path_getsize", {S}, Signed, true, false, ""});
    v.push_back({"rpy_os_path_join", {S, S}, S, false, true, "os.path.join"});
    v.push_back({"rpy_os_path_basename", {S}, S, false, true, "os.path.basename"});
    v.push_back({"rpy_os_path_dirname", {S}, S, false, true, "os.path.dirname"});
    v.push_back({"rpy_os_path_isabs", {S}, Bool, false, true, "os.path.isabs"});
    // sys
    v.push_back({"rpy_sys_exit", {Signed}, Void, true, false, ""});
    v.push_back({"rpy_sys_exit_msg", {S}, Void, true, false, ""});
    v.push_back({"rpy_sys_stdout_write", {S}, Signed, false, false, ""});
    v.push_back({"rpy_sys_stderr_write", {S}, Signed, false, false, ""});
    v.push_back({"rpy_stderr_write", {S}, Void, false, false, ""});
    v.push_back({"rpy_stdout_flush", {}, Void, false, false, ""});
    v.push_back({"rpy_sys_stderr_flush", {}, Void, false, false, ""});
    // bytes (runtime/bytes.cpp)
    v.push_back({"rpy_bytes_from_strconst", {S}, B, false, true, "bytes.from_const"});
    v.push_back({"rpy_str_encode", {S, S, S}, B, true, true, "str.encode"});
    v.push_back({"rpy_bytes_decode", {B, S, S}, S, true, true, "bytes.decode"});
    v.push_back({"rpy_bytes_repr", {B}, S, false, true, "bytes.repr"});
    v.push_back({"rpy_bytes_getitem", {B, Signed}, Signed, true, true, "bytes.getitem"});
    v.push_back({"rpy_bytes_slice", {B, Signed, Signed}, B, false, true, "bytes.slice"});
    v.push_back({"rpy_bytes_slice_step", {B, Signed, Signed, Signed}, B, true, true, "bytes.slice_step"});
    v.push_back({"rpy_bytes_concat", {B, B}, B, false, true, "bytes.concat"});
    v.push_back({"rpy_bytes_mul", {B, Signed}, B, true, true, "bytes.mul"});
    v.push_back({"rpy_bytes_eq", {B, B}, Bool, false, true, "bytes.eq"});
    v.push_back({"rpy_bytes_hash", {B}, Signed, false, true, "bytes.hash"});
    v.push_back({"rpy_bytes_cmp", {B, B}, Signed, false, true, "bytes.cmp"});
    v.push_back({"rpy_bytes_contains", {B, B}, Bool, false, true, "bytes.contains"});
    v.push_back({"rpy_bytes_find", {B, B, Signed, Signed}, Signed, false, true, "bytes.find"});
    v.push_back({"rpy_raise_oserror", {Signed, S}, Void, true, false, ""});
    v.push_back({"rpy_bytes_contains_int", {B, Signed}, Bool, true, true, "bytes.contains_int"});
    v.push_back({"rpy_bytes_rfind", {B, B, Signed, Signed}, Signed, false, true, "bytes.rfind"});
    v.push_back({"rpy_bytes_count", {B, B, Signed, Signed}, Signed, false, true, "bytes.count"});
    v.push_back({"rpy_bytes_zeros", {Signed}, B, true, true, "bytes.zeros"});
    v.push_back({"rpy_bytes_hex", {B}, S, false, true, "bytes.hex"});
    v.push_back({"rpy_bytes_nonempty", {B}, Bool, false, true, "bytes.nonempty"});
    v.push_back({"rpy_bytes_fromhex", {S}, B, true, true, "bytes.fromhex"});
    // bytearray (runtime/bytes.cpp): mutable, so nothing but the
    // conversions is elidable
    const LLType* BA = ByteArrayPtr();
    v.push_back({"rpy_bytearray_new", {Signed}, BA, true, false, "bytearray.new"});
    v.push_back({"rpy_bytearray_from_bytes", {B}, BA, false, false, "bytearray.from_bytes"});
    v.push_back({"rpy_bytearray_tobytes", {BA}, B, false, false, "bytearray.tobytes"});
    v.push_back({"rpy_bytearray_getitem", {BA, Signed}, Signed, true, false, "bytearray.getitem"});
    v.push_back({"rpy_bytearray_setitem", {BA, Signed, Signed}, Void, true, false, "bytearray.setitem"});
    v.push_back({"rpy_bytearray_delitem", {BA, Signed}, Void, true, false, "bytearray.delitem"});
    v.push_back({"rpy_bytearray_append", {BA, Signed}, Void, true, false, "bytearray.append"});
    v.push_back({"rpy_bytearray_extend", {BA, B}, Void, false, false, "bytearray.extend"});
    v.push_back({"rpy_bytearray_insert", {BA, Signed, Signed}, Void, true, false, "bytearray.insert"});
    v.push_back({"rpy_bytearray_pop", {BA, Signed}, Signed, true, false, "bytearray.pop"});
    v.push_back({"rpy_bytearray_remove", {BA, Signed}, Void, true, false, "bytearray.remove"});
    v.push_back({"rpy_bytearray_reverse", {BA}, Void, false, false, "bytearray.reverse"});
    v.push_back({"rpy_bytearray_clear", {BA}, Void, false, false, "bytearray.clear"});
    v.push_back({"rpy_bytearray_imul", {BA, Signed}, Void, true, false, "bytearray.imul"});
    v.push_back({"rpy_bytearray_setslice", {BA, Signed, Signed, Signed, B}, Void, true, false, "bytearray.setslice"});
    v.push_back({"rpy_bytearray_delslice", {BA, Signed, Signed, Signed}, Void, true, false, "bytearray.delslice"});
    v.push_back({"rpy_bytearray_repr", {BA}, S, false, false, "bytearray.repr"});
    // read-only operations with a bytearray operand, in place (rpy_bview_*
    // of runtime/rpy.h): not elidable, the bytearray may change between calls
    for (const char* xy : {"ab", "ba", "aa"}) {
      const LLType* X = xy[0] == 'a' ? BA : B;
      const LLType* Y = xy[1] == 'a' ? BA : B;
      std::string sfx = std::string("_") + xy;
      for (const char* f : {"find", "rfind", "count"})
        v.push_back({"rpy_bview_" + std::string(f) + sfx, {X, Y, Signed, Signed}, Signed, false, false, ""});
      v.push_back({"rpy_bview_contains" + sfx, {X, Y}, Bool, false, false, ""});
      v.push_back({"rpy_bview_eq" + sfx, {X, Y}, Bool, false, false, ""});
      v.push_back({"rpy_bview_cmp" + sfx, {X, Y}, Signed, false, false, ""});
      v.push_back({"rpy_bview_concat" + sfx, {X, Y}, X, true, false, ""});
    }
    v.push_back({"rpy_bytearray_contains_int", {BA, Signed}, Bool, true, false, ""});
    v.push_back({"rpy_bytearray_slice", {BA, Signed, Signed}, BA, false, false, ""});
    v.push_back({"rpy_bytearray_slice_step", {BA, Signed, Signed, Signed}, BA, true, false, ""});
    v.push_back({"rpy_bytearray_extend_a", {BA, BA}, Void, false, false, ""});
    v.push_back({"rpy_bytearray_mul", {BA, Signed}, BA, true, false, ""});
    v.push_back({"rpy_bytearray_decode", {BA, S, S}, S, true, false, ""});
    v.push_back({"rpy_bytearray_hex", {BA}, S, false, false, ""});
    v.push_back({"rpy_bytearray_nonempty", {BA}, Bool, false, false, ""});
    // rweakref, rgc (gc/rpygc.h)
    const LLType* O = ptr_to(ObjectStruct());
    v.push_back({"rpy_weakref_create", {O}, WeakRefPtr(), false, false, ""});
    v.push_back({"rpy_weakref_deref", {WeakRefPtr()}, O, false, false, ""});
    v.push_back({"rpy_gc_collect", {}, Void, false, false, ""});
    v.push_back({"rpy_gc_can_move_obj", {O}, Bool, false, false, ""});
    v.push_back({"rpy_gc_pin", {O}, Bool, false, false, ""});
    v.push_back({"rpy_gc_unpin", {O}, Void, false, false, ""});
    v.push_back({"rpy_gc_is_pinned", {O}, Bool, false, false, ""});
    v.push_back({"rpy_gc_add_memory_pressure", {Signed}, Void, false, false, ""});
    v.push_back({"rpy_gc_get_stat", {Signed}, Signed, false, false, ""});
    return v;
  }();
  return v;
}

namespace {
bool int_like(const SV& s) { return s->kind == SomeValue::Integer || s->kind == SomeValue::Bool; }
}  // namespace

// A b'' literal: a prebuilt str holding the bytes, copied once into a bytes
// object (they share a layout, but a prebuilt str's cached length counts
// code points).
Value* RTyper::bytes_const(const ConstValue& c) {
  ConstValue s;
  s.kind = ConstValue::Str;
  s.s = py::bytes(c.obj).cast<std::string>();
  Variable* r = call_external("rpy_bytes_from_strconst", {typed_const(s, StrPtr())});
  r->annotation = s_bytes();  // read by the operation it is an argument of
  return r;
}

bool RTyper::rtype_bytes_op(SpaceOperation& op) {
  const std::string name = op.opname.rfind("inplace_", 0) == 0 ? op.opname.substr(8) : op.opname;
  Variable* res = op.result;
  auto A = [&](size_t i) { return ann(op.args[i]); };
  auto K = [&](size_t i) { return i < op.args.size() ? A(i)->kind : SomeValue::Impossible; };
  auto nullstr = [&] { return typed_const(ConstValue{}, StrPtr()); };
  auto finish = [&](Value* r) {
    if (res->concretetype != Void && r != res) gen("same_as", {convert(r, res->concretetype)}, res->concretetype, res);
  };
  if ((name == "simple_call" || name == "call_kw") && K(0) == SomeValue::PBC && A(0)->bound_self &&
      A(0)->bound_self->kind == SomeValue::String && A(0)->method_name == "encode") {
    std::vector<Value*> args(op.args.begin() + 1, op.args.end());
    std::vector<std::string> kw = take_keyword_names(name, args);
    Value* enc = nullstr();
    Value* errors = nullstr();
    size_t npos = args.size() - kw.size();
    for (size_t i = 0; i < args.size(); ++i) {
      std::string which = i < npos ? (i == 0 ? "encoding" : "errors") : kw[i - npos];
      (which == "encoding" ? enc : errors) = args[i];
    }
    finish(call_external("rpy_str_encode", {op.args[0], enc, errors}));
    return true;
  }
  if (name == "getattr" && K(0) == SomeValue::Instance && static_cast<Constant*>(op.args[1])->value.s == "errno") {
    bool oserror = false;
    for (ClassDef* c = A(0)->classdef; c; c = c->base) oserror |= c->builtin_exception && c->name == "OSError";
    if (oserror) {
      gen("getfield", {convert(op.args[0], ExceptionPtr()), g_->new_llconst("os_errno", Constant::FieldName)}, Signed,
          res);
      return true;
    }
  }
  if (name == "getattr" && K(0) == SomeValue::String && static_cast<Constant*>(op.args[1])->value.s == "encode") {
    gen("same_as", {op.args[0]}, StrPtr(), res);
    return true;
  }
  return rtype_bytes_like_op(op);  // rtyper/rbytes.cpp
}

void RTyper::rtype_module_builtin(const std::string& name, SpaceOperation& op, std::vector<Value*> args,
                                  const std::vector<std::string>& kwnames) {
  const ModuleFunc* f = module_builtin_by_name(name);
  Variable* res = op.result;
  auto A = [&](size_t i) { return ann(args[i]); };
  auto cint = [&](int64_t v) { return typed_const(ConstValue::from_python(py::int_(v)), Signed); };
  auto finish = [&](Value* r) {
    if (res->concretetype != Void && r != res) gen("same_as", {convert(r, res->concretetype)}, res->concretetype, res);
  };
  if (f->result == 'H') {  // rpython/rlib/_mathx.py, chosen by the annotator
    if (name == "math.isclose") {  // parameter order, CPython's defaults for what is omitted
      size_t npos = args.size() - kwnames.size();
      std::vector<Value*> full(args.begin(), args.begin() + npos);
      full.resize(4, nullptr);
      static const char* const pnames[] = {"a", "b", "rel_tol", "abs_tol"};
      for (size_t i = 0; i < kwnames.size(); ++i)
        for (size_t k = 0; k < 4; ++k)
          if (kwnames[i] == pnames[k]) full[k] = args[npos + i];
      if (!full[2]) full[2] = typed_const(ConstValue::from_python(py::float_(1e-09)), Float);
      if (!full[3]) full[3] = typed_const(ConstValue::from_python(py::float_(0.0)), Float);
      args = full;
    }
    finish(helper_call(op, 0, args));
    return;
  }
  if (name == "math.floor" || name == "math.ceil" || name == "math.trunc") {
    if (int_like(A(0))) finish(convert(args[0], Signed));
    else finish(call_external(f->runtime, {args[0]}));
    return;
  }
  if (name == "math.log") {
    if (args.size() == 1) finish(call_external("rpy_math_log", {convert(args[0], Float)}));
    else finish(call_external("rpy_math_log_base", {convert(args[0], Float), convert(args[1], Float)}));
    return;
  }
  if (name == "math.modf" || name == "math.frexp") {
    bool modf = name == "math.modf";
    Value* x = convert(args[0], Float);
    Value* a = call_external(modf ? "rpy_math_modf_frac" : "rpy_math_frexp_mant", {x});
    Value* b = call_external(modf ? "rpy_math_modf_int" : "rpy_math_frexp_exp", {x});
    const LLType* pt = res->concretetype;
    Variable* t = gen("malloc", {g_->new_llconst(pt->item->struct_name, Constant::Plain)}, pt, res);
    gen("setfield", {t, g_->new_llconst("item0", Constant::FieldName), a}, Void);
    gen("setfield", {t, g_->new_llconst("item1", Constant::FieldName), b}, Void);
    return;
  }
  if (name == "math.gcd" || name == "os.path.join") {  // any number of arguments, folded pairwise
    bool gcd = name == "math.gcd";
    Value* acc = gcd ? convert(args[0], Signed) : args[0];
    for (size_t i = 1; i < args.size(); ++i)
      acc = call_external(f->runtime, {acc, gcd ? convert(args[i], Signed) : args[i]});
    if (gcd && args.size() == 1) acc = gen("int_abs", {acc}, Signed);
    finish(acc);
    return;
  }
  if (name == "sys.exit") {
    if (args.empty() || A(0)->kind == SomeValue::None) call_external("rpy_sys_exit_msg", {typed_const(ConstValue{}, StrPtr())});
    else if (int_like(A(0))) call_external("rpy_sys_exit", {convert(args[0], Signed)});
    else call_external("rpy_sys_exit_msg", {args[0]});
    return;
  }
  if (f->result == 'X') {  // os.stat(): fill an instance of rpython.rlib.ros.stat_result
    const LLType* pt = res->concretetype;
    ClassDef* cd = ann(res)->classdef;
    Variable* p = gen("malloc", {g_->new_llconst(pt->item->struct_name, Constant::Plain)}, pt, res);
    gen("setfield", {p, g_->new_llconst("typeptr", Constant::FieldName), vtable_const(cd)}, Void);
    call_external(f->runtime, {args[0]});
    static const char* const ints[] = {"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size"};
    static const char* const floats[] = {"st_atime", "st_mtime", "st_ctime"};
    for (int k = 0; k < 7; ++k)
      gen("setfield", {p, g_->new_llconst(std::string("a_") + ints[k], Constant::FieldName),
                       call_external("rpy_os_statbuf_int", {cint(k)})},
          Void);
    for (int k = 0; k < 3; ++k)
      gen("setfield", {p, g_->new_llconst(std::string("a_") + floats[k], Constant::FieldName),
                       call_external("rpy_os_statbuf_float", {cint(k)})},
          Void);
    return;
  }
  // The general case: the table's runtime function, optional arguments
  // filled with CPython's defaults.
  const ExternalFunc* ext = external(f->runtime);
  std::vector<Value*> llargs;
  for (size_t i = 0; i < ext->args.size(); ++i) {
    if (i < args.size()) {
      if (A(i)->kind == SomeValue::None) llargs.push_back(typed_const(ConstValue{}, ext->args[i]));
      else llargs.push_back(args[i]);
      continue;
    }
    if (name == "os.open" || name == "os.mkdir") llargs.push_back(cint(0777));
    else if (ext->args[i] == StrPtr()) llargs.push_back(typed_const(ConstValue{}, StrPtr()));  // None / "."
    else unsupported("internal: no default for argument " + std::to_string(i + 1) + " of " + name);
  }
  Variable* r = call_external(f->runtime, llargs, ext->result == res->concretetype ? res : nullptr);
  if (r != res) finish(r);
}

}  // namespace rpy
