// The standard-module functions translated programs call (rtyper/rmodules.cpp
// declares their effects): math (runtime/mathmod.cpp), time (timemod.cpp),
// os and os.path (os.cpp), sys and bytes literals (sysmod.cpp). Errors are
// raised as CPython 3.11 raises them, messages included.
#pragma once
#include "runtime/rpy.h"

extern "C" {

// ---- math: ValueError "math domain error", OverflowError "math range error"
double rpy_math_sqrt(double x);
double rpy_math_exp(double x);
double rpy_math_expm1(double x);
double rpy_math_log(double x);
double rpy_math_log_base(double x, double base);  // ZeroDivisionError when log(base) == 0
double rpy_math_log10(double x);
double rpy_math_log2(double x);
double rpy_math_log1p(double x);
double rpy_math_sin(double x);
double rpy_math_cos(double x);
double rpy_math_tan(double x);
double rpy_math_asin(double x);
double rpy_math_acos(double x);
double rpy_math_atan(double x);
double rpy_math_sinh(double x);
double rpy_math_cosh(double x);
double rpy_math_tanh(double x);
double rpy_math_asinh(double x);
double rpy_math_acosh(double x);
double rpy_math_atanh(double x);
double rpy_math_fabs(double x);
double rpy_math_degrees(double x);
double rpy_math_radians(double x);
double rpy_math_pow(double x, double y);
double rpy_math_atan2(double y, double x);
double rpy_math_hypot(double x, double y);
double rpy_math_fmod(double x, double y);
double rpy_math_copysign(double x, double y);
double rpy_math_ldexp(double x, Signed e);
bool rpy_math_isnan(double x);
bool rpy_math_isinf(double x);
bool rpy_math_isfinite(double x);
Signed rpy_math_floor(double x);  // OverflowError / ValueError as int(float)
Signed rpy_math_ceil(double x);
double rpy_math_modf_frac(double x);  // math.modf(x)[0]
double rpy_math_modf_int(double x);   // math.modf(x)[1]
double rpy_math_frexp_mant(double x);  // math.frexp(x)[0]
Signed rpy_math_frexp_exp(double x);   // math.frexp(x)[1]
Signed rpy_math_gcd(Signed a, Signed b);
Signed rpy_math_factorial(Signed n);  // OverflowError past 20! (a machine word)
// float.hex(x), float.fromhex(s) (runtime/floatrepr.cpp); fromhex raises
// ValueError / OverflowError with CPython's messages.
rpy_string* rpy_float_hex(double x);
double rpy_float_fromhex(rpy_string* s);

// ---- time --------------------------------------------------------------------
double rpy_time_time(void);
double rpy_time_perf_counter(void);
double rpy_time_monotonic(void);
double rpy_time_process_time(void);
Signed rpy_time_time_ns(void);
Signed rpy_time_perf_counter_ns(void);
Signed rpy_time_monotonic_ns(void);
Signed rpy_time_process_time_ns(void);
void rpy_time_sleep(double secs);  // ValueError "sleep length must be non-negative"

// ---- os: failures raise OSError (FileNotFoundError, PermissionError... by
// errno) with CPython's message "[Errno 2] No such file or directory: 'x'".
Signed rpy_os_write(Signed fd, rpy_bytes* data);
rpy_bytes* rpy_os_read(Signed fd, Signed n);
Signed rpy_os_open(rpy_string* path, Signed flags, Signed mode);
void rpy_os_close(Signed fd);
Signed rpy_os_lseek(Signed fd, Signed pos, Signed how);
Signed rpy_os_getpid(void);
Signed rpy_os_getppid(void);
void rpy_os_ftruncate(Signed fd, Signed length);
rpy_strlist* rpy_os_environ_list(void);                          // "KEY=value" entries
void rpy_os_putenv(rpy_string* key, rpy_string* value);          // ValueError, OSError as CPython
void rpy_os_unsetenv(rpy_string* key);
void rpy_os_unlink(rpy_string* path);
void rpy_os_rmdir(rpy_string* path);
void rpy_os_mkdir(rpy_string* path, Signed mode);
void rpy_os_rename(rpy_string* src, rpy_string* dst);
void rpy_os_chdir(rpy_string* path);
rpy_string* rpy_os_getcwd(void);
bool rpy_os_isatty(Signed fd);
rpy_bytes* rpy_os_urandom(Signed n);
rpy_strlist* rpy_os_listdir(rpy_string* path);  // NULL: "."; order of readdir, as CPython
rpy_string* rpy_os_strerror(Signed code);
// stat: the result waits in a runtime buffer read by the two getters (the
// rtyper fills a stat_result instance right after the call).
// Fields: 0 st_mode, 1 st_ino, 2 st_dev, 3 st_nlink, 4 st_uid, 5 st_gid,
// 6 st_size; floats: 0 st_atime, 1 st_mtime, 2 st_ctime.
void rpy_os_stat(rpy_string* path);
void rpy_os_lstat(rpy_string* path);
void rpy_os_fstat(Signed fd);
Signed rpy_os_statbuf_int(Signed field);
double rpy_os_statbuf_float(Signed field);
bool rpy_os_path_exists(rpy_string* path);
bool rpy_os_path_isfile(rpy_string* path);
bool rpy_os_path_isdir(rpy_string* path);
bool rpy_os_path_islink(rpy_string* path);
Signed rpy_os_path_getsize(rpy_string* path);
rpy_string* rpy_os_path_join(rpy_string* a, rpy_string* b);
rpy_string* rpy_os_path_basename(rpy_string* p);
rpy_string* rpy_os_path_dirname(rpy_string* p);
bool rpy_os_path_isabs(rpy_string* p);
// Raises OSError (or the subclass for `err`) "[Errno N] strerror[: 'filename']".
void rpy_raise_oserror(Signed err, rpy_string* filename);

// ---- sys ----------------------------------------------------------------------
// sys.exit(code) / sys.exit(msg) raise SystemExit; reaching main uncaught,
// it ends the program with that status (a message is printed, status 1).
void rpy_sys_exit(Signed code);
void rpy_sys_exit_msg(rpy_string* msg);
Signed rpy_sys_stdout_write(rpy_string* s);  // returns len(s)
Signed rpy_sys_stderr_write(rpy_string* s);  // stdout flushed first; unbuffered
void rpy_stderr_write(rpy_string* s);
void rpy_sys_stderr_flush(void);
// The status SystemExit asks for (rpy_report_uncaught), -1 when it is not one.
int rpy_sys_exit_status(void);

// ---- bytes literals ---------------------------------------------------------------
rpy_bytes* rpy_bytes_from_strconst(rpy_string* s);  // a prebuilt str holding the bytes

}  // extern "C"
