// The precise GC's environment settings: PYPY_GC_NURSERY, PYPY_GC_MAX (heap
// limit -> MemoryError, and recovery after it), PYPYLOG=gc:FILE. They are
// read once, at rpy_gc_init, so this file sets them before anything
// initialises the GC; the log test runs in a child process, whose exit
// writes the summary.
#define BOOST_TEST_MODULE rt_gc_limits
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

#include "support/gc_test_types.h"
#include "support/rt_test_util.h"

using namespace gc_test;
using namespace rt_test;

namespace {

std::string log_path() { return "/tmp/rpy_gc_limits_" + std::to_string(getpid()) + ".log"; }

struct Env {
  Env() {
    setenv("PYPY_GC_NURSERY", "256KB", 1);
    setenv("PYPY_GC_MAX", "24MB", 1);
  }
};

}  // namespace

BOOST_GLOBAL_FIXTURE(Env);

// First: before this process initialises its GC.
BOOST_AUTO_TEST_CASE(pypylog_gc_writes_collection_stats) {
  std::string path = log_path();
  unlink(path.c_str());
  fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    setenv("PYPYLOG", ("gc:" + path).c_str(), 1);
    setup_gc();
    Frame f(1);
    for (int i = 0; i < 200000; i++) f.set(0, new_node(i, i % 1000 ? f.get<Node>(0) : nullptr));
    rpy_gc_collect();
    exit(0);  // atexit writes the summary
  }
  int status = 0;
  waitpid(pid, &status, 0);
  BOOST_REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string log = ss.str();
  unlink(path.c_str());
  BOOST_TEST(log.find("{gc-collect-start") != std::string::npos);
  BOOST_TEST(log.find("gc-collect-done") != std::string::npos);
  BOOST_TEST(log.find("{gc-summary") != std::string::npos);
  BOOST_TEST(log.find("minor collections: ") != std::string::npos);
  BOOST_TEST(log.find("major collections: ") != std::string::npos);
  BOOST_TEST(log.find("nursery: 262144 bytes") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(nursery_size_from_env) {
  setup_gc();
  rpy_gc_stats s;
  rpy_gc_get_stats(&s);
  BOOST_TEST(s.nursery_size == (uint64_t)(256 * 1024));
}

BOOST_AUTO_TEST_CASE(heap_limit_raises_memory_error_and_recovers) {
  setup_gc();
  clear_exc();
  Frame f(2);
  // Grow a live list of 4 KB arrays (16 KB in debug mode) until the GC refuses.
  Signed count = 0;
  bool raised = false;
  for (int i = 0; i < 100000; i++) {
    PtrArray* a = new_ptr_array(rpy_gc_debug_mode() ? 2000 : 500);
    if (rpy_exc_type) {
      raised = true;
      break;
    }
    store_item(a, 0, f.get(0));
    f.set(0, a);
    count++;
  }
  BOOST_TEST(raised);
  BOOST_TEST(rpy_exc_type == &rpy_vt_MemoryError);
  BOOST_TEST(count > 1000);  // the limit is 24 MB: it was not refused early
  clear_exc();
  // Everything allocated before is intact.
  Signed n = 0;
  for (auto* a = f.get<PtrArray>(0); a; a = static_cast<PtrArray*>(a->items[0])) {
    BOOST_TEST_REQUIRE(a->hdr.tid == (uint32_t)TID_PtrArray);
    n++;
  }
  BOOST_TEST(n == count);
  // Drop it: allocation works again.
  f.set(0, nullptr);
  rpy_gc_collect();
  for (int i = 0; i < 1000; i++) {
    new_ptr_array(500);
    BOOST_TEST_REQUIRE(rpy_exc_type == nullptr);
  }
  rpy_gc_stats s;
  rpy_gc_get_stats(&s);
  BOOST_TEST(s.peak_old_bytes <= (uint64_t)(24u << 20));
}
