// The annotator's side of the standard-module functions (math, time, os,
// os.path, sys): argument checks with CPython's wording, and result types.
#include "annotator/builtin_modules.h"

#include <fmt/format.h>

#include <cstring>
#include <map>
#include <tuple>

#include "annotator/annotator.h"
#include "annotator/internal.h"

namespace rpy {

namespace {

// The table: name, parameters, required count, result, runtime function.
const std::vector<ModuleFunc>& table() {
  static const std::vector<ModuleFunc> t = [] {
    std::vector<ModuleFunc> v;
    for (const char* f : {"sqrt", "exp", "expm1", "log10", "log2", "log1p", "sin", "cos", "tan", "asin", "acos",
                          "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "fabs", "degrees", "radians"})
      v.push_back({std::string("math.") + f, "f", 1, 'f', std::string("rpy_math_") + f});
    for (const char* f : {"pow", "atan2", "hypot", "fmod", "copysign"})
      v.push_back({std::string("math.") + f, "ff", 2, 'f', std::string("rpy_math_") + f});
    for (const char* f : {"isnan", "isinf", "isfinite"})
      v.push_back({std::string("math.") + f, "f", 1, 'b', std::string("rpy_math_") + f});
    v.push_back({"math.log", "fF", 1, 'f', ""});
    v.push_back({"math.ldexp", "fi", 2, 'f', "rpy_math_ldexp"});
    v.push_back({"math.floor", "n", 1, 'i', "rpy_math_floor"});
    v.push_back({"math.ceil", "n", 1, 'i', "rpy_math_ceil"});
    v.push_back({"math.trunc", "n", 1, 'i', "rpy_float2int"});
    v.push_back({"math.modf", "f", 1, 't', ""});
    v.push_back({"math.frexp", "f", 1, 'T', ""});
    v.push_back({"math.gcd", "ii", 2, 'I', "rpy_math_gcd"});
    v.push_back({"math.factorial", "i", 1, 'I', "rpy_math_factorial"});
    // Written in RPython (rpython/rlib/_mathx.py): `runtime` names the helper.
    v.push_back({"math.isclose", "ffff", 2, 'H', "isclose"});  // rel_tol=, abs_tol= keywords
    v.push_back({"math.fsum", "u", 1, 'H', "fsum"});
    v.push_back({"math.comb", "ii", 2, 'H', "comb"});
    v.push_back({"math.perm", "iI", 1, 'H', "perm"});
    v.push_back({"math.isqrt", "i", 1, 'H', "isqrt"});

    for (const char* f : {"time", "perf_counter", "monotonic", "process_time"})
      v.push_back({std::string("time.") + f, "", 0, 'f', std::string("rpy_time_") + f});
    for (const char* f : {"time_ns", "perf_counter_ns", "monotonic_ns", "process_time_ns"})
      v.push_back({std::string("time.") + f, "", 0, 'I', std::string("rpy_time_") + f});
    v.push_back({"time.sleep", "f", 1, 'n', "rpy_time_sleep"});

    v.push_back({"os.write", "iy", 2, 'I', "rpy_os_write"});
    v.push_back({"os.read", "ii", 2, 'y', "rpy_os_read"});
    v.push_back({"os.open", "siI", 2, 'I', "rpy_os_open"});
    v.push_back({"os.close", "i", 1, 'n', "rpy_os_close"});
    v.push_back({"os.lseek", "iii", 3, 'I', "rpy_os_lseek"});
    v.push_back({"os.getpid", "", 0, 'I', "rpy_os_getpid"});
    v.push_back({"os.getppid", "", 0, 'I', "rpy_os_getppid"});
    v.push_back({"os.putenv", "ss", 2, 'n', "rpy_os_putenv"});
    v.push_back({"os.ftruncate", "ii", 2, 'n', "rpy_os_ftruncate"});
    v.push_back({"os.unsetenv", "s", 1, 'n', "rpy_os_unsetenv"});
    v.push_back({"rpython.rlib._environ._entries", "", 0, 'L', "rpy_os_environ_list"});
    v.push_back({"os.unlink", "s", 1, 'n', "rpy_os_unlink"});
    v.push_back({"os.remove", "s", 1, 'n', "rpy_os_unlink"});
    v.push_back({"os.rmdir", "s", 1, 'n', "rpy_os_rmdir"});
    v.push_back({"os.mkdir", "sI", 1, 'n', "rpy_os_mkdir"});
    v.push_back({"os.rename", "ss", 2, 'n', "rpy_os_rename"});
    v.push_back({"os.chdir", "s", 1, 'n', "rpy_os_chdir"});
    v.push_back({"os.getcwd", "", 0, 's', "rpy_os_getcwd"});
    v.push_back({"os.isatty", "i", 1, 'b', "rpy_os_isatty"});
    v.push_back({"os.urandom", "i", 1, 'y', "rpy_os_urandom"});
    v.push_back({"os.listdir", "S", 0, 'L', "rpy_os_listdir"});
    v.push_back({"os.strerror", "i", 1, 's', "rpy_os_strerror"});
    v.push_back({"os.stat", "s", 1, 'X', "rpy_os_stat"});
    v.push_back({"os.lstat", "s", 1, 'X', "rpy_os_lstat"});
    v.push_back({"os.fstat", "i", 1, 'X', "rpy_os_fstat"});
    v.push_back({"os.path.exists", "s", 1, 'b', "rpy_os_path_exists"});
    v.push_back({"os.path.isfile", "s", 1, 'b', "rpy_os_path_isfile"});
    v.push_back({"os.path.isdir", "s", 1, 'b', "rpy_os_path_isdir"});
    v.push_back({"os.path.islink", "s", 1, 'b', "rpy_os_path_islink"});
    v.push_back({"os.path.getsize", "s", 1, 'I', "rpy_os_path_getsize"});
    v.push_back({"os.path.join", "s", 1, 's', "rpy_os_path_join"});  // any number of str
    v.push_back({"os.path.basename", "s", 1, 's', "rpy_os_path_basename"});
    v.push_back({"os.path.dirname", "s", 1, 's', "rpy_os_path_dirname"});
    v.push_back({"os.path.isabs", "s", 1, 'b', "rpy_os_path_isabs"});

    v.push_back({"rpython.rlib.rfile._raise_oserror", "is", 2, 'n', "rpy_raise_oserror"});
    // rpython.rlib.rweakref / rgc (rpython/rlib/rweakref.py, rgc.py; gc/rpygc.h).
    v.push_back({"rpython.rlib.rweakref.ref", "o", 1, 'w', "rpy_weakref_create"});
    v.push_back({"rpython.rlib.rgc.collect", "", 0, 'n', "rpy_gc_collect"});
    v.push_back({"rpython.rlib.rgc.can_move", "o", 1, 'b', "rpy_gc_can_move_obj"});
    v.push_back({"rpython.rlib.rgc.pin", "o", 1, 'b', "rpy_gc_pin"});
    v.push_back({"rpython.rlib.rgc.unpin", "o", 1, 'n', "rpy_gc_unpin"});
    v.push_back({"rpython.rlib.rgc._is_pinned", "o", 1, 'b', "rpy_gc_is_pinned"});
    v.push_back({"rpython.rlib.rgc.add_memory_pressure", "i", 1, 'n', "rpy_gc_add_memory_pressure"});
    v.push_back({"rpython.rlib.rgc.get_stats", "i", 1, 'i', "rpy_gc_get_stat"});
    // rpython.rlib.rbigint's primitives: bytes in GMP's layout (runtime/bigint.cpp).
    for (auto [n, params, res] : std::initializer_list<std::tuple<const char*, const char*, char>>{
             {"fromint", "i", 'y'}, {"fromstr", "si", 'y'}, {"fromfloat", "f", 'y'}, {"tostr", "yi", 's'},
             {"toint", "y", 'i'}, {"tofloat", "y", 'f'}, {"binop", "iyy", 'y'}, {"truediv", "yy", 'f'},
             {"unop", "iy", 'y'}, {"pow", "yy", 'y'}, {"powmod", "yyy", 'y'}, {"lshift", "yi", 'y'}, {"rshift", "yi", 'y'},
             {"cmp", "yy", 'i'}, {"sign", "y", 'i'}, {"hash", "y", 'i'}, {"bit_length", "y", 'I'}})
      v.push_back({std::string("rpython.rlib.rbigint._bi_") + n, params, std::strlen(params), res,
                   std::string("rpy_bigint_") + n});
    v.push_back({"rpython.rlib.rfloat._format_float", "fs", 2, 's', "rpy_format_float"});
    v.push_back({"rpython.rlib._mathx._float_hex", "f", 1, 's', "rpy_float_hex"});
    v.push_back({"sys.exit", "E", 0, 'n', ""});
    v.push_back({"sys.stdout.write", "s", 1, 'I', "rpy_sys_stdout_write"});
    v.push_back({"sys.stderr.write", "s", 1, 'I', "rpy_sys_stderr_write"});
    v.push_back({"sys.stdout.flush", "", 0, 'n', "rpy_stdout_flush"});
    v.push_back({"sys.stderr.flush", "", 0, 'n', "rpy_sys_stderr_flush"});
    return v;
  }();
  return t;
}

// The Python object each entry names (bound methods of sys.stdout/stderr
// are new objects at each access: matched by receiver and name instead).
const std::vector<std::pair<PyObject*, const ModuleFunc*>>& objects() {
  static const std::vector<std::pair<PyObject*, const ModuleFunc*>> objs = [] {
    std::vector<std::pair<PyObject*, const ModuleFunc*>> o;
    for (const ModuleFunc& f : table()) {
      if (f.name.rfind("sys.std", 0) == 0) continue;
      size_t dot = f.name.rfind('.');
      py::object mod = py::module_::import(f.name.substr(0, dot).c_str());
      py::object fn = mod.attr(f.name.substr(dot + 1).c_str());
      o.push_back({fn.release().ptr(), &f});  // kept alive for the process
    }
    return o;
  }();
  return objs;
}

}  // namespace

const ModuleFunc* module_builtin_by_name(const std::string& name) {
  for (const ModuleFunc& f : table())
    if (f.name == name) return &f;
  return nullptr;
}

bool is_std_stream(py::handle o) {
  py::module_ sys = py::module_::import("sys");
  for (const char* n : {"stdout", "stderr", "__stdout__", "__stderr__"})
    if (o.is(sys.attr(n))) return true;
  return false;
}

const ModuleFunc* module_builtin(py::handle obj) {
  for (auto& [p, f] : objects())
    if (p == obj.ptr()) return f;
  if (PyCFunction_Check(obj.ptr()) && py::hasattr(obj, "__self__")) {
    py::object self = obj.attr("__self__");
    py::module_ sys = py::module_::import("sys");
    std::string which;
    for (const char* s : {"stdout", "stderr"})
      if (self.is(sys.attr(s)) || self.is(sys.attr((std::string("__") + s + "__").c_str()))) which = s;
    if (!which.empty()) {
      std::string n = "sys." + which + "." + obj.attr("__name__").cast<std::string>();
      if (const ModuleFunc* f = module_builtin_by_name(n)) return f;
    }
  }
  return nullptr;
}

namespace {
// Whether instances of cd are OSErrors (their errno is a runtime field).
bool is_oserror(ClassDef* cd) {
  for (ClassDef* c = cd; c; c = c->base)
    if (c->builtin_exception && c->name == "OSError") return true;
  return false;
}
bool int_like(const SV& s) { return s->kind == SomeValue::Integer || s->kind == SomeValue::Bool; }
}  // namespace

SV Annotator::consider_module_builtin(const std::string& name, SpaceOperation& op, const std::vector<SV>& args,
                                      const CallShape& shape) {
  const ModuleFunc* f = module_builtin_by_name(name);
  auto fail = [&](const std::string& msg) -> SV { throw TranslationError(op.pos, msg); };
  std::vector<SV> full;  // math.isclose: the arguments in parameter order
  if (name == "math.isclose") {
    size_t npos = args.size() - shape.kwnames.size();
    if (npos > 2) fail(fmt::format("isclose() takes exactly 2 positional arguments ({} given)", npos));
    full.assign(args.begin(), args.begin() + npos);
    full.resize(4);
    static const char* const pnames[] = {"a", "b", "rel_tol", "abs_tol"};
    for (size_t i = 0; i < shape.kwnames.size(); ++i) {
      size_t k = 0;
      while (k < 4 && shape.kwnames[i] != pnames[k]) ++k;
      if (k == 4) fail(fmt::format("'{}' is an invalid keyword argument for isclose()", shape.kwnames[i]));
      if (full[k]) fail(fmt::format("argument for isclose() given by name ('{}') and position ({})", pnames[k], k + 1));
      full[k] = args[npos + i];
    }
    for (size_t k = 0; k < 2; ++k)
      if (!full[k]) fail(fmt::format("isclose() missing required argument '{}' (pos {})", pnames[k], k + 1));
    for (size_t k = 0; k < 4; ++k) {
      if (!full[k]) full[k] = s_float();
      else if (!full[k]->is_numeric()) fail(fmt::format("must be real number, not {}", full[k]->pretty()));
    }
    if (!call_helper(op, 0, "rpython.rlib._mathx", "isclose", full, cur_graph_, cur_block_)) return nullptr;
    return s_bool();
  }
  if (!shape.kwnames.empty()) fail(name + "() takes no keyword arguments here");
  bool varargs = name == "os.path.join" || name == "math.gcd";
  if (args.size() < f->required || (!varargs && args.size() > f->params.size())) {
    if (f->required == f->params.size())
      fail(fmt::format("{}() takes exactly {} argument{} ({} given)", name, f->required, f->required == 1 ? "" : "s",
                       args.size()));
    fail(fmt::format("{}() takes from {} to {} arguments ({} given)", name, f->required, f->params.size(),
                     args.size()));
  }
  for (size_t i = 0; i < args.size(); ++i) {
    char k = std::tolower(f->params[std::min(i, f->params.size() - 1)]);
    const SV& a = args[i];
    std::string want;
    switch (k) {
      case 'f':
      case 'n':
        if (!a->is_numeric()) want = "must be real number";
        break;
      case 'i':
        if (!int_like(a)) want = "cannot be interpreted as an integer";
        break;
      case 's':
        if (a->kind != SomeValue::String || a->can_be_none) want = "must be str";
        break;
      case 'y':
        if (a->kind != SomeValue::Bytes || a->can_be_none) want = "must be bytes";
        break;
      case 'o':  // rweakref, rgc: an instance (CPython: no weakref to None, an int, a str...)
        if (a->kind != SomeValue::Instance)
          fail(name == "rpython.rlib.rweakref.ref"
                   ? fmt::format("cannot create weak reference to '{}' object", pyname(a))
                   : fmt::format("{}() needs an instance, not {}", name.substr(name.rfind('.') + 1), a->pretty()));
        if (a->can_be_none)
          fail(fmt::format("{}() of a {}: test it against None first", name.substr(name.rfind('.') + 1), a->pretty()));
        break;
      case 'u':  // math.fsum: an iterable; _mathx.fsum refuses items that are not numbers
        break;
      case 'e':  // sys.exit: an int, a str or None
        if (!(int_like(a) || a->kind == SomeValue::None || (a->kind == SomeValue::String && !a->can_be_none)))
          want = "must be an int, a str or None";
        break;
      default:
        if (!(a->kind == SomeValue::None || a->kind == SomeValue::String)) want = "must be str or None";
    }
    if (!want.empty()) fail(fmt::format("{}() argument {} {}, not {}", name, i + 1, want, a->pretty()));
  }
  switch (f->result) {
    case 'H': {  // rpython/rlib/_mathx.py
      std::string helper = name == "math.perm" && args.size() == 1 ? "perm1" : f->runtime;
      return call_helper(op, 0, "rpython.rlib._mathx", helper.c_str(), args, cur_graph_, cur_block_);
    }
    case 'f': return s_float();
    case 'i': return s_int();
    case 'I': return s_int(true);
    case 'b': return s_bool();
    case 's': return s_str();
    case 'S': return s_str(true);
    case 'y': return s_bytes();
    case 'n': return s_none();
    case 'w': return s_weakref(args[0]->classdef);
    case 't': return s_tuple({s_float(), s_float()});
    case 'T': return s_tuple({s_float(), s_int()});
    case 'L': {
      auto& def = bk_.newlist_defs[&op];
      if (!def) {
        def = std::make_shared<ListDef>();
        def->item = s_str();
      }
      return s_list(def);
    }
    case 'X': {  // os.stat_result: an instance of rpython.rlib.ros.stat_result
      py::object cls = py::module_::import("rpython.rlib.ros").attr("stat_result");
      ClassDef* cd = bk_.getclassdef(cls, op.pos);
      cd->instantiated = true;
      SV inst = s_instance(cd);
      for (const char* field : {"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size"})
        setattr_instance(cur_graph_, op, inst, field, s_int());
      for (const char* field : {"st_atime", "st_mtime", "st_ctime"}) setattr_instance(cur_graph_, op, inst, field, s_float());
      return inst;
    }
  }
  fail("internal: bad result kind for " + name);
  return nullptr;
}

// str.encode(), OSError.errno; the rest of bytes and bytearray is
// annotator/bytes.cpp.
SV Annotator::consider_bytes_op(SpaceOperation& op, const std::vector<SV>& args) {
  const std::string& name = op.opname;
  auto fail = [&](const std::string& msg) -> SV { throw TranslationError(op.pos, msg); };
  if (name == "getattr" && args[0]->kind == SomeValue::Instance && is_oserror(args[0]->classdef)) {
    const std::string& a = static_cast<Constant*>(op.args[1])->value.s;
    if (a == "errno") return s_int();
    if ((a == "strerror" || a == "filename" || a == "filename2") && !args[0]->classdef->attr_owner(a))
      fail("OSError." + a + " is not supported: it is in str(e); os.strerror(e.errno) gives the strerror");
  }
  if (name == "getattr" && args[0]->kind == SomeValue::String &&
      static_cast<Constant*>(op.args[1])->value.s == "encode") {
    SomeValue v;
    v.kind = SomeValue::PBC;
    v.method_name = "encode";
    v.bound_self = without_const(args[0]);
    return std::make_shared<const SomeValue>(std::move(v));
  }
  if ((name == "simple_call" || name == "call_kw") && args[0]->kind == SomeValue::PBC && args[0]->bound_self &&
      args[0]->bound_self->kind == SomeValue::String && args[0]->method_name == "encode") {
    size_t first = name == "call_kw" ? 2 : 1;
    if (name == "call_kw") {
      py::tuple kw = static_cast<Constant*>(op.args[1])->value.obj;
      for (auto k : kw) {
        std::string kn = k.cast<std::string>();
        if (kn != "encoding" && kn != "errors") fail("str.encode() got an unexpected keyword argument '" + kn + "'");
      }
    }
    if (args.size() - first > 2) fail(fmt::format("str.encode() takes at most 2 arguments ({} given)", args.size() - first));
    for (size_t i = first; i < args.size(); ++i)
      if (args[i]->kind != SomeValue::String || args[i]->can_be_none)
        fail(fmt::format("str.encode() argument must be str, not {}", args[i]->pretty()));
    return s_bytes();
  }
  return consider_bytes_like_op(op, args);
}

}  // namespace rpy
