// The os and os.path functions, on POSIX calls. Failures raise OSError, or
// the subclass CPython 3.11 picks for the errno (FileNotFoundError...), with
// CPython's message: "[Errno 2] No such file or directory: 'name'".
#include <dirent.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/gcroots.h"
#include "runtime/rpy.h"

using rpy_rt::Root;
using rpy_rt::write_barrier;

extern "C" {
// Emitted by codegen into every program (the bookkeeper always creates them).
extern const rpy_vtable rpy_vt_OSError, rpy_vt_FileNotFoundError, rpy_vt_FileExistsError, rpy_vt_PermissionError,
    rpy_vt_IsADirectoryError, rpy_vt_NotADirectoryError, rpy_vt_InterruptedError, rpy_vt_BlockingIOError,
    rpy_vt_ChildProcessError, rpy_vt_ProcessLookupError, rpy_vt_BrokenPipeError, rpy_vt_ConnectionAbortedError,
    rpy_vt_ConnectionRefusedError, rpy_vt_ConnectionResetError, rpy_vt_TimeoutError;
}

namespace {

// CPython's errnomap (Objects/exceptions.c).
const rpy_vtable* oserror_class(int err) {
  switch (err) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS: return &rpy_vt_BlockingIOError;
    case ECHILD: return &rpy_vt_ChildProcessError;
    case EPIPE:
    case ESHUTDOWN: return &rpy_vt_BrokenPipeError;
    case ECONNABORTED: return &rpy_vt_ConnectionAbortedError;
    case ECONNREFUSED: return &rpy_vt_ConnectionRefusedError;
    case ECONNRESET: return &rpy_vt_ConnectionResetError;
    case EEXIST: return &rpy_vt_FileExistsError;
    case ENOENT: return &rpy_vt_FileNotFoundError;
    case EISDIR: return &rpy_vt_IsADirectoryError;
    case ENOTDIR: return &rpy_vt_NotADirectoryError;
    case EINTR: return &rpy_vt_InterruptedError;
    case EACCES:
    case EPERM: return &rpy_vt_PermissionError;
    case ESRCH: return &rpy_vt_ProcessLookupError;
    case ETIMEDOUT: return &rpy_vt_TimeoutError;
    default: return &rpy_vt_OSError;
  }
}

std::string cpath(rpy_string* s) { return std::string(s->data, (size_t)s->nbytes); }

void raise_oserror2(int err, rpy_string* f1, rpy_string* f2) {
  std::string msg = "[Errno " + std::to_string(err) + "] " + strerror(err);
  if (f1) {
    Root<rpy_string> keep2(f2);
    rpy_string* r1 = rpy_str_repr(f1);
    msg += ": " + cpath(r1);
    if (keep2.get()) msg += " -> " + cpath(rpy_str_repr(keep2.get()));
  }
  rpy_raise_cstr(oserror_class(err), msg.c_str());
  reinterpret_cast<rpy_exception*>(rpy_exc_value)->os_errno = err;
}

// An embedded NUL: CPython's ValueError before any system call.
bool bad_path(rpy_string* p) {
  if (memchr(p->data, 0, (size_t)p->nbytes)) {
    rpy_raise_cstr(&rpy_vt_ValueError, "embedded null byte");
    return true;
  }
  return false;
}

struct stat g_statbuf;

}  // namespace

