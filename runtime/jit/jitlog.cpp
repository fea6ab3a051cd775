#include "runtime/jit/jitlog.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <cstdlib>
#include <mutex>
#include <sstream>
#include <vector>

namespace rpy::jit::jitlog {

namespace {

struct Config {
  std::vector<std::string> pypylog;  // category prefixes from PYPYLOG
  std::string file;                  // its file ("-" or empty: stderr)
  std::vector<std::string> rpylog;   // categories from RPYLOG
  spdlog::sink_ptr file_sink;
};

std::mutex mu;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, sep))
    if (!item.empty()) out.push_back(item);
  return out;
}

Config& config() {
  static Config* c = [] {
    auto* c = new Config;
    if (const char* e = std::getenv("PYPYLOG")) {
      std::string spec = e;
      size_t colon = spec.rfind(':');
      std::string cats = colon == std::string::npos ? spec : spec.substr(0, colon);
      c->file = colon == std::string::npos ? "-" : spec.substr(colon + 1);
      c->pypylog = split(cats, ',');
    }
    if (const char* e = std::getenv("RPYLOG"))
      for (const std::string& item : split(e, ',')) c->rpylog.push_back(item.substr(0, item.find(':')));
    return c;
  }();
  return *c;
}

bool wanted_by(const std::vector<std::string>& list, const std::string& category, bool prefix) {
  for (const std::string& w : list)
    if (w == category || w == "all" || w == "*" || (prefix && category.rfind(w, 0) == 0)) return true;
  return false;
}

}  // namespace

bool enabled(const std::string& category) {
  Config& c = config();
  return wanted_by(c.pypylog, category, true) || wanted_by(c.rpylog, category, false);
}

std::shared_ptr<spdlog::logger> get(const std::string& category) {
  std::lock_guard<std::mutex> lock(mu);
  if (auto l = spdlog::get(category)) return l;
  Config& c = config();
  spdlog::sink_ptr sink;
  if (wanted_by(c.pypylog, category, true) && !c.file.empty() && c.file != "-") {
    if (!c.file_sink) c.file_sink = std::make_shared<spdlog::sinks::basic_file_sink_st>(c.file, true);
    sink = c.file_sink;
  } else {
    sink = std::make_shared<spdlog::sinks::stderr_sink_st>();
  }
  auto l = std::make_shared<spdlog::logger>(category, sink);
  l->set_pattern("[%n] %v");
  l->set_level(enabled(category) ? spdlog::level::info : spdlog::level::off);
  l->flush_on(spdlog::level::info);
  spdlog::register_logger(l);
  return l;
}

}  // namespace rpy::jit::jitlog
