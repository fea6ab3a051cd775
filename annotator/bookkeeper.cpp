#include "annotator/bookkeeper.h"

#include <fmt/format.h>
#include <pybind11/stl.h>

#include "driver/log.h"
#include "flowspace/flowbuilder.h"

namespace rpy {

FuncDesc* Bookkeeper::get_desc(py::handle func) {
  if (!PyFunction_Check(func.ptr())) return nullptr;
  auto it = descs_.find(func.ptr());
  if (it != descs_.end()) return it->second.get();
  auto d = std::make_unique<FuncDesc>();
  d->func = py::reinterpret_borrow<py::object>(func);
  d->name = func.attr("__qualname__").cast<std::string>();
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
  descs_[func.ptr()] = std::move(d);
  return r;
}

FunctionGraph* Bookkeeper::graph_of(FuncDesc* d) {
  if (!d->graph) {
    graphs_.push_back(build_flow_graph(d->func));
    d->graph = graphs_.back().get();
    log::get("flowspace")->debug("built graph {}: {} blocks", d->name, d->graph->iterblocks().size());
  }
  return d->graph;
}

std::vector<FunctionGraph*> Bookkeeper::all_graphs() const {
  std::vector<FunctionGraph*> r;
  for (auto& g : graphs_) r.push_back(g.get());
  return r;
}

SV Bookkeeper::annotation(const Value* v) {
  if (!v->is_const()) {
    auto* var = static_cast<const Variable*>(v);
    return var->annotation ? var->annotation : s_impossible();
  }
  auto* c = static_cast<const Constant*>(v);
  SV s = s_const(c->value);
  if (s->kind == SomeValue::PBC && c->value.obj) {
    if (FuncDesc* d = get_desc(c->value.obj)) {
      SomeValue pbc = *s;
      pbc.descs = {d};
      return std::make_shared<const SomeValue>(std::move(pbc));
    }
  }
  return s;
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
                          "isinstance", "ord", "chr", "repr", "hash", "round", "divmod", "pow"}) {
      py::object o = b.attr(n);
      t.push_back({o.release().ptr(), n});  // kept alive for the process
    }
    return t;
  }();
  for (auto& [p, n] : table)
    if (obj.ptr() == p) return n;
  return {};
}

}  // namespace rpy
