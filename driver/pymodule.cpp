// The _rpytoolchain extension module: translate.py hands it the live entry
// point and drives the pipeline phase by phase (so it can time and report
// each one). Errors in the user's program come back as
// _rpytoolchain.TranslationError with the position and the message.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <fstream>

#include "driver/log.h"
#include "driver/translation.h"

namespace py = pybind11;
using namespace rpy;

namespace {

py::object g_error_type;

py::tuple pos_tuple(const SourcePos& p) {
  return py::make_tuple(p.file ? p.file->path : std::string(), p.line, p.col);
}

// Runs a phase, turning TranslationError into the Python exception.
template <typename F>
auto guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (TranslationError& e) {
    py::object exc = g_error_type(e.message);
    exc.attr("message") = e.message;
    auto [path, line, col] = std::tuple{e.pos.file ? e.pos.file->path : std::string(), e.pos.line, e.pos.col};
    exc.attr("path") = path;
    exc.attr("line") = line;
    exc.attr("col") = col;
    py::list notes;
    for (auto& [p, m] : e.notes) notes.append(py::make_tuple(pos_tuple(p), m));
    exc.attr("notes") = notes;
    PyErr_SetObject(g_error_type.ptr(), exc.ptr());
    throw py::error_already_set();
  }
}

}  // namespace

PYBIND11_MODULE(_rpytoolchain, m) {
  m.doc() = "RPython-3 translation toolchain core";
  g_error_type = py::reinterpret_borrow<py::object>(PyErr_NewException("_rpytoolchain.TranslationError", PyExc_Exception, nullptr));
  m.attr("TranslationError") = g_error_type;

  m.def("configure_logging", &rpy::log::configure,
        "'debug' for every category, or 'annotator,rtyper:trace' for some");

  py::class_<Translation>(m, "Translation")
      .def(py::init<py::object>())
      .def("annotate", [](Translation& t) { guarded([&] { t.annotate(); }); })
      .def("rtype", [](Translation& t) { guarded([&] { t.rtype(); }); })
      .def("backendopt", [](Translation& t, int level) { guarded([&] { t.backendopt(level); }); })
      .def("gctransform", [](Translation& t) { guarded([&] { t.gctransform(); }); })
      .def(
          "generate_source",
          [](Translation& t, const std::string& basename, int units, bool lldebug) {
            CodegenOptions opts;
            opts.basename = basename;
            opts.units = units;
            opts.line_directives = lldebug;
            auto files = guarded([&] { return t.generate_source(opts); });
            py::list out;
            for (auto& f : files) out.append(py::make_tuple(f.name, py::bytes(f.text), f.is_unit));
            return out;
          },
          py::arg("basename") = "program", py::arg("units") = 0, py::arg("lldebug") = false,
          "The C++ files as (name, bytes, is_unit): one unit, or a header and several units "
          "(units=0: as many as the program's size asks for).")
      .def("dump_graphs", [](Translation& t) { return t.dump_graphs(); },
           "The text form of every graph, in its current stage.")
      .def("write_dot", [](Translation& t, const std::string& dir) { return t.write_dot(dir); },
           "Writes one Graphviz file per graph into dir; returns the paths.")
      .def_property_readonly("graph_count", &Translation::graph_count)
      .def_property_readonly("block_count", &Translation::block_count)
      .def_property_readonly("op_count", &Translation::op_count)
      .def_property("progress", nullptr, [](Translation& t, py::object cb) {
        t.set_progress([cb](size_t n) {
          py::gil_scoped_acquire gil;
          cb(n);
        });
      });
}
