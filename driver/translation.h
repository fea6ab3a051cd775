// One translation: the pipeline's phases over one program, in order.
// translate.py calls them one by one; each phase reads what the one before
// left in the graphs.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "annotator/annotator.h"
#include "annotator/bookkeeper.h"
#include "codegen/codegen.h"
#include "rtyper/rtyper.h"

namespace rpy {

class Translation {
 public:
  explicit Translation(py::object entry_point);

  void annotate();
  void rtype();
  void backendopt(int level);
  // After backendopt, for --gc=incminimark only (gctransform/): roots,
  // write barriers, inline allocation. Boehm needs none of it.
  void gctransform();
  // The C++ files (codegen/codegen.h): one unit, or a header and several.
  std::vector<GeneratedFile> generate_source(const CodegenOptions& opts);

  std::string dump_graphs() const;
  std::vector<std::string> write_dot(const std::string& dir) const;
  size_t graph_count() const { return bk_.all_graphs().size(); }
  size_t block_count() const;
  size_t op_count() const;
  void set_progress(std::function<void(size_t)> cb) { progress_ = std::move(cb); }

 private:
  py::object entry_point_;
  Bookkeeper bk_;
  Annotator annotator_{bk_};
  RTyper rtyper_{bk_};
  FuncDesc* entry_ = nullptr;
  std::function<void(size_t)> progress_;
  enum Stage { New, Annotated, RTyped, Optimized, GcTransformed } stage_ = New;
};

}  // namespace rpy
