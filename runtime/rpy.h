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
  Signed os_errno;  // OSError.errno when the runtime raised it (runtime/os.cpp), else 0
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
extern const rpy_vtable rpy_vt_RecursionError;
extern const rpy_vtable rpy_vt_MemoryError;
// Raised by the str/bytes codecs (runtime/strmethods.cpp, bytes.cpp); the
// bookkeeper always creates these classes too.
extern const rpy_vtable rpy_vt_LookupError;
extern const rpy_vtable rpy_vt_UnicodeEncodeError;
extern const rpy_vtable rpy_vt_UnicodeDecodeError;

// ---- exception state: explicit, checked by the caller after each call -----
extern const rpy_vtable* rpy_exc_type;  // NULL when no exception is pending
extern rpy_object* rpy_exc_value;

// Raise a built-in exception carrying a message (NULL for no message).
void rpy_raise_cstr(const rpy_vtable* type, const char* msg);
// Raise a built-in exception whose str() is `msg` (NULL for no message).
void rpy_raise_str(const rpy_vtable* type, rpy_string* msg);
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
// Functions that can recurse raise RecursionError when their frame is below
// this address (set by rpy_runtime_init from the stack's size limit).
extern char* rpy_stack_limit;
void rpy_runtime_shutdown(void);  // flushes stdout

// ---- strings -----------------------------------------------------------------
rpy_string* rpy_str_from_utf8(const char* bytes, Signed nbytes);
rpy_string* rpy_str_concat(rpy_string* a, rpy_string* b);
rpy_string* rpy_str_concat3(rpy_string* a, rpy_string* b, rpy_string* c);
rpy_string* rpy_str_concat4(rpy_string* a, rpy_string* b, rpy_string* c, rpy_string* d);
// prefix + str(x) + suffix, one allocation (backendopt/strconcat.cpp).
rpy_string* rpy_str_concat_int(rpy_string* prefix, Signed x, rpy_string* suffix);
bool rpy_str_eq(rpy_string* a, rpy_string* b);
// The truth value of a str (or bytes) that may be None: not None and not empty.
static inline bool rpy_str_nonempty(rpy_string* s) { return s != nullptr && s->nbytes != 0; }
rpy_string* rpy_int2str(Signed x);
rpy_string* rpy_uint2str(Unsigned x);  // str() of an r_uint
rpy_string* rpy_float2str(double x);  // repr(): shortest round-trip
rpy_string* rpy_bool2str(bool x);
rpy_string* rpy_str_or_none(rpy_string* s);  // str() of a str that may be None: s, or "None"
Signed rpy_str2int(rpy_string* s);    // int(s), base 10; raises ValueError
Signed rpy_str2int_base(rpy_string* s, Signed base);  // int(s, base): base 0 or 2..36
double rpy_str2float(rpy_string* s);  // float(s); raises ValueError
rpy_string* rpy_str_repr(rpy_string* s);  // repr(s), CPython 3.11 quoting and escapes; NULL: "None"

// compute_hash() as rpython.rlib.objectmodel defines it.
Signed rpy_str_hash(rpy_string* s);
Signed rpy_float_hash(double f);
// The builtin hash() of ints, floats and tuples: CPython's values.
Signed rpy_int_pyhash(Signed x);
Signed rpy_float_pyhash(double f);
Signed rpy_tuple_pyhash_step(Signed acc, Signed lane);
Signed rpy_tuple_pyhash_finish(Signed acc, Signed len);
Signed rpy_identity_hash(const void* p);

