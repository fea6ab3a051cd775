#include "annotator/bookkeeper.h"
#include "annotator/builtin_modules.h"

#include <fmt/format.h>
#include <pybind11/eval.h>
#include <pybind11/stl.h>

#include "driver/log.h"
#include "flowspace/flowbuilder.h"
#include "flowspace/generator.h"

namespace rpy {

static bool is_builtin_class(py::handle cls) {
  return py::str(cls.attr("__module__")).cast<std::string>() == "builtins";
}

// The exception classes the runtime raises itself: always in the program.
static const char* const kRuntimeExceptions[] = {
    "Exception", "ValueError", "ZeroDivisionError", "OverflowError", "IndexError", "KeyError",
    "TypeError", "AssertionError", "StopIteration", "RuntimeError", "RecursionError", "MemoryError", "NotImplementedError",
    "OSError", "LookupError", "UnicodeEncodeError", "UnicodeDecodeError",
    // syslib: sys.exit, and the OSError subclasses the os functions raise by errno
    "SystemExit", "FileNotFoundError", "FileExistsError", "PermissionError", "IsADirectoryError",
    "NotADirectoryError", "InterruptedError", "BlockingIOError", "ChildProcessError", "ProcessLookupError",
    "BrokenPipeError", "ConnectionError", "ConnectionAbortedError", "ConnectionRefusedError",
    "ConnectionResetError", "TimeoutError"};

Bookkeeper::Bookkeeper() {
  py::module_ builtins = py::module_::import("builtins");
  for (const char* n : kRuntimeExceptions) getclassdef(builtins.attr(n));
}

ClassDef* Bookkeeper::classdef_if_known(py::handle cls) const {
  auto it = classdefs_.find(cls.ptr());
  return it == classdefs_.end() ? nullptr : it->second.get();
}

ClassDef* Bookkeeper::getclassdef(py::handle cls, const SourcePos& pos) {
  if (ClassDef* known = classdef_if_known(cls)) return known;
  std::string name = cls.attr("__qualname__").cast<std::string>();
  {
    // Classes made by a factory (rpython/rlib/rweakref.py: one per type
    // pair) share a qualname; their low-level structs are named after it.
    int same = 0;
    for (auto& [obj, cd] : classdefs_)
      if (cd->name == name || cd->name.rfind(name + "#", 0) == 0) same++;
    if (same) name += "#" + std::to_string(same + 1);
  }
  py::module_ builtins = py::module_::import("builtins");
  bool is_exc = PyType_IsSubtype((PyTypeObject*)cls.ptr(), (PyTypeObject*)PyExc_BaseException);
  ClassDef* base = nullptr;
  if (is_builtin_class(cls)) {
    if (!is_exc) throw TranslationError(pos, "built-in class '" + name + "' cannot be used as an RPython class");
    if (!cls.is(builtins.attr("BaseException"))) base = getclassdef(cls.attr("__base__"), pos);
  } else {
    py::object chosen;
    for (auto b : py::reinterpret_borrow<py::tuple>(cls.attr("__bases__"))) {
      if (b.is(builtins.attr("object"))) continue;
      py::dict d = b.attr("__dict__");
      if (d.contains("_mixin_") && py::bool_(d["_mixin_"])) continue;
      if (chosen)
        throw TranslationError(pos, "class '" + name +
                                        "' has several base classes: RPython has single inheritance (mark the "
                                        "others `_mixin_ = True`)");
      chosen = py::reinterpret_borrow<py::object>(b);
    }
    if (chosen) base = getclassdef(chosen, pos);
  }
  auto cd = std::make_unique<ClassDef>();
  cd->cls = py::reinterpret_borrow<py::object>(cls);
  cd->name = name;
  cd->base = base;
  cd->builtin_exception = is_exc && is_builtin_class(cls);
  if (base) cd->immutable_fields = base->immutable_fields;
  for (auto k : py::reinterpret_borrow<py::tuple>(cls.attr("__mro__"))) {
    py::dict d = k.attr("__dict__");
    if (!d.contains("_immutable_fields_")) continue;
    for (auto f : d["_immutable_fields_"]) {
      std::string fname = py::str(f).cast<std::string>();
      while (!fname.empty() && (fname.back() == '?' || fname.back() == ']' || fname.back() == '*' || fname.back() == '['))
        fname.pop_back();
      cd->immutable_fields.insert(fname);
    }
  }
  ClassDef* r = cd.get();
  classdefs_[cls.ptr()] = std::move(cd);
  classdef_order_.push_back(r);
  if (base) {
    base->subdefs.push_back(r);
    // Method families and class attributes looked up on an ancestor may now
    // reach this class too.
    for (ClassDef* c = base; c; c = c->base)
      if (reflow)
        for (auto [g, b] : c->lookups) reflow(g, b);
  }
  return r;
}

py::object Bookkeeper::lookup_class_attr(ClassDef* cd, const std::string& name) const {
  for (auto k : py::reinterpret_borrow<py::tuple>(cd->cls.attr("__mro__"))) {
    if (is_builtin_class(k)) continue;
    py::dict d = k.attr("__dict__");
    if (!d.contains(name.c_str())) continue;
    py::object v = d[name.c_str()];
    // __slots__ entries are descriptors for instance fields, not values.
    if (Py_TYPE(v.ptr())->tp_descr_set && !PyType_Check(v.ptr()) && !PyFunction_Check(v.ptr()) &&
        !PyObject_TypeCheck(v.ptr(), &PyProperty_Type))
      return py::object();
    return v;
  }
  // object.__str__ calls type(x).__repr__: a class without a __str__ of its
  // own (or inherited) uses its __repr__, so that str() dispatches to the
  // __str__ of the subclasses that define one and the __repr__ of the others.
  // (Exceptions have BaseException.__str__: their message.)
  if (name == "__str__" && !cd->root()->builtin_exception) return lookup_class_attr(cd, "__repr__");
  return py::object();
}

FuncDesc* Bookkeeper::get_desc(py::handle func, ClassDef* selfclass) {
  if (!PyFunction_Check(func.ptr())) return nullptr;
  if (module_builtin(func)) return nullptr;  // syslib: os.path.join & co. are runtime functions
  auto key = std::make_pair(func.ptr(), selfclass);
  auto it = descs_.find(key);
  if (it != descs_.end()) return it->second.get();
  auto d = std::make_unique<FuncDesc>();
  d->func = py::reinterpret_borrow<py::object>(func);
  d->name = func.attr("__qualname__").cast<std::string>();
  d->selfclass = selfclass;
  py::object code = func.attr("__code__");
  int argcount = code.attr("co_argcount").cast<int>();
  py::tuple varnames = code.attr("co_varnames");
  for (int i = 0; i < argcount; ++i) d->argnames.push_back(varnames[i].cast<std::string>());
  py::object defaults = func.attr("__defaults__");
  if (!defaults.is_none())
    for (auto x : defaults) d->defaults.push_back(py::reinterpret_borrow<py::object>(x));
  d->pos = function_pos(func);
  FuncDesc* r = d.get();
  order_.push_back(r);
  descs_[key] = std::move(d);
  return r;
}

FuncDesc* Bookkeeper::specialized(FuncDesc* d, const std::string& key) {
  auto it = d->specializations.find(key);
  if (it != d->specializations.end()) return it->second;
  auto nd = std::make_unique<FuncDesc>();
  nd->func = d->func;
  nd->name = d->name;
  nd->selfclass = d->selfclass;
  nd->spec_key = key;
  nd->argnames = d->argnames;
  nd->defaults = d->defaults;
  nd->pos = d->pos;
  FuncDesc* r = nd.get();
  order_.push_back(r);
  spec_descs_.push_back(std::move(nd));
  d->specializations[key] = r;
  return r;
}

// `cls(<args of this shape>)` as a function of its own: a class chosen at
// run time is called through the pointer to its class's constructor for
// the shape (all constructors of one shape have the same parameters).
FuncDesc* Bookkeeper::constructor(ClassDef* cd, const CallShape& shape) {
  std::string key = std::to_string(shape.npositional);
  for (auto& k : shape.kwnames) key += "_" + k;
  auto it = ctors_.find({cd, key});
  if (it != ctors_.end()) return it->second;
  std::string params;
  for (size_t i = 0; i < shape.npositional; ++i) params += (i ? ", " : "") + fmt::format("a{}", i);
  for (auto& k : shape.kwnames) params += (params.empty() ? "" : ", ") + k;
  py::dict ns;
  py::exec(py::str("def new(" + params + "):\n    pass\n"), ns);
  py::object stub = ns["new"];
  FuncDesc* d = get_desc(stub);
  d->name = cd->name;
  auto g = std::make_unique<FunctionGraph>();
  g->name = "new_" + cd->name + "_" + key;
  g->func = stub;
  g->pos = d->pos;
  g->returnblock = g->new_block({g->new_var("result")});
  g->returnblock->is_final = true;
  g->exceptblock = g->new_block({g->new_var("etype"), g->new_var("evalue")});
  g->exceptblock->is_final = true;
  std::vector<Variable*> in;
  for (auto& n : d->argnames) {
    in.push_back(g->new_var(n));
    g->argnames.push_back(n);
  }
  g->startblock = g->new_block(in);
  std::vector<Value*> args{g->new_const(ConstValue::from_python(cd->cls))};
  std::string opname = "simple_call";
  if (!shape.kwnames.empty()) {
    opname = "call_kw";
    py::tuple kw(shape.kwnames.size());
    for (size_t i = 0; i < shape.kwnames.size(); ++i) kw[i] = py::str(shape.kwnames[i]);
    args.push_back(g->new_const(ConstValue::from_python(kw)));
  }
  for (Variable* v : in) args.push_back(v);
  Variable* r = g->new_var("v");
  g->startblock->operations.push_back(SpaceOperation{opname, args, r, d->pos});
  g->new_link(g->startblock, g->returnblock, {r});
  adopt_graph(d, std::move(g));
  ctors_[{cd, key}] = d;
  return d;
}

void Bookkeeper::adopt_graph(FuncDesc* d, std::unique_ptr<FunctionGraph> g) {
  graphs_.push_back(std::move(g));
  d->graph = graphs_.back().get();
  desc_of_graph_[d->graph] = d;
}

SV Bookkeeper::s_any_exception() {
  return s_instance(getclassdef(py::module_::import("builtins").attr("BaseException")));
}

FuncDesc* Bookkeeper::desc_of(const FunctionGraph* g) const {
  auto it = desc_of_graph_.find(g);
  return it == desc_of_graph_.end() ? nullptr : it->second;
}

FuncDesc* Bookkeeper::method_impl(ClassDef* cd, const std::string& name) {
  for (auto k : py::reinterpret_borrow<py::tuple>(cd->cls.attr("__mro__"))) {
    if (is_builtin_class(k)) continue;
    py::dict d = k.attr("__dict__");
    if (!d.contains(name.c_str())) continue;
    py::object f = d[name.c_str()];
    if (!PyFunction_Check(f.ptr())) return nullptr;
    ClassDef* owner = classdef_if_known(k);
    // A mixin is no class of its own: its methods belong to each user.
    return get_desc(f, owner ? owner : cd);
  }
  if (name == "__str__" && !cd->root()->builtin_exception) return method_impl(cd, "__repr__");  // as lookup_class_attr
  return nullptr;
}

FunctionGraph* Bookkeeper::graph_of(FuncDesc* d) {
  if (!d->graph) {
    std::vector<ExtraMethod> extras;
    auto graph = build_flow_graph(d->func, &extras);
    for (auto& x : extras)  // nested functions: their closure classes' __call__
      adopt_graph(get_desc(x.stub, getclassdef(x.cls, d->pos)), std::move(x.graph));
    bool is_generator = d->func && py::hasattr(d->func, "__code__") &&
                        (d->func.attr("__code__").attr("co_flags").cast<int>() & 0x20);
    if (is_generator) {
      // The function builds a frame object; its class's __next__ runs the body.
      GeneratorParts parts = transform_generator(std::move(graph), d->func);
      ClassDef* cd = getclassdef(parts.frame_class, d->pos);
      adopt_graph(get_desc(parts.next_stub, cd), std::move(parts.next));
      adopt_graph(get_desc(parts.iter_stub, cd), std::move(parts.iter));
      graph = std::move(parts.ctor);
    }
    adopt_graph(d, std::move(graph));
    if (d->selfclass) d->graph->name = d->selfclass->name + "." + d->func.attr("__name__").cast<std::string>();
    if (!d->spec_key.empty()) d->graph->name += "__" + d->spec_key;
    log::get("flowspace")->debug("built graph {}: {} blocks", d->name, d->graph->iterblocks().size());
  }
  return d->graph;
}

std::vector<FunctionGraph*> Bookkeeper::all_graphs() const {
  std::vector<FunctionGraph*> r;
  for (auto& g : graphs_) r.push_back(g.get());
  return r;
}

// A built-in function (math.exp) is no function value of the program.
static std::string builtin_hint(py::handle item) {
  auto hint = [](py::handle x) -> std::string {
    if (!PyCFunction_Check(x.ptr())) return "";
    return "; built-in function '" + py::str(x.attr("__name__")).cast<std::string>() +
           "' cannot be a value: wrap it in a function of the program";
  };
  if (PyTuple_Check(item.ptr()))
    for (auto x : py::reinterpret_borrow<py::tuple>(item))
      if (std::string h = hint(x); !h.empty()) return h;
  return hint(item);
}

SV Bookkeeper::annotation(const Value* v) {
  if (!v->is_const()) {
    auto* var = static_cast<const Variable*>(v);
    return var->annotation ? var->annotation : s_impossible();
  }
  auto* c = static_cast<const Constant*>(v);
  SV s = s_const(c->value);
  if (s->kind == SomeValue::Tuple && c->value.obj) {
    // Items are annotated as constants of their own: a function is its
    // desc (tables of (name, function) pairs), an instance is prebuilt, a
    // list is its family.
    SomeValue t = *s;
    t.items.clear();
    for (auto item : py::reinterpret_borrow<py::tuple>(c->value.obj)) {
      Constant tmp;
      tmp.value = ConstValue::from_python(item);
      t.items.push_back(annotation(&tmp));
    }
    return std::make_shared<const SomeValue>(std::move(t));
  }
  if (s->kind == SomeValue::PBC && c->value.obj) {
    py::handle o = c->value.obj;
    if (FuncDesc* d = get_desc(o)) {
      SomeValue pbc = *s;
      pbc.descs = {d};
      return std::make_shared<const SomeValue>(std::move(pbc));
    }
    if (PyList_CheckExact(o.ptr())) {
      // A prebuilt list: one family per list object, its items' types joined.
      auto it = prebuilt_lists.find(o.ptr());
      if (it == prebuilt_lists.end()) {
        auto def = std::make_shared<ListDef>();
        def->item = s_impossible();
        it = prebuilt_lists.emplace(o.ptr(), def).first;
        prebuilt_list_objs_.push_back(py::reinterpret_borrow<py::object>(o));
        for (auto item : py::reinterpret_borrow<py::list>(o)) {
          Constant tmp;
          tmp.value = ConstValue::from_python(item);
          SV sx = annotation(&tmp);
          SV before = def->find()->item;
          if (!def->generalize(sx))
            throw TranslationError(SourcePos{}, "a prebuilt list holds items of incompatible types (" + before->pretty() +
                                                    " and " + sx->pretty() + "): " +
                                                    py::repr(o).cast<std::string>().substr(0, 80) + builtin_hint(item));
        }
      }
      return s_list(it->second);
    }
    if (PyDict_CheckExact(o.ptr()) || PyAnySet_CheckExact(o.ptr())) {
      // A prebuilt dict or set: one family per object, as prebuilt lists.
      auto it = prebuilt_dicts.find(o.ptr());
      if (it == prebuilt_dicts.end()) {
        bool set = PyAnySet_CheckExact(o.ptr());
        auto def = std::make_shared<DictDef>();
        def->key = s_impossible();
        def->value = set ? s_none() : s_impossible();
        def->is_set = set;
        it = prebuilt_dicts.emplace(o.ptr(), def).first;
        prebuilt_list_objs_.push_back(py::reinterpret_borrow<py::object>(o));
        auto describe = [&] { return py::repr(o).cast<std::string>().substr(0, 80); };
        auto join = [&](py::handle x, bool key) {
          Constant tmp;
          tmp.value = ConstValue::from_python(x);
          SV sx = annotation(&tmp);
          SV before = key ? def->find()->key : def->find()->value;
          if (!(key ? def->generalize_key(sx) : def->generalize_value(sx)))
            throw TranslationError(SourcePos{}, std::string("a prebuilt ") + (set ? "set" : "dict") + " holds " +
                                                    (key ? "keys" : "values") + " of incompatible types (" +
                                                    before->pretty() + " and " + sx->pretty() + "): " + describe() +
                                                    builtin_hint(x));
        };
        if (set) {
          for (auto k : o) join(k, true);
        } else {
          for (auto [k, v] : py::reinterpret_borrow<py::dict>(o)) {
            join(k, true);
            join(v, false);
          }
        }
      }
      return s_dict(it->second);
    }
    if (PyType_Check(o.ptr()) && !is_builtin_class(o)) {
      // A user class: remembered so that two of them make a Class value.
      SomeValue cls = *s;
      cls.classdefs = {getclassdef(o)};
      cls.classdef = cls.classdefs[0];
      return std::make_shared<const SomeValue>(std::move(cls));
    }
    if (is_prebuilt_instance(o)) {
      ClassDef* cd = getclassdef(py::type::handle_of(o));
      if (prebuilt_.insert(o.ptr()).second) {
        prebuilt_order_.push_back(py::reinterpret_borrow<py::object>(o));
        cd->instantiated = true;
        if (on_prebuilt_instance) on_prebuilt_instance(o, cd);
      }
      return s_instance(cd);
    }
  }
  return s;
}

bool Bookkeeper::is_prebuilt_instance(py::handle o) const {
  if (PyType_Check(o.ptr()) || PyFunction_Check(o.ptr()) || PyModule_Check(o.ptr()) || PyCallable_Check(o.ptr()))
    return false;
  if (is_std_stream(o)) return false;  // syslib: sys.stdout/sys.stderr
  py::handle t = py::type::handle_of(o);
  if (is_builtin_class(t) && !PyObject_IsInstance(o.ptr(), PyExc_BaseException)) return false;
  // Frozen objects (_freeze_() true) stay constants whose attributes fold.
  if (py::hasattr(o, "_freeze_")) {
    py::object f = o.attr("_freeze_");
    if (PyCallable_Check(f.ptr()) && py::bool_(f())) return false;
  }
  return true;
}

std::vector<int> bind_call_args(const FuncDesc& desc, const CallShape& shape, const SourcePos& callpos) {
  const size_t nparams = desc.argnames.size();
  std::vector<int> binding(nparams, INT32_MIN);
  auto fail = [&](const std::string& msg) {
    TranslationError e(callpos, msg);
    if (desc.pos.valid()) e.notes.push_back({desc.pos, "'" + desc.name + "' is defined here"});
    throw e;
  };
  if (shape.npositional > nparams) {
    size_t required = nparams - desc.defaults.size();
    std::string takes = desc.defaults.empty() ? std::to_string(nparams)
                                              : fmt::format("from {} to {}", required, nparams);
    fail(fmt::format("{}() takes {} positional argument{} but {} {} given", desc.name, takes,
                     nparams == 1 && desc.defaults.empty() ? "" : "s", shape.npositional,
                     shape.npositional == 1 ? "was" : "were"));
  }
  for (size_t i = 0; i < shape.npositional; ++i) binding[i] = (int)i;
  for (size_t k = 0; k < shape.kwnames.size(); ++k) {
    auto it = std::find(desc.argnames.begin(), desc.argnames.end(), shape.kwnames[k]);
    if (it == desc.argnames.end())
      fail(fmt::format("{}() got an unexpected keyword argument '{}'", desc.name, shape.kwnames[k]));
    size_t idx = it - desc.argnames.begin();
    if (binding[idx] != INT32_MIN)
      fail(fmt::format("{}() got multiple values for argument '{}'", desc.name, shape.kwnames[k]));
    binding[idx] = (int)(shape.npositional + k);
  }
  std::vector<std::string> missing;
  size_t first_default = nparams - desc.defaults.size();
  for (size_t i = 0; i < nparams; ++i) {
    if (binding[i] != INT32_MIN) continue;
    if (i >= first_default) binding[i] = -1 - (int)(i - first_default);
    else missing.push_back("'" + desc.argnames[i] + "'");
  }
  if (!missing.empty()) {
    std::string names;
    for (size_t i = 0; i < missing.size(); ++i) {
      if (i) names += (i + 1 == missing.size()) ? (missing.size() > 2 ? ", and " : " and ") : ", ";
      names += missing[i];
    }
    fail(fmt::format("{}() missing {} required positional argument{}: {}", desc.name, missing.size(),
                     missing.size() == 1 ? "" : "s", names));
  }
  return binding;
}

std::string builtin_name(py::handle obj) {
  static std::vector<std::pair<PyObject*, std::string>> table = [] {
    std::vector<std::pair<PyObject*, std::string>> t;
    py::module_ b = py::module_::import("builtins");
    for (const char* n : {"print", "int", "float", "bool", "str", "abs", "min", "max", "len", "range",
                          "isinstance", "ord", "chr", "repr", "hash", "round", "divmod", "pow", "iter", "next", "format",
                          "ascii", "set", "dict", "list", "sorted", "sum", "any", "all", "reversed", "enumerate",
                          "zip", "bytes", "bytearray", "hex", "oct", "bin"}) {
      py::object o = b.attr(n);
      t.push_back({o.release().ptr(), n});  // kept alive for the process
    }
    return t;
  }();
  for (auto& [p, n] : table)
    if (obj.ptr() == p) return n;
  // str.maketrans, bytes.maketrans, bytearray.maketrans: static methods, one object each
  for (const char* t : {"str", "bytes", "bytearray"}) {
    static py::module_ b = py::module_::import("builtins");
    py::object mt = b.attr(t).attr("maketrans");
    if (obj.is(mt)) return std::string(t) + ".maketrans";
  }
  // bytes.fromhex, bytearray.fromhex: a new bound method at each lookup
  if (PyCFunction_Check(obj.ptr()) && py::hasattr(obj, "__self__") && py::hasattr(obj, "__name__") &&
      obj.attr("__name__").cast<std::string>() == "fromhex") {
    py::object self = obj.attr("__self__");
    py::module_ b = py::module_::import("builtins");
    if (self.is(b.attr("bytes"))) return "bytes.fromhex";
    if (self.is(b.attr("bytearray"))) return "bytearray.fromhex";
    if (self.is(b.attr("float"))) return "float.fromhex";
  }
  // dict.fromkeys: a classmethod, bound anew at each lookup
  if (PyCFunction_Check(obj.ptr()) && py::hasattr(obj, "__self__") && py::hasattr(obj, "__name__") &&
      obj.attr("__name__").cast<std::string>() == "fromkeys" &&
      obj.attr("__self__").is(py::module_::import("builtins").attr("dict")))
    return "dict.fromkeys";
  if (const ModuleFunc* f = module_builtin(obj)) return f->name;  // syslib: math.sqrt, os.read, ...
  return {};
}

}  // namespace rpy
