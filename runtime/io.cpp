#include <errno.h>
#include <poll.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "runtime/rpy.h"

namespace {

constexpr size_t kBufSize = 64 * 1024;
// malloc'ed on first use rather than static: libgc scans static data as
// roots at every collection, and 64 KiB of text is only false pointers.
// Until then g_cap is 0, which sends every non-empty write to the slow path,
// and g_buf points at a dummy so that empty writes need no special case.
char g_no_buf[1];
char* g_buf = g_no_buf;
size_t g_cap = 0;
size_t g_len = 0;
// Like CPython's sys.stdout: line-buffered on a terminal, so interactive
// programs show prompts and progress; block-buffered otherwise.
bool g_line_buffered = false;

void write_all(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {  // stdout inherited in non-blocking mode
        pollfd pfd = {fd, POLLOUT, 0};
        poll(&pfd, 1, -1);
        continue;
      }
      return;  // EPIPE, EBADF...: the output is lost, as with a closed pipe
    }
    p += w;
    n -= (size_t)w;
  }
}

__attribute__((noinline)) void write_slow(const char* p, size_t n) {
  if (RPY_UNLIKELY(g_cap == 0)) {
    char* b = static_cast<char*>(malloc(kBufSize));
    if (b == nullptr) {  // unbuffered is still correct
      write_all(1, p, n);
      return;
    }
    g_buf = b;
    g_cap = kBufSize;
  }
  if (g_len + n <= g_cap) {
    memcpy(g_buf + g_len, p, n);
    g_len += n;
  } else {
    write_all(1, g_buf, g_len);
    g_len = 0;
    if (n >= g_cap) {
      write_all(1, p, n);
    } else {
      memcpy(g_buf, p, n);
      g_len = n;
    }
  }
  if (g_line_buffered && g_len > 0 && memchr(p, '\n', n)) {
    write_all(1, g_buf, g_len);
    g_len = 0;
  }
}

}  // namespace

extern "C" {

void rpy_stdout_write(rpy_string* s) {
  size_t n = (size_t)s->nbytes;
  if (RPY_LIKELY(!g_line_buffered && n <= g_cap - g_len)) {
    memcpy(g_buf + g_len, s->data, n);
    g_len += n;
    return;
  }
  write_slow(s->data, n);
}

void rpy_stdout_flush(void) {
  if (g_len) {
    write_all(1, g_buf, g_len);
    g_len = 0;
  }
}

char* rpy_stack_limit = nullptr;

void rpy_runtime_init(int, char**) {
  rpy_gc_init();
  // The stack grows down from about here. Keep a margin below the limit
  // for the runtime's own frames (formatting, sorting, raising).
  struct rlimit rl;
  size_t size = 8u << 20;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) size = (size_t)rl.rlim_cur;
  if (size > (1u << 30)) size = 1u << 30;
  const size_t margin = 256u << 10;
  char* here = (char*)__builtin_frame_address(0);
  rpy_stack_limit = size > 2 * margin ? here - (size - margin) : here - size / 2;
  g_line_buffered = isatty(1) == 1;
}

void rpy_runtime_shutdown(void) { rpy_stdout_flush(); }

}  // extern "C"