// ==== str methods, bytes, formatting (runtime/strmethods.cpp, bytes.cpp,
// format.cpp). CPython 3.11 semantics, exceptions included. ================
//
// Conventions shared by all of them:
//  * Indexes are in code points. `start`/`end` arguments (find, count,
//    startswith...) take Python's values, negative ones counting from the
//    end and out-of-range ones clamped; an omitted start is 0 and an
//    omitted end is RPY_INDEX_END.
//  * Slices: rpy_str_slice(s, start, stop) clamps as s[start:stop] does.
//    With a step, an omitted start is (step < 0 ? RPY_INDEX_END : 0) and an
//    omitted stop is (step < 0 ? RPY_INDEX_BEGIN : RPY_INDEX_END): exactly
//    what PySlice_Unpack substitutes, so the result is the same as for None.
//  * A NULL rpy_string* argument documented as "or NULL" means None /
//    the parameter's default. Results are never NULL unless an exception
//    is pending.
//  * Results may share storage with an argument when they are equal to it
//    (strings are immutable, `is` on them is not RPython).
#define RPY_INDEX_END INT64_MAX
#define RPY_INDEX_BEGIN INT64_MIN

// ---- list[str]: the layout the rtyper uses for lists of str --------------
// A resizable list as RPython lays it out: items->length is the capacity,
// `length` the number of live items (the rest are NULL).
struct rpy_strarray {
  rpy_gchdr hdr;  // RPY_TID_STRARRAY
  Signed length;
  rpy_string* items[];
};
struct rpy_strlist {
  rpy_gchdr hdr;  // RPY_TID_STRLIST
  Signed length;
  rpy_strarray* items;
};
rpy_strlist* rpy_strlist_new(Signed length);  // length items, all NULL

// ---- bytes ------------------------------------------------------------------
// The same layout (and type id, RPY_TID_STRING) as rpy_string, with
// length == nbytes always: the GC sizes both alike, compute_hash is shared
// and codegen can emit prebuilt bytes like prebuilt strings. The data is any
// bytes (not necessarily UTF-8), still NUL-terminated.
struct rpy_bytes {
  rpy_gchdr hdr;
  Signed hash;
  Signed length;  // == nbytes
  Signed nbytes;
  char data[1];
};

// ---- str: indexing, slicing, search ------------------------------------------
// s[i]: negative i counts from the end; IndexError "string index out of range".
// ASCII strings (length == nbytes) index in O(1); others go through a small
// cache of recent (string, index, byte offset) positions, so walking a
// string with increasing or decreasing indexes stays O(1) per step.
rpy_string* rpy_str_getitem(rpy_string* s, Signed i);
rpy_string* rpy_str_getitem_nonneg(rpy_string* s, Signed i);  // 0 <= i < len, checked by the caller
Signed rpy_str_ord_at(rpy_string* s, Signed i);  // ord(s[i]) without building s[i]; 0 <= i < len
rpy_string* rpy_str_slice(rpy_string* s, Signed start, Signed stop);
rpy_string* rpy_str_slice_step(rpy_string* s, Signed start, Signed stop, Signed step);  // ValueError for step 0
bool rpy_str_contains(rpy_string* s, rpy_string* sub);
rpy_string* rpy_str_mul(rpy_string* s, Signed n);  // s * n
Signed rpy_str_cmp(rpy_string* a, rpy_string* b);  // <0, 0, >0 in code point order
Signed rpy_str_find(rpy_string* s, rpy_string* sub, Signed start, Signed end);
Signed rpy_str_rfind(rpy_string* s, rpy_string* sub, Signed start, Signed end);
Signed rpy_str_index(rpy_string* s, rpy_string* sub, Signed start, Signed end);   // ValueError
Signed rpy_str_rindex(rpy_string* s, rpy_string* sub, Signed start, Signed end);  // ValueError
Signed rpy_str_count(rpy_string* s, rpy_string* sub, Signed start, Signed end);
bool rpy_str_startswith(rpy_string* s, rpy_string* prefix, Signed start, Signed end);
bool rpy_str_endswith(rpy_string* s, rpy_string* suffix, Signed start, Signed end);

