#include "runtime/jit/backend.h"

namespace rpy::jit {

std::string format_exit(const ExitState& state, const DescrTable* descrs) {
  std::string out = "exit " + std::to_string(state.exit ? state.exit->index() : -1);
  for (const RtValue& v : state.values) out += " " + format_rt_value(v);
  if (state.exception) {
    uint32_t type_id = JitHeap::type_id_of(state.exception);
    std::string name = std::to_string(type_id);
    if (descrs)
      for (const Descr* d : descrs->declared())
        if (d->type() == Descr::Type::Struct && static_cast<const StructDescr*>(d)->type_id() == type_id) name = d->name();
    out += " exception " + name;
  }
  return out;
}

ExitState run_trace_file(Backend& backend, const TraceFile& file, std::span<const RtValue> args) {
  auto compiled = backend.compile_loop(file.loop);
  for (const auto& bridge : file.bridges) backend.compile_bridge(*compiled, *bridge->guard, bridge->trace);
  return backend.execute(*compiled, args);
}

}  // namespace rpy::jit
