#include "driver/translation.h"

#include <fmt/format.h>
#include "driver/log.h"

#include <filesystem>
#include <fstream>

#include "backendopt/backendopt.h"
#include "codegen/codegen.h"
#include "gctransform/gctransform.h"

namespace rpy {

Translation::Translation(py::object entry_point) : entry_point_(std::move(entry_point)) {}

void Translation::annotate() {
  // argv: a list of str that nobody resizes.
  auto argv = std::make_shared<ListDef>();
  argv->item = s_str();
  annotator_.progress = progress_;
  entry_ = annotator_.annotate_entry(entry_point_, {s_list(argv)});
  annotator_.check_attributes();
  annotator_.check_entry_returns_int(entry_);
  stage_ = Annotated;
  log::get("annotator")->debug("{} graphs annotated, {} blocks flowed", graph_count(), annotator_.blocks_flowed());
}

void Translation::rtype() {
  rtyper_.specialize(bk_.all_graphs());
  stage_ = RTyped;
  log::get("rtyper")->debug("{} graphs rtyped: {} blocks, {} operations", graph_count(), block_count(), op_count());
}

void Translation::backendopt(int level) {
  run_backend_optimizations(bk_.all_graphs(), level);
  stage_ = Optimized;
}

void Translation::gctransform() {
  gc_transform(bk_.all_graphs());
  stage_ = GcTransformed;
}

std::vector<GeneratedFile> Translation::generate_source(const CodegenOptions& options) {
  CodegenOptions opts = options;
  opts.precise_gc = stage_ == GcTransformed;
  size_t checks = insert_stack_checks(bk_.all_graphs());
  log::get("backendopt")->debug("{} stack checks", checks);
  std::vector<GeneratedFile> files = generate_cpp(bk_.all_graphs(), entry_->graph, rtyper_, opts);
  size_t bytes = 0;
  for (auto& f : files) bytes += f.text.size();
  log::get("codegen")->debug("{} bytes of C++ in {} files for {} graphs", bytes, files.size(), graph_count());
  return files;
}

std::string Translation::dump_graphs() const {
  std::string out;
  for (FunctionGraph* g : bk_.all_graphs()) out += g->dump() + "\n";
  return out;
}

std::vector<std::string> Translation::write_dot(const std::string& dir) const {
  std::filesystem::create_directories(dir);
  std::vector<std::string> paths;
  for (FunctionGraph* g : bk_.all_graphs()) {
    std::string name;
    for (char c : g->name) name += std::isalnum((unsigned char)c) ? c : '_';
    std::string path = (std::filesystem::path(dir) / (name + ".dot")).string();
    std::ofstream(path) << dump_dot(*g);
    paths.push_back(path);
  }
  return paths;
}

size_t Translation::block_count() const {
  size_t n = 0;
  for (FunctionGraph* g : bk_.all_graphs()) n += g->iterblocks().size();
  return n;
}

size_t Translation::op_count() const {
  size_t n = 0;
  for (FunctionGraph* g : bk_.all_graphs())
    for (Block* b : g->iterblocks()) n += b->operations.size();
  return n;
}

}  // namespace rpy
