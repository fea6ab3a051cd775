#include "backendopt/backendopt.h"

#include "driver/log.h"

namespace rpy {

void run_backend_optimizations(const std::vector<FunctionGraph*>& graphs, int level) {
  if (level <= 0) return;
  size_t dead = 0, joined = 0;
  for (FunctionGraph* g : graphs) {
    joined += join_blocks(g);
    dead += remove_dead_code(g);
  }
  log::get("backendopt")->debug("joined {} blocks, removed {} dead operations/inputs", joined, dead);
}

}  // namespace rpy