// ---- str: transformations ------------------------------------------------------
rpy_string* rpy_str_strip(rpy_string* s, rpy_string* chars);   // chars or NULL: whitespace
rpy_string* rpy_str_lstrip(rpy_string* s, rpy_string* chars);
rpy_string* rpy_str_rstrip(rpy_string* s, rpy_string* chars);
rpy_string* rpy_str_lower(rpy_string* s);  // full Unicode mappings, final sigma
rpy_string* rpy_str_upper(rpy_string* s);
bool rpy_str_isdigit(rpy_string* s);
bool rpy_str_isdecimal(rpy_string* s);
bool rpy_str_isnumeric(rpy_string* s);
bool rpy_str_isalpha(rpy_string* s);
bool rpy_str_isalnum(rpy_string* s);
bool rpy_str_isspace(rpy_string* s);
bool rpy_str_islower(rpy_string* s);
bool rpy_str_isupper(rpy_string* s);
bool rpy_str_isascii(rpy_string* s);
bool rpy_str_istitle(rpy_string* s);
bool rpy_str_isprintable(rpy_string* s);   // true for ""
bool rpy_str_isidentifier(rpy_string* s);  // XID_Start or '_', then XID_Continue
// Full Unicode (SpecialCasing) mappings: title case for the first letter of
// capitalize() and of each word of title(), full case folding for casefold().
rpy_string* rpy_str_capitalize(rpy_string* s);
rpy_string* rpy_str_title(rpy_string* s);
rpy_string* rpy_str_swapcase(rpy_string* s);
rpy_string* rpy_str_casefold(rpy_string* s);
rpy_string* rpy_str_expandtabs(rpy_string* s, Signed tabsize);  // tabsize <= 0: tabs removed
rpy_string* rpy_str_replace(rpy_string* s, rpy_string* old, rpy_string* repl, Signed count);  // count < 0: all
rpy_string* rpy_str_zfill(rpy_string* s, Signed width);
// fill: a one-character str, or NULL for ' '; TypeError otherwise.
rpy_string* rpy_str_ljust(rpy_string* s, Signed width, rpy_string* fill);
rpy_string* rpy_str_rjust(rpy_string* s, Signed width, rpy_string* fill);
rpy_string* rpy_str_center(rpy_string* s, Signed width, rpy_string* fill);
// ord() of a one-character str: TypeError "ord() expected a character, ...".
Signed rpy_str_ord(rpy_string* c);
rpy_string* rpy_chr(Signed cp);  // ValueError "chr() arg not in range(0x110000)"

// ---- str: split/join -----------------------------------------------------------
// sep NULL: runs of whitespace (str.isspace); ValueError "empty separator".
// maxsplit < 0: no limit.
rpy_strlist* rpy_str_split(rpy_string* s, rpy_string* sep, Signed maxsplit);
rpy_strlist* rpy_str_rsplit(rpy_string* s, rpy_string* sep, Signed maxsplit);
rpy_strlist* rpy_str_splitlines(rpy_string* s, bool keepends);
// sep.join(items); a NULL item raises TypeError as CPython does for None.
rpy_string* rpy_str_join(rpy_string* sep, rpy_strlist* items);

// ---- str <-> bytes ---------------------------------------------------------------
// encoding: utf-8 / latin-1 / ascii under their usual aliases (NULL = utf-8),
// LookupError otherwise. errors (NULL = "strict"): strict, ignore, replace,
// backslashreplace (and surrogatepass for utf-8); like CPython, an unknown
// handler is only reported (LookupError) when an error occurs.
// UnicodeEncodeError / UnicodeDecodeError carry CPython's message.
rpy_bytes* rpy_str_encode(rpy_string* s, rpy_string* encoding, rpy_string* errors);
rpy_string* rpy_bytes_decode(rpy_bytes* b, rpy_string* encoding, rpy_string* errors);

