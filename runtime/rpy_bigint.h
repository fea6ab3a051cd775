// rpython.rlib.rbigint's primitives (runtime/bigint.cpp, backed by GMP).
//
// A big integer is an immutable bytes object in GMP's layout: one word, the
// signed limb count (_mp_size), then the magnitude's limbs, least
// significant first. The GC owns it: operands are viewed in place as
// read-only GMP integers (mpz_roinit_n) while GMP computes into a
// temporary mpz_t in malloc'ed memory, and only then is the result copied
// into a new bytes (the one allocation, after the operands are dead: nothing
// needs rooting).
#pragma once

extern "C" {

enum { RPY_BI_ADD, RPY_BI_SUB, RPY_BI_MUL, RPY_BI_FLOORDIV, RPY_BI_MOD, RPY_BI_AND, RPY_BI_OR, RPY_BI_XOR };
enum { RPY_BI_NEG, RPY_BI_ABS, RPY_BI_INVERT };

rpy_bytes* rpy_bigint_fromint(Signed i);
rpy_bytes* rpy_bigint_fromstr(rpy_string* s, Signed base);  // ValueError as int(s, base)
rpy_bytes* rpy_bigint_fromfloat(double f);                  // OverflowError / ValueError as int(f)
rpy_string* rpy_bigint_tostr(rpy_bytes* a, Signed base);   // base 2..36, no prefix
Signed rpy_bigint_toint(rpy_bytes* a);                      // OverflowError
double rpy_bigint_tofloat(rpy_bytes* a);                    // correctly rounded; OverflowError
double rpy_bigint_truediv(rpy_bytes* a, rpy_bytes* b);  // correctly rounded; ZeroDivisionError, OverflowError
rpy_bytes* rpy_bigint_binop(Signed op, rpy_bytes* a, rpy_bytes* b);  // ZeroDivisionError
rpy_bytes* rpy_bigint_unop(Signed op, rpy_bytes* a);
rpy_bytes* rpy_bigint_pow(rpy_bytes* a, rpy_bytes* b);                // ValueError for b < 0
rpy_bytes* rpy_bigint_powmod(rpy_bytes* a, rpy_bytes* b, rpy_bytes* m);  // ValueError
rpy_bytes* rpy_bigint_lshift(rpy_bytes* a, Signed n);  // ValueError, OverflowError
rpy_bytes* rpy_bigint_rshift(rpy_bytes* a, Signed n);  // ValueError
Signed rpy_bigint_cmp(rpy_bytes* a, rpy_bytes* b);     // -1, 0, 1; never allocates
Signed rpy_bigint_sign(rpy_bytes* a);                  // never allocates
Signed rpy_bigint_hash(rpy_bytes* a);                  // hash() of the Python int; never allocates
Signed rpy_bigint_bit_length(rpy_bytes* a);            // never allocates

}  // extern "C"