extern "C" {

void rpy_raise_oserror(Signed err, rpy_string* filename) { raise_oserror2((int)err, filename, nullptr); }

Signed rpy_os_write(Signed fd, rpy_bytes* data) {
  if (fd == 1 || fd == 2) rpy_stdout_flush();  // keeps the order with print()
  for (;;) {
    ssize_t n = write((int)fd, data->data, (size_t)data->nbytes);
    if (n >= 0) return n;
    if (errno != EINTR) break;
  }
  rpy_raise_oserror(errno, nullptr);
  return -1;
}

rpy_bytes* rpy_os_read(Signed fd, Signed n) {
  if (n < 0) {
    rpy_raise_oserror(EINVAL, nullptr);
    return nullptr;
  }
  if (fd == 0) rpy_stdout_flush();  // a prompt shows before the program waits
  std::string buf((size_t)n, '\0');
  for (;;) {
    ssize_t got = read((int)fd, buf.data(), (size_t)n);
    if (got >= 0) return rpy_bytes_from_data(buf.data(), got);
    if (errno != EINTR) break;
  }
  rpy_raise_oserror(errno, nullptr);
  return nullptr;
}

Signed rpy_os_open(rpy_string* path, Signed flags, Signed mode) {
  if (bad_path(path)) return -1;
  for (;;) {
    int fd = open(path->data, (int)flags | O_CLOEXEC, (mode_t)mode);
    if (fd >= 0) return fd;
    if (errno != EINTR) break;
  }
  rpy_raise_oserror(errno, path);
  return -1;
}

void rpy_os_close(Signed fd) {
  if (close((int)fd) != 0 && errno != EINTR) rpy_raise_oserror(errno, nullptr);
}

Signed rpy_os_lseek(Signed fd, Signed pos, Signed how) {
  off_t r = lseek((int)fd, (off_t)pos, (int)how);
  if (r < 0) {
    rpy_raise_oserror(errno, nullptr);
    return -1;
  }
  return (Signed)r;
}

void rpy_os_ftruncate(Signed fd, Signed length) {
  for (;;) {
    if (ftruncate((int)fd, (off_t)length) == 0) return;
    if (errno != EINTR) break;
  }
  rpy_raise_oserror(errno, nullptr);
}

Signed rpy_os_getpid(void) { return getpid(); }
Signed rpy_os_getppid(void) { return getppid(); }

// os.environ's first use: the process environment as "KEY=value" entries
// (rpython/rlib/_environ.py splits them, as CPython's os module does).
rpy_strlist* rpy_os_environ_list(void) {
  std::vector<std::string> entries;
  for (char** e = environ; *e; ++e) entries.push_back(*e);
  Root<rpy_strlist> list(rpy_strlist_new((Signed)entries.size()));
  if (!list.get()) return nullptr;
  for (size_t i = 0; i < entries.size(); ++i) {
    rpy_string* s = rpy_str_from_utf8(entries[i].data(), (Signed)entries[i].size());
    if (!s) return nullptr;
    rpy_strarray* items = list.get()->items;
    items->items[i] = s;
    write_barrier(items);
  }
  return list.get();
}

// os.putenv / os.environ[k] = v: CPython's checks, then setenv.
void rpy_os_putenv(rpy_string* key, rpy_string* value) {
  if (bad_path(key) || bad_path(value)) return;
  if (memchr(key->data, '=', (size_t)key->nbytes)) {
    rpy_raise_cstr(&rpy_vt_ValueError, "illegal environment variable name");
    return;
  }
  if (setenv(key->data, value->data, 1) != 0) rpy_raise_oserror(errno, nullptr);
}

void rpy_os_unsetenv(rpy_string* key) {
  if (bad_path(key)) return;
  if (key->nbytes == 0 || memchr(key->data, '=', (size_t)key->nbytes)) {
    rpy_raise_oserror(EINVAL, nullptr);
    return;
  }
  if (unsetenv(key->data) != 0) rpy_raise_oserror(errno, nullptr);
}

void rpy_os_unlink(rpy_string* path) {
  if (!bad_path(path) && unlink(path->data) != 0) rpy_raise_oserror(errno, path);
}
void rpy_os_rmdir(rpy_string* path) {
  if (!bad_path(path) && rmdir(path->data) != 0) rpy_raise_oserror(errno, path);
}
void rpy_os_mkdir(rpy_string* path, Signed mode) {
  if (!bad_path(path) && mkdir(path->data, (mode_t)mode) != 0) rpy_raise_oserror(errno, path);
}
void rpy_os_rename(rpy_string* src, rpy_string* dst) {
  if (bad_path(src) || bad_path(dst)) return;
  if (rename(src->data, dst->data) != 0) raise_oserror2(errno, src, dst);
}
void rpy_os_chdir(rpy_string* path) {
  if (!bad_path(path) && chdir(path->data) != 0) rpy_raise_oserror(errno, path);
}

rpy_string* rpy_os_getcwd(void) {
  std::vector<char> buf(4096);
  while (!getcwd(buf.data(), buf.size())) {
    if (errno != ERANGE) {
      rpy_raise_oserror(errno, nullptr);
      return nullptr;
    }
    buf.resize(buf.size() * 2);
  }
  return rpy_str_from_utf8(buf.data(), (Signed)strlen(buf.data()));
}

bool rpy_os_isatty(Signed fd) { return isatty((int)fd) == 1; }

rpy_bytes* rpy_os_urandom(Signed n) {
  if (n < 0) {
    rpy_raise_cstr(&rpy_vt_ValueError, "negative argument not allowed");
    return nullptr;
  }
  std::string buf((size_t)n, '\0');
  size_t got = 0;
  while (got < (size_t)n) {
    ssize_t r = getrandom(buf.data() + got, (size_t)n - got, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      rpy_raise_oserror(errno, nullptr);
      return nullptr;
    }
    got += (size_t)r;
  }
  return rpy_bytes_from_data(buf.data(), n);
}

rpy_strlist* rpy_os_listdir(rpy_string* path) {
  std::string p = path ? cpath(path) : ".";
  if (path && bad_path(path)) return nullptr;
  DIR* d = opendir(p.c_str());
  if (!d) {
    rpy_raise_oserror(errno, path ? path : rpy_str_from_utf8(".", 1));
    return nullptr;
  }
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    names.push_back(e->d_name);
  }
  closedir(d);
  Root<rpy_strlist> list(rpy_strlist_new((Signed)names.size()));
  if (!list.get()) return nullptr;
  for (size_t i = 0; i < names.size(); ++i) {
    rpy_string* s = rpy_str_from_utf8(names[i].data(), (Signed)names[i].size());
    rpy_strarray* items = list.get()->items;
    items->items[i] = s;
    write_barrier(items);
  }
  return list.get();
}