// ---- bytes --------------------------------------------------------------------------
rpy_bytes* rpy_bytes_from_data(const char* data, Signed n);
Signed rpy_bytes_getitem(rpy_bytes* b, Signed i);  // IndexError "index out of range"
rpy_bytes* rpy_bytes_slice(rpy_bytes* b, Signed start, Signed stop);
rpy_bytes* rpy_bytes_slice_step(rpy_bytes* b, Signed start, Signed stop, Signed step);
rpy_bytes* rpy_bytes_concat(rpy_bytes* a, rpy_bytes* b);
rpy_bytes* rpy_bytes_mul(rpy_bytes* b, Signed n);
bool rpy_bytes_eq(rpy_bytes* a, rpy_bytes* b);
Signed rpy_bytes_cmp(rpy_bytes* a, rpy_bytes* b);
bool rpy_bytes_contains(rpy_bytes* b, rpy_bytes* sub);
bool rpy_bytes_contains_int(rpy_bytes* b, Signed v);  // ValueError "byte must be in range(0, 256)"
Signed rpy_bytes_find(rpy_bytes* b, rpy_bytes* sub, Signed start, Signed end);
Signed rpy_bytes_rfind(rpy_bytes* b, rpy_bytes* sub, Signed start, Signed end);
Signed rpy_bytes_count(rpy_bytes* b, rpy_bytes* sub, Signed start, Signed end);
rpy_string* rpy_bytes_repr(rpy_bytes* b);  // b'...' exactly as CPython
static inline Signed rpy_bytes_hash(rpy_bytes* b) { return rpy_str_hash((rpy_string*)b); }
rpy_bytes* rpy_bytes_zeros(Signed n);               // bytes(n); ValueError "negative count"
rpy_string* rpy_bytes_hex(rpy_bytes* b);
rpy_bytes* rpy_bytes_fromhex(rpy_string* s);        // ValueError at the offending position

// ---- bytearray --------------------------------------------------------------------------
// A resizable array of bytes, as a list of chars: buf->nbytes is the
// capacity, `length` the bytes in use. The rtyper reads `length` directly
// (len, truth); everything else goes through these functions.
struct rpy_bytearray {
  rpy_gchdr hdr;  // RPY_TID_BYTEARRAY
  Signed length;
  rpy_bytes* buf;
};
// The truth value of a bytes / bytearray that may be None: not None and not empty.
static inline bool rpy_bytes_nonempty(rpy_bytes* b) { return b != nullptr && b->nbytes != 0; }
static inline bool rpy_bytearray_nonempty(rpy_bytearray* a) { return a != nullptr && a->length != 0; }
rpy_bytearray* rpy_bytearray_new(Signed n);  // n zero bytes; ValueError "negative count"
rpy_bytearray* rpy_bytearray_from_bytes(rpy_bytes* b);
rpy_bytes* rpy_bytearray_tobytes(rpy_bytearray* a);
Signed rpy_bytearray_getitem(rpy_bytearray* a, Signed i);  // IndexError "bytearray index out of range"
void rpy_bytearray_setitem(rpy_bytearray* a, Signed i, Signed v);
void rpy_bytearray_delitem(rpy_bytearray* a, Signed i);
void rpy_bytearray_append(rpy_bytearray* a, Signed v);  // ValueError "byte must be in range(0, 256)"
void rpy_bytearray_extend(rpy_bytearray* a, rpy_bytes* b);
void rpy_bytearray_insert(rpy_bytearray* a, Signed i, Signed v);
Signed rpy_bytearray_pop(rpy_bytearray* a, Signed i);
void rpy_bytearray_remove(rpy_bytearray* a, Signed v);
void rpy_bytearray_reverse(rpy_bytearray* a);
void rpy_bytearray_clear(rpy_bytearray* a);
void rpy_bytearray_imul(rpy_bytearray* a, Signed n);
// a[start:stop:step] = b (as CPython: an extended slice takes exactly its size)
void rpy_bytearray_setslice(rpy_bytearray* a, Signed start, Signed stop, Signed step, rpy_bytes* b);
void rpy_bytearray_delslice(rpy_bytearray* a, Signed start, Signed stop, Signed step);
rpy_string* rpy_bytearray_repr(rpy_bytearray* a);  // bytearray(b'...')
// Read-only operations with a bytearray operand, on its buffer in place
// (runtime/bytes.cpp): suffix `ab` is (bytearray, bytes), `ba` (bytes,
// bytearray), `aa` (bytearray, bytearray); concat gives the first's type.
#define RPY_BVIEW_DECLARE(x, y, X, Y)                                         \
  Signed rpy_bview_find_##x##y(X* b, Y* sub, Signed start, Signed end);    \
  Signed rpy_bview_rfind_##x##y(X* b, Y* sub, Signed start, Signed end);   \
  Signed rpy_bview_count_##x##y(X* b, Y* sub, Signed start, Signed end);   \
  bool rpy_bview_contains_##x##y(X* b, Y* sub);                            \
  bool rpy_bview_eq_##x##y(X* a, Y* b);                                    \
  Signed rpy_bview_cmp_##x##y(X* a, Y* b);                                 \
  X* rpy_bview_concat_##x##y(X* a, Y* b);
