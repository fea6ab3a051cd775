#include "runtime/jit/backend.h"

namespace rpy::jit {

std::string format_exit(const ExitState& state) {
  std::string out = "exit " + std::to_string(state.exit ? state.exit->index() : -1);
  for (const RtValue& v : state.values) out += " " + format_rt_value(v);
  return out;
}

ExitState run_trace_file(Backend& backend, const TraceFile& file, std::span<const RtValue> args) {
  auto compiled = backend.compile_loop(file.loop);
  for (const auto& bridge : file.bridges) backend.compile_bridge(*compiled, *bridge->guard, bridge->trace);
  return backend.execute(*compiled, args);
}

}  // namespace rpy::jit
