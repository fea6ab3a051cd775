#include "driver/log.h"

#include <spdlog/sinks/stdout_sinks.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <sstream>

namespace rpy::log {

namespace {
std::mutex mu;
std::map<std::string, spdlog::level::level_enum>& wanted() {
  static auto* m = new std::map<std::string, spdlog::level::level_enum>;
  return *m;
}
spdlog::level::level_enum default_level = spdlog::level::warn;
bool env_read = false;

void read_env() {
  if (env_read) return;
  env_read = true;
  if (const char* e = std::getenv("RPYLOG")) {
    std::string spec = e;
    std::stringstream ss(spec);
    std::string item;
    while (std::getline(ss, item, ',')) {
      auto colon = item.find(':');
      std::string cat = item.substr(0, colon);
      auto lvl = colon == std::string::npos ? spdlog::level::debug : spdlog::level::from_str(item.substr(colon + 1));
      if (cat == "all" || cat == "*") default_level = lvl;
      else wanted()[cat] = lvl;
    }
  }
}

spdlog::level::level_enum level_for(const std::string& cat) {
  auto it = wanted().find(cat);
  return it == wanted().end() ? default_level : it->second;
}
}  // namespace

std::shared_ptr<spdlog::logger> get(const std::string& category) {
  std::lock_guard<std::mutex> lock(mu);
  read_env();
  if (auto l = spdlog::get(category)) return l;
  auto l = std::make_shared<spdlog::logger>(category, std::make_shared<spdlog::sinks::stderr_sink_st>());
  l->set_pattern("[%n] %v");
  l->set_level(level_for(category));
  spdlog::register_logger(l);
  return l;
}

void configure(const std::string& spec) {
  std::lock_guard<std::mutex> lock(mu);
  read_env();
  if (spec.find(',') == std::string::npos && spec.find(':') == std::string::npos) {
    default_level = spdlog::level::from_str(spec);
    wanted().clear();
  } else {
    std::stringstream ss(spec);
    std::string item;
    while (std::getline(ss, item, ',')) {
      auto colon = item.find(':');
      wanted()[item.substr(0, colon)] =
          colon == std::string::npos ? spdlog::level::debug : spdlog::level::from_str(item.substr(colon + 1));
    }
  }
  spdlog::apply_all([](std::shared_ptr<spdlog::logger> l) { l->set_level(level_for(l->name())); });
}

}  // namespace rpy::log