RPY_BVIEW_DECLARE(a, b, rpy_bytearray, rpy_bytes)
RPY_BVIEW_DECLARE(b, a, rpy_bytes, rpy_bytearray)
RPY_BVIEW_DECLARE(a, a, rpy_bytearray, rpy_bytearray)
#undef RPY_BVIEW_DECLARE
bool rpy_bytearray_contains_int(rpy_bytearray* a, Signed v);  // ValueError "byte must be in range(0, 256)"
rpy_bytearray* rpy_bytearray_slice(rpy_bytearray* a, Signed start, Signed stop);
rpy_bytearray* rpy_bytearray_slice_step(rpy_bytearray* a, Signed start, Signed stop, Signed step);
void rpy_bytearray_extend_a(rpy_bytearray* a, rpy_bytearray* b);  // b may be a
rpy_bytearray* rpy_bytearray_mul(rpy_bytearray* a, Signed n);
rpy_string* rpy_bytearray_decode(rpy_bytearray* a, rpy_string* encoding, rpy_string* errors);
rpy_string* rpy_bytearray_hex(rpy_bytearray* a);

// ---- formatting ---------------------------------------------------------------------
// One argument of a %-format, tagged. The fields are separate (not a union)
// so that `s` is always a valid ref or NULL and a GC can trace an array of
// these by a fixed offset. Only the field of the kind is read.
enum : Signed {
  RPY_FMTARG_INT = 0,    // i
  RPY_FMTARG_FLOAT = 1,  // f
  RPY_FMTARG_STR = 2,    // s (NULL formats as None)
  RPY_FMTARG_BOOL = 3,   // i: 0 or 1
  RPY_FMTARG_NONE = 4,
};
struct rpy_fmtarg {
  Signed kind;
  Signed i;
  double f;
  rpy_string* s;
};
// fmt % (args...): nargs tagged arguments (the rtyper passes a one-element
// array for a single non-tuple operand; CPython treats both alike for these
// types). Conversions d i u o x X e E f F g G c r s a %, flags - + space # 0,
// width and precision (also *). Mapping keys "%(name)s" raise TypeError
// "format requires a mapping".
rpy_string* rpy_str_mod(rpy_string* fmt, const rpy_fmtarg* args, Signed nargs);
// format(value, spec): the format-spec mini-language (f-strings, str.format).
rpy_string* rpy_format_int(Signed v, rpy_string* spec);
rpy_string* rpy_format_uint(Unsigned v, rpy_string* spec);  // an r_uint
rpy_string* rpy_format_float(double v, rpy_string* spec);
rpy_string* rpy_format_str(rpy_string* s, rpy_string* spec);
rpy_string* rpy_format_bool(bool v, rpy_string* spec);  // "" -> str(v), else as int
rpy_string* rpy_none2str(void);   // "None"
rpy_string* rpy_str_ascii(rpy_string* s);  // ascii(s)
rpy_string* rpy_int_tohex(Signed v);  // hex(v)
rpy_string* rpy_int_tooct(Signed v);  // oct(v)
rpy_string* rpy_int_tobin(Signed v);  // bin(v)

