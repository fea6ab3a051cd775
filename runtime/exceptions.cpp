#include <errno.h>
#include <unistd.h>

#include <cstring>

#include "runtime/rpy.h"

extern "C" {

const rpy_vtable* rpy_exc_type = nullptr;
rpy_object* rpy_exc_value = nullptr;

void rpy_raise_cstr(const rpy_vtable* type, const char* msg) {
  // The message is built before the instance so that, should building it ever
  // raise, the exception being raised here is the one left pending.
  // m stays on the shadow stack across the second allocation, which may move it.
  rpy_gcref<rpy_string> m(msg ? rpy_str_from_utf8(msg, (Signed)strlen(msg)) : nullptr);
  auto* e = static_cast<rpy_exception*>(rpy_gc_malloc(RPY_TID_EXCEPTION, sizeof(rpy_exception)));
  e->typeptr = type;
  e->msg = m.get();
  rpy_exc_value = static_cast<rpy_object*>(e);
  rpy_exc_type = type;
}

void rpy_raise_str(const rpy_vtable* type, rpy_string* msg) {
  rpy_gcref<rpy_string> m(msg);
  auto* e = static_cast<rpy_exception*>(rpy_gc_malloc(RPY_TID_EXCEPTION, sizeof(rpy_exception)));
  e->typeptr = type;
  e->msg = m.get();
  rpy_exc_value = static_cast<rpy_object*>(e);
  rpy_exc_type = type;
}

void rpy_raise_instance(rpy_object* exc) {
  rpy_exc_value = exc;
  rpy_exc_type = exc->typeptr;
}

static void write_all_stderr(const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = write(2, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;  // nowhere left to report to
    }
    p += w;
    n -= (size_t)w;
  }
}

int rpy_report_uncaught(void) {
  rpy_stdout_flush();
  const rpy_vtable* t = rpy_exc_type;
  if (t == nullptr) return 1;
  if (int status = rpy_sys_exit_status(); status >= 0) return status;  // syslib: SystemExit (runtime/sysmod.cpp)
  if (t->name)
    write_all_stderr(t->name->data, (size_t)t->name->nbytes);
  else
    write_all_stderr("<unknown exception>", 19);
  // Every exception class, user-defined ones included, derives from a
  // built-in one and so shares rpy_exception's layout.
  auto* e = reinterpret_cast<rpy_exception*>(rpy_exc_value);
  if (e && e->msg) {
    write_all_stderr(": ", 2);
    write_all_stderr(e->msg->data, (size_t)e->msg->nbytes);
  }
  write_all_stderr("\n", 1);
  return 1;
}

}  // extern "C"

rpy_string* rpy_exc_str(rpy_exception* e) {
  if (e->msg) return e->msg;
  // Static data, not a heap string: a moving GC does not see C++ statics.
  static rpy_string empty = {{RPY_TID_STRING, RPY_GCFLAG_PREBUILT}, 0, 0, 0, {0}};
  return &empty;
}
