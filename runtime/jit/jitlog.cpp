#include "runtime/jit/jitlog.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <mutex>
#include <sstream>
#include <vector>

namespace rpy::jit::jitlog {

namespace {

struct Config {
  bool pypylog = false;
  bool profiling = false;             // PYPYLOG=FILE: section markers only
  std::vector<std::string> prefixes;  // from PYPYLOG; one empty prefix selects all
  std::string file;                   // "-" or empty: stderr
  bool file_failed = false;           // could not be opened: stderr instead
  std::vector<std::string> rpylog;    // from RPYLOG
  spdlog::sink_ptr pypylog_sink;
  spdlog::sink_ptr stderr_sink;
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
    if (const char* e = std::getenv("PYPYLOG"); e && *e) {
      std::string spec = e;
      c->pypylog = true;
      size_t colon = spec.find(':');
      if (colon == std::string::npos) {
        c->profiling = true;
        c->prefixes = {""};
        c->file = spec;
      } else {
        c->prefixes = split(spec.substr(0, colon), ',');
        if (c->prefixes.empty()) c->prefixes = {""};
        c->file = spec.substr(colon + 1);
      }
    }
    if (const char* e = std::getenv("RPYLOG"))
      for (const std::string& item : split(e, ',')) c->rpylog.push_back(item.substr(0, item.find(':')));
    return c;
  }();
  return *c;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool selected_by(const std::vector<std::string>& prefixes, std::string_view section) {
  for (const std::string& p : prefixes) {
    if (starts_with(section, p) || p == "all" || p == "*") return true;
    // The one deviation from PyPy: jit-log-opt shows the trace before
    // optimization too.
    if (starts_with("jit-log-opt", p) && starts_with(section, "jit-log-noopt")) return true;
  }
  return false;
}

bool pypylog_wants(std::string_view section) {
  Config& c = config();
  return c.pypylog && selected_by(c.prefixes, section);
}

std::string timestamp() {
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch());
  char buf[32];
  std::snprintf(buf, sizeof buf, "[%llx]", static_cast<unsigned long long>(ns.count()));
  return buf;
}

}  // namespace

bool enabled(std::string_view section) {
  Config& c = config();
  return pypylog_wants(section) || selected_by(c.rpylog, section);
}

std::shared_ptr<spdlog::logger> get(std::string_view section_view) {
  std::string section(section_view);
  std::lock_guard<std::mutex> lock(mu);
  if (auto l = spdlog::get(section)) return l;
  Config& c = config();
  spdlog::sink_ptr sink;
  if (pypylog_wants(section) && !c.file.empty() && c.file != "-" && !c.file_failed) {
    if (!c.pypylog_sink) {
      try {
        c.pypylog_sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(c.file, true);
      } catch (const spdlog::spdlog_ex& e) {
        // A log is no reason to stop the program: say so once, log to stderr.
        std::fprintf(stderr, "warning: PYPYLOG: cannot open %s (%s); logging to stderr\n", c.file.c_str(), e.what());
        c.file_failed = true;
      }
    }
    sink = c.pypylog_sink;
  }
  if (!sink) {
    if (!c.stderr_sink) c.stderr_sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    sink = c.stderr_sink;
  }
  auto l = std::make_shared<spdlog::logger>(section, sink);
  l->set_pattern("%v");
  l->set_level(enabled(section) ? spdlog::level::info : spdlog::level::off);
  l->flush_on(spdlog::level::info);
  spdlog::register_logger(l);
  return l;
}

void write_section(std::string_view section, std::string_view body) {
  auto log = get(section);
  if (!log->should_log(spdlog::level::info)) return;
  std::string text = timestamp() + " {" + std::string(section);
  if (!config().profiling || !pypylog_wants(section)) {
    text += "\n";
    text += body;
    if (!body.empty() && body.back() != '\n') text += "\n";
  } else {
    text += "\n";
  }
  text += timestamp() + " " + std::string(section) + "}";
  log->info(text);
}

JitStats& stats() {
  static JitStats s;
  return s;
}

namespace {

void time_line(std::string& out, const char* name, uint64_t count, double seconds) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%s:%*s\t%llu\t%f\n", name, static_cast<int>(std::max<size_t>(0, 13 - std::strlen(name))),
                "", static_cast<unsigned long long>(count), seconds);
  out += buf;
}

void int_line(std::string& out, const char* name, uint64_t value) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%s:%*s\t%llu\n", name, static_cast<int>(std::max<size_t>(0, 16 - std::strlen(name))),
                "", static_cast<unsigned long long>(value));
  out += buf;
}

}  // namespace

std::string summary_text() {
  const JitStats& s = stats();
  std::string out;
  time_line(out, "Tracing", 0, 0.0);  // no tracer yet: traces come from text
  time_line(out, "Optimizer", s.loops_optimized + s.bridges_optimized, s.optimize_seconds);
  time_line(out, "Backend", s.loops_compiled + s.bridges_compiled, s.backend_seconds);
  char total[64];
  std::snprintf(total, sizeof total, "TOTAL:      \t\t%f\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - s.start).count());
  out += total;
  int_line(out, "ops", s.ops_before);
  int_line(out, "recorded ops", s.ops_before);
  int_line(out, "  calls", s.calls_before);
  int_line(out, "guards", s.guards_before);
  int_line(out, "opt ops", s.ops_after);
  int_line(out, "opt guards", s.guards_after);
  int_line(out, "virtual guards", s.virtual_guards);
  int_line(out, "code bytes", s.code_bytes);
  out += "Total # of loops:\t" + std::to_string(s.loops_compiled) + "\n";
  out += "Total # of bridges:\t" + std::to_string(s.bridges_compiled) + "\n";
  out += "Freed # of loops:\t0\n";
  out += "Freed # of bridges:\t0\n";
  return out;
}

void write_summary() {
  if (enabled("jit-summary")) write_section("jit-summary", summary_text());
}

uint64_t next_loop_number() {
  static uint64_t n = 0;
  return n++;
}

std::string code_dump(std::string_view backend, const uint8_t* start, size_t size) {
  std::string out = "BACKEND " + std::string(backend) + "\nSYS_EXECUTABLE " + program_invocation_short_name + "\n";
  char head[64];
  std::snprintf(head, sizeof head, "CODE_DUMP @%llx +0  ",
                static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(start)));
  out += head;
  static const char* hex = "0123456789ABCDEF";
  for (size_t k = 0; k < size; k++) {
    out += hex[start[k] >> 4];
    out += hex[start[k] & 15];
  }
  return out + "\n";
}

}  // namespace rpy::jit::jitlog