// The index cache rpy_str_getitem uses holds refs to strings; a moving GC
// must call this at the start of each collection (it only drops entries).
void rpy_str_index_cache_clear(void);

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
// a / b as CPython: the exact quotient rounded once (a double conversion of
// each operand first would round twice above 2**53).
double rpy_int_truediv_big(Signed a, Signed b);
static inline double rpy_int_truediv(Signed a, Signed b) {  // b != 0 checked by caller
  const Unsigned lim = (Unsigned)1 << 53;
  if (RPY_LIKELY((Unsigned)a + lim <= 2 * lim && (Unsigned)b + lim <= 2 * lim)) return (double)a / (double)b;
  return rpy_int_truediv_big(a, b);
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
Signed rpy_int_powmod(Signed base, Signed exp, Signed mod);  // pow(base, exp, mod); ValueError
Signed rpy_float_round(double x);               // round(x): raises as int(x)
double rpy_float_round_ndigits(double x, Signed ndigits);  // round(x, n); OverflowError
Signed rpy_int_round_ndigits(Signed n, Signed ndigits);    // round(n, ndigits) of an int

// ---- rpython.rlib.rweakref and rpython.rlib.rgc (implemented by each GC) ----
rpy_weakref* rpy_weakref_create(rpy_object* obj);  // can collect
static inline rpy_object* rpy_weakref_deref(rpy_weakref* w) { return static_cast<rpy_object*>(w->target); }
bool rpy_gc_can_move_obj(rpy_object* obj);
// Old objects never move: pinning a young one promotes it (a minor
// collection, so it can collect); always succeeds.
bool rpy_gc_pin(rpy_object* obj);
void rpy_gc_unpin(rpy_object* obj);
bool rpy_gc_is_pinned(rpy_object* obj);
// External memory (raw buffers) owned by GC objects: brings the next major
// collection closer, and starts one at once when it is due (can collect).
void rpy_gc_add_memory_pressure(Signed bytes);
Signed rpy_gc_get_stat(Signed what);  // RPY_STAT_* (gc/rpygc.h); -1 for an unknown one

}  // extern "C"

// s == "literal" (str or bytes) where codegen knows the literal: a length
// test and a memcmp of a compile-time size, which the C++ compiler turns
// into a compare or two, instead of a call. Tokenizers and dispatch on
// names compare against literals in their inner loops (`c == " "`).
template <size_t N>
inline bool rpy_str_eq_lit(const rpy_string* s, const char (&lit)[N]) {
  return s != nullptr && s->nbytes == (Signed)(N - 1) && std::memcmp(s->data, lit, N - 1) == 0;
}

// The one-character strings of ASCII, and "" at [128]: static data that
// s[i] on ASCII text returns without allocating (runtime/strmethods.cpp).
struct rpy_char_string {
  rpy_gchdr hdr;
  Signed hash, length, nbytes;
  char data[8];
};
struct rpy_char_table {
  rpy_char_string c[129];
};
extern rpy_char_table rpy_ascii_chars;

// s[i] of ASCII text, 0 <= i < len(s): codegen emits it for the
// rpy_str_getitem(_nonneg) calls the IR keeps, guarded by rpy_str_is_ascii
// (other text takes the call).
static inline bool rpy_str_is_ascii(const rpy_string* s) { return s->length == s->nbytes; }
static inline rpy_string* rpy_ascii_char_at(const rpy_string* s, Signed i) {
  return reinterpret_cast<rpy_string*>(&rpy_ascii_chars.c[(unsigned char)s->data[i]]);
}

