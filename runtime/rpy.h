// The runtime ABI seen by generated programs. Everything a translated program
// calls lives behind this header; the generated C++ includes only this file.
//
// Layouts here mirror low-level types the rtyper builds (rtyper/lltype.h): a
// change to one is a change to the other.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "gc/rpygc.h"

typedef int64_t Signed;
typedef uint64_t Unsigned;

#define RPY_LIKELY(x) __builtin_expect(!!(x), 1)
#define RPY_UNLIKELY(x) __builtin_expect(!!(x), 0)

extern "C" {

// ---- str: UTF-8 text with its length in code points cached ----------------
struct rpy_string {
  rpy_gchdr hdr;
  Signed hash;    // 0 = not computed yet
  Signed length;  // in code points
  Signed nbytes;  // UTF-8 bytes in data, not counting the trailing NUL
  char data[1];   // nbytes + 1 (NUL-terminated, for C interop)
};

// ---- instances and classes (RPython's OBJECT / OBJECT_VTABLE) -------------
struct rpy_vtable {
  // isinstance(x, C) is  C.min <= type(x).min < C.max  (preorder numbering
  // of the whole class tree, computed by the rtyper).
  Signed subclassrange_min;
  Signed subclassrange_max;
  rpy_string* name;
};

struct rpy_object {
  rpy_gchdr hdr;
  const rpy_vtable* typeptr;
};

// Built-in exception instances: the base layout every exception shares.
// Generated instance structs derive from rpy_object (or this) in C++, so a
// subclass's fields follow its base's, as the rtyper lays them out.
struct rpy_exception : rpy_object {
  rpy_string* msg;  // str(e); NULL when raised without an argument
};

// The vtables of built-in exception classes are emitted by codegen (they sit
// in the program's class tree, user classes can extend them); the runtime
// only refers to them.
extern const rpy_vtable rpy_vt_Exception;
extern const rpy_vtable rpy_vt_ValueError;
extern const rpy_vtable rpy_vt_ZeroDivisionError;
extern const rpy_vtable rpy_vt_OverflowError;
extern const rpy_vtable rpy_vt_IndexError;
extern const rpy_vtable rpy_vt_KeyError;
extern const rpy_vtable rpy_vt_TypeError;
extern const rpy_vtable rpy_vt_AssertionError;
extern const rpy_vtable rpy_vt_StopIteration;
extern const rpy_vtable rpy_vt_RuntimeError;
extern const rpy_vtable rpy_vt_MemoryError;

// ---- exception state: explicit, checked by the caller after each call -----
extern const rpy_vtable* rpy_exc_type;  // NULL when no exception is pending
extern rpy_object* rpy_exc_value;

// Raise a built-in exception carrying a message (NULL for no message).
void rpy_raise_cstr(const rpy_vtable* type, const char* msg);
// Raise an existing instance.
void rpy_raise_instance(rpy_object* exc);
// str(e) of an exception: its message, or "" when it has none.
rpy_string* rpy_exc_str(rpy_exception* e);
// Print "Name: message" (or "Name") to stderr after flushing stdout; returns 1.
int rpy_report_uncaught(void);
// isinstance against a vtable, by subclass range.
static inline bool rpy_vtable_issubclass(const rpy_vtable* sub, const rpy_vtable* sup) {
  return sup->subclassrange_min <= sub->subclassrange_min &&
         sub->subclassrange_min < sup->subclassrange_max;
}

// isinstance(obj, C) for C's subclass range; false for None.
static inline bool rpy_isinstance_range(const rpy_object* obj, Signed min, Signed max) {
  return obj != nullptr && min <= obj->typeptr->subclassrange_min && obj->typeptr->subclassrange_min < max;
}

// ---- process ----------------------------------------------------------------
void rpy_runtime_init(int argc, char** argv);
void rpy_runtime_shutdown(void);  // flushes stdout

// ---- strings -----------------------------------------------------------------
rpy_string* rpy_str_from_utf8(const char* bytes, Signed nbytes);
rpy_string* rpy_str_concat(rpy_string* a, rpy_string* b);
bool rpy_str_eq(rpy_string* a, rpy_string* b);
rpy_string* rpy_int2str(Signed x);
rpy_string* rpy_float2str(double x);  // repr(): shortest round-trip
rpy_string* rpy_bool2str(bool x);
Signed rpy_str2int(rpy_string* s);    // int(s), base 10; raises ValueError
double rpy_str2float(rpy_string* s);  // float(s); raises ValueError
rpy_string* rpy_str_repr(rpy_string* s);  // repr(s), CPython 3.11 quoting and escapes

// compute_hash() as rpython.rlib.objectmodel defines it.
Signed rpy_str_hash(rpy_string* s);
Signed rpy_float_hash(double f);
Signed rpy_identity_hash(const void* p);

// ---- output ------------------------------------------------------------------
void rpy_stdout_write(rpy_string* s);  // buffered; flushed at exit and before stderr output
void rpy_stdout_flush(void);  // e.g. before reading stdin or writing fd 1/2 directly

// ---- arithmetic with Python semantics (divisor checked by the caller) ------
static inline Signed rpy_int_floordiv(Signed a, Signed b) {
  if (RPY_UNLIKELY(b == -1)) return (Signed)(0 - (Unsigned)a);  // wraps for LONG_MIN
  Signed q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q -= 1;
  return q;
}
static inline Signed rpy_int_mod(Signed a, Signed b) {
  if (RPY_UNLIKELY(b == -1)) return 0;
  Signed r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}
static inline Signed rpy_int_lshift(Signed a, Signed b) {  // b >= 0 checked by caller
  return b >= 64 ? 0 : (Signed)((Unsigned)a << b);
}
static inline Signed rpy_int_rshift(Signed a, Signed b) {  // b >= 0 checked by caller
  return b >= 64 ? (a < 0 ? -1 : 0) : (a >> b);
}
// len(range(start, stop, step)) for step != 0; cannot overflow.
static inline Signed rpy_range_len(Signed start, Signed stop, Signed step) {
  if (step > 0)
    return start < stop ? (Signed)(((Unsigned)stop - (Unsigned)start - 1) / (Unsigned)step + 1) : 0;
  return start > stop ? (Signed)(((Unsigned)start - (Unsigned)stop - 1) / (0 - (Unsigned)step) + 1) : 0;
}
Signed rpy_int_pow(Signed base, Signed exp);  // wraps; exp < 0 raises ValueError
double rpy_float_floordiv(double a, double b);  // b != 0 checked by caller
double rpy_float_mod(double a, double b);       // b != 0 checked by caller
double rpy_float_pow(double a, double b);       // raises ZeroDivisionError / ValueError / OverflowError
Signed rpy_float2int(double x);                 // raises OverflowError / ValueError

}  // extern "C"
