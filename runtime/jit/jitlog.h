// Logging for the JIT core, with PyPy's category names: jit-log-opt (traces
// before and after optimization), jit-backend (assembler), jit-summary.
// Quiet unless the environment asks, the way PyPy's PYPYLOG does:
//
//   PYPYLOG=jit-log-opt:FILE       categories (comma-separated, a prefix such
//   PYPYLOG=jit:FILE               as `jit` selects all jit-*), then the file
//   PYPYLOG=jit-log-opt:-          (`-` is stderr)
//   RPYLOG=jit-log-opt             the toolchain's variable (driver/log.h): to stderr
//
// Separate from driver/log.h because the JIT library links no pybind and
// no toolchain code; the loggers are ordinary spdlog loggers.
#pragma once
#include <spdlog/spdlog.h>

#include <memory>
#include <string>

namespace rpy::jit::jitlog {

// The logger of a category; its level is info when the environment enables
// the category, off otherwise.
std::shared_ptr<spdlog::logger> get(const std::string& category);
bool enabled(const std::string& category);

}  // namespace rpy::jit::jitlog