// c.isdigit() & co. on a one-byte (so ASCII) string, the character a
// tokenizer just read: inline (codegen renames the calls, the IR keeps
// them); longer strings take the call.
#define RPY_ASCII_CLASS_INLINE(name, test)                          \
  static inline bool name##_inline(rpy_string* s) {                 \
    if (RPY_LIKELY(s->nbytes == 1)) {                               \
      unsigned c = (unsigned char)s->data[0];                       \
      return test;                                                  \
    }                                                               \
    return name(s);                                                 \
  }
RPY_ASCII_CLASS_INLINE(rpy_str_isdigit, c - '0' < 10u)
RPY_ASCII_CLASS_INLINE(rpy_str_isdecimal, c - '0' < 10u)
RPY_ASCII_CLASS_INLINE(rpy_str_isnumeric, c - '0' < 10u)
RPY_ASCII_CLASS_INLINE(rpy_str_isalpha, (c | 0x20) - 'a' < 26u)
RPY_ASCII_CLASS_INLINE(rpy_str_isalnum, (c | 0x20) - 'a' < 26u || c - '0' < 10u)
RPY_ASCII_CLASS_INLINE(rpy_str_islower, c - 'a' < 26u)
RPY_ASCII_CLASS_INLINE(rpy_str_isupper, c - 'A' < 26u)
// Python's ASCII whitespace: \t\n\v\f\r, the separators \x1c-\x1f, space.
RPY_ASCII_CLASS_INLINE(rpy_str_isspace, c == ' ' || c - 9u < 5u || c - 0x1cu < 4u)
#undef RPY_ASCII_CLASS_INLINE

// The sign of rpy_str_cmp(s, "literal") (codegen, literals up to 32
// bytes): a one-byte literal, what `"0" <= c <= "9"` compares against, is
// one byte test and a length test.
template <size_t N>
inline Signed rpy_str_cmp_lit(const rpy_string* s, const char (&lit)[N]) {
  constexpr Signed L = N - 1;
  if constexpr (L == 1) {
    if (s->nbytes == 0) return -1;
    int d = (int)(unsigned char)s->data[0] - (int)(unsigned char)lit[0];
    return d != 0 ? d : s->nbytes > 1;
  } else {
    Signed n = s->nbytes < L ? s->nbytes : L;
    int c = std::memcmp(s->data, lit, (size_t)n);
    if (c != 0) return c;
    return s->nbytes < L ? -1 : s->nbytes > L ? 1 : 0;
  }
}
template <size_t N>
inline Signed rpy_lit_cmp_str(const char (&lit)[N], const rpy_string* s) {
  return -rpy_str_cmp_lit(s, lit);
}

// s.startswith("literal") / s.endswith("literal") with no start or end
// (codegen): compares the literal's bytes.
template <size_t N>
inline bool rpy_str_startswith_lit(const rpy_string* s, const char (&lit)[N]) {
  return s->nbytes >= (Signed)(N - 1) && std::memcmp(s->data, lit, N - 1) == 0;
}
template <size_t N>
inline bool rpy_str_endswith_lit(const rpy_string* s, const char (&lit)[N]) {
  return s->nbytes >= (Signed)(N - 1) && std::memcmp(s->data + s->nbytes - (N - 1), lit, N - 1) == 0;
}

// `c in "literal"` with a one-byte (ASCII) c: a memchr over the literal's
// bytes (an ASCII byte never occurs inside a multi-byte UTF-8 sequence);
// else the general search.
template <size_t N>
inline bool rpy_str_contains_lit(rpy_string* s, const char (&lit)[N], rpy_string* sub) {
  if (sub->nbytes == 1) return std::memchr(lit, (unsigned char)sub->data[0], N - 1) != nullptr;
  return rpy_str_contains(s, sub);
}

// The standard-module functions (math, time, os, sys): runtime/rpy_syslib.h.
#include "runtime/rpy_syslib.h"
// rpython.rlib.rbigint (GMP): runtime/rpy_bigint.h.
#include "runtime/rpy_bigint.h"

#ifdef __cplusplus
#include "runtime/dict.h"
#endif
