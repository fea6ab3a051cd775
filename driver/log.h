// Per-stage logging for the toolchain (spdlog), quiet by default.
// Categories are the stage names: flowspace, annotator, rtyper, backendopt,
// codegen, driver. `translate.py --verbose` turns all of them to debug;
// RPYLOG=annotator,rtyper (or annotator:trace) selects some, like PYPYLOG.
#pragma once
#include <spdlog/spdlog.h>

#include <memory>
#include <string>

namespace rpy::log {

std::shared_ptr<spdlog::logger> get(const std::string& category);
// spec: "debug" (all categories) or "cat[:level],cat[:level],..."
void configure(const std::string& spec);

}  // namespace rpy::log