rpy_string* rpy_os_strerror(Signed code) {
  const char* m = strerror((int)code);
  return rpy_str_from_utf8(m, (Signed)strlen(m));
}

void rpy_os_stat(rpy_string* path) {
  if (!bad_path(path) && stat(path->data, &g_statbuf) != 0) rpy_raise_oserror(errno, path);
}
void rpy_os_lstat(rpy_string* path) {
  if (!bad_path(path) && lstat(path->data, &g_statbuf) != 0) rpy_raise_oserror(errno, path);
}
void rpy_os_fstat(Signed fd) {
  if (fstat((int)fd, &g_statbuf) != 0) rpy_raise_oserror(errno, nullptr);
}

Signed rpy_os_statbuf_int(Signed field) {
  switch (field) {
    case 0: return g_statbuf.st_mode;
    case 1: return (Signed)g_statbuf.st_ino;
    case 2: return (Signed)g_statbuf.st_dev;
    case 3: return (Signed)g_statbuf.st_nlink;
    case 4: return g_statbuf.st_uid;
    case 5: return g_statbuf.st_gid;
    default: return g_statbuf.st_size;
  }
}

double rpy_os_statbuf_float(Signed field) {
  const timespec& t = field == 0 ? g_statbuf.st_atim : field == 1 ? g_statbuf.st_mtim : g_statbuf.st_ctim;
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

// os.path.exists and friends: False for any error, embedded NULs included.
bool rpy_os_path_exists(rpy_string* path) {
  struct stat st;
  return !memchr(path->data, 0, (size_t)path->nbytes) && stat(path->data, &st) == 0;
}
bool rpy_os_path_isfile(rpy_string* path) {
  struct stat st;
  return !memchr(path->data, 0, (size_t)path->nbytes) && stat(path->data, &st) == 0 && S_ISREG(st.st_mode);
}
bool rpy_os_path_isdir(rpy_string* path) {
  struct stat st;
  return !memchr(path->data, 0, (size_t)path->nbytes) && stat(path->data, &st) == 0 && S_ISDIR(st.st_mode);
}
bool rpy_os_path_islink(rpy_string* path) {
  struct stat st;
  return !memchr(path->data, 0, (size_t)path->nbytes) && lstat(path->data, &st) == 0 && S_ISLNK(st.st_mode);
}
Signed rpy_os_path_getsize(rpy_string* path) {
  rpy_os_stat(path);
  if (rpy_exc_type) return -1;
  return g_statbuf.st_size;
}

// posixpath.join(a, b): b when it is absolute; else a, a '/' unless a is
// empty or already ends with one, and b.
rpy_string* rpy_os_path_join(rpy_string* a, rpy_string* b) {
  std::string sa = cpath(a), sb = cpath(b);
  std::string r;
  if (!sb.empty() && sb[0] == '/') r = sb;
  else if (sa.empty() || sa.back() == '/') r = sa + sb;
  else r = sa + "/" + sb;
  return rpy_str_from_utf8(r.data(), (Signed)r.size());
}

// posixpath.basename: after the last '/'.
rpy_string* rpy_os_path_basename(rpy_string* p) {
  std::string s = cpath(p);
  size_t i = s.rfind('/');
  std::string r = i == std::string::npos ? s : s.substr(i + 1);
  return rpy_str_from_utf8(r.data(), (Signed)r.size());
}

// posixpath.dirname: up to the last '/', trailing slashes removed unless
// the head is all slashes.
rpy_string* rpy_os_path_dirname(rpy_string* p) {
  std::string s = cpath(p);
  size_t i = s.rfind('/');
  std::string head = i == std::string::npos ? "" : s.substr(0, i + 1);
  if (!head.empty() && head.find_first_not_of('/') != std::string::npos)
    while (!head.empty() && head.back() == '/') head.pop_back();
  return rpy_str_from_utf8(head.data(), (Signed)head.size());
}

bool rpy_os_path_isabs(rpy_string* p) { return p->nbytes > 0 && p->data[0] == '/'; }

}  // extern "C"
