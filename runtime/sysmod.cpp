// sys.exit, sys.stdout/sys.stderr.write, and bytes literals.
#include <string>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "runtime/gcroots.h"
#include "runtime/rpy.h"

extern "C" {

// Weak: the runtime's unit tests link without a program's classes.
extern const rpy_vtable rpy_vt_SystemExit __attribute__((weak));

namespace {
void write_all_fd(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    p += w;
    n -= (size_t)w;
  }
}
// SystemExit.os_errno tells how its message reads: the code as text (an
// int given to sys.exit), or a message to print (exit status 1).
enum : Signed { kExitCode = 1, kExitMessage = 2 };
}  // namespace

void rpy_sys_exit(Signed code) {
  rpy_rt::Root<rpy_string> m(rpy_int2str(code));
  rpy_raise_cstr(&rpy_vt_SystemExit, nullptr);
  reinterpret_cast<rpy_exception*>(rpy_exc_value)->msg = m.get();
  reinterpret_cast<rpy_exception*>(rpy_exc_value)->os_errno = kExitCode;
}

// msg NULL: sys.exit() / sys.exit(None), status 0.
void rpy_sys_exit_msg(rpy_string* msg) {
  rpy_rt::Root<rpy_string> m(msg);
  rpy_raise_cstr(&rpy_vt_SystemExit, nullptr);
  reinterpret_cast<rpy_exception*>(rpy_exc_value)->msg = m.get();
  reinterpret_cast<rpy_exception*>(rpy_exc_value)->os_errno = kExitMessage;
}

int rpy_sys_exit_status(void) {
  if (&rpy_vt_SystemExit == nullptr || !rpy_exc_type || !rpy_vtable_issubclass(rpy_exc_type, &rpy_vt_SystemExit))
    return -1;
  auto* e = reinterpret_cast<rpy_exception*>(rpy_exc_value);
  if (!e->msg) return 0;
  if (e->os_errno != kExitMessage) {
    // An int code (sys.exit(3), SystemExit(3)): the process status.
    const char* p = e->msg->data;
    char* end;
    errno = 0;
    long long v = strtoll(p, &end, 10);
    if (*p && *end == 0 && errno == 0) return (int)(v & 0xff);
  }
  rpy_stdout_flush();
  write_all_fd(2, e->msg->data, (size_t)e->msg->nbytes);
  write_all_fd(2, "\n", 1);
  return 1;
}

Signed rpy_sys_stdout_write(rpy_string* s) {
  rpy_stdout_write(s);
  return s->length;
}

void rpy_stderr_write(rpy_string* s) {
  rpy_stdout_flush();
  write_all_fd(2, s->data, (size_t)s->nbytes);
}

Signed rpy_sys_stderr_write(rpy_string* s) {
  rpy_stderr_write(s);
  return s->length;
}

void rpy_sys_stderr_flush(void) {}  // stderr is unbuffered

rpy_bytes* rpy_bytes_from_strconst(rpy_string* s) {
  // Copied out before allocating: the allocation may move s.
  std::string copy(s->data, (size_t)s->nbytes);
  return rpy_bytes_from_data(copy.data(), (Signed)copy.size());
}

}  // extern "C"
