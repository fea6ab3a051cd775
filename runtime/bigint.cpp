// rpython.rlib.rbigint's primitives on GMP, with Python int semantics
// (floor division, two's complement bitwise operations, pow with a modulus)
// and CPython 3.11's error messages. The layout and the memory rules are in
// runtime/rpy_bigint.h.
#include <gmp.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/rpy.h"
#include "runtime/strutil.h"

static_assert(sizeof(mp_limb_t) == sizeof(Signed), "limbs are machine words");
static_assert(offsetof(rpy_bytes, data) % alignof(mp_limb_t) == 0, "limbs are read in place");

namespace {

const mp_limb_t* limbs(rpy_bytes* a) { return reinterpret_cast<const mp_limb_t*>(a->data) + 1; }
Signed size_of(rpy_bytes* a) {
  Signed size;
  std::memcpy(&size, a->data, sizeof size);
  return size;
}

// A read-only mpz over a's limbs: valid until the next GC allocation.
struct View {
  mpz_t z;
  explicit View(rpy_bytes* a) { mpz_roinit_n(z, limbs(a), (mp_size_t)size_of(a)); }
};

// A GMP temporary, freed by GMP's own allocator.
struct Temp {
  mpz_t z;
  Temp() { mpz_init(z); }
  ~Temp() { mpz_clear(z); }
  Temp(const Temp&) = delete;
  Temp& operator=(const Temp&) = delete;
};

// The one GC allocation of each primitive: the result's bytes.
rpy_bytes* pack(mpz_srcptr z) {
  Signed n = (Signed)mpz_size(z);
  Signed nbytes = (Signed)sizeof(mp_limb_t) * (n + 1);
  rpy_bytes* b = reinterpret_cast<rpy_bytes*>(rpy_rt::new_string(nbytes, nbytes));
  if (RPY_UNLIKELY(!b)) return nullptr;  // MemoryError pending
  Signed size = (Signed)z->_mp_size;
  std::memcpy(b->data, &size, sizeof size);
  if (n) std::memcpy(b->data + sizeof(mp_limb_t), mpz_limbs_read(z), (size_t)n * sizeof(mp_limb_t));
  return b;
}

__attribute__((cold, noinline)) void raise(const rpy_vtable* vt, const char* msg) { rpy_raise_cstr(vt, msg); }

}  // namespace

extern "C" {

rpy_bytes* rpy_bigint_fromint(Signed i) {
  Temp t;
  mpz_set_si(t.z, (long)i);
  return pack(t.z);
}

rpy_bytes* rpy_bigint_fromstr(rpy_string* s, Signed base) {
  if (base != 0 && (base < 2 || base > 36)) {
    raise(&rpy_vt_ValueError, "int() base must be >= 2 and <= 36, or 0");
    return nullptr;
  }
  Signed b = base;
  bool negative;
  std::string digits;
  std::string text = rpy_rt::number_text(s);
  if (!rpy_rt::parse_int_literal(text.data(), text.data() + text.size(), b, negative, digits)) {
    // "invalid literal for int() with base 10: %.200R" (the repr cut at
    // 200 code points). The repr allocates: s is not used after it.
    rpy_string* r = rpy_str_repr(s);
    if (!r) return nullptr;
    std::string msg = "invalid literal for int() with base " + std::to_string(base) + ": ";
    const char* p = r->data;
    const char* e = r->data + r->nbytes;
    for (Signed cps = 0; p < e; cps++) {
      if (cps == 200) break;
      const char* q = p + 1;
      while (q < e && (static_cast<unsigned char>(*q) & 0xc0) == 0x80) q++;
      msg.append(p, (size_t)(q - p));
      p = q;
    }
    raise(&rpy_vt_ValueError, msg.c_str());
    return nullptr;
  }
  Temp t;
  mpz_set_str(t.z, digits.c_str(), (int)b);
  if (negative) mpz_neg(t.z, t.z);
  return pack(t.z);
}

rpy_bytes* rpy_bigint_fromfloat(double f) {
  if (std::isinf(f)) {
    raise(&rpy_vt_OverflowError, "cannot convert float infinity to integer");
    return nullptr;
  }
  if (std::isnan(f)) {
    raise(&rpy_vt_ValueError, "cannot convert float NaN to integer");
    return nullptr;
  }
  Temp t;
  mpz_set_d(t.z, f);  // truncates, as int(f); exact for every double
  return pack(t.z);
}

rpy_string* rpy_bigint_tostr(rpy_bytes* a, Signed base) {
  std::string out;
  {
    View v(a);
    out.resize(mpz_sizeinbase(v.z, (int)base) + 2);
    mpz_get_str(out.data(), (int)base, v.z);
  }
  out.resize(std::strlen(out.c_str()));
  return rpy_rt::str_from_ascii(out);
}

Signed rpy_bigint_toint(rpy_bytes* a) {
  View v(a);
  if (!mpz_fits_slong_p(v.z)) {
    raise(&rpy_vt_OverflowError, "Python int too large to convert to C long");
    return -1;
  }
  return (Signed)mpz_get_si(v.z);
}

double rpy_bigint_tofloat(rpy_bytes* a) {
  View v(a);
  size_t bits = mpz_sgn(v.z) ? mpz_sizeinbase(v.z, 2) : 0;
  if (bits <= 63) return (double)(Signed)mpz_get_si(v.z);  // the hardware rounds to nearest even
  if (bits > 1024) {
    raise(&rpy_vt_OverflowError, "int too large to convert to float");
    return -1.0;
  }
  // The top 64 bits, with a sticky low bit for whatever is below them, round
  // exactly as the whole number would: mpz_get_d would truncate instead.
  Temp top;
  mpz_tdiv_q_2exp(top.z, v.z, bits - 64);
  mpz_abs(top.z, top.z);
  unsigned long hi = mpz_get_ui(top.z);
  if (mpz_scan1(v.z, 0) < bits - 64) hi |= 1;
  double d = std::ldexp((double)hi, (int)(bits - 64));
  if (std::isinf(d)) {
    raise(&rpy_vt_OverflowError, "int too large to convert to float");
    return -1.0;
  }
  return mpz_sgn(v.z) < 0 ? -d : d;
}

// a / b correctly rounded (round-half-even on the exact quotient), as
// CPython's long_true_divide: the quotient is computed to 55 or 56
// significant bits (fewer for a subnormal result) with a sticky bit for
// everything below, then rounded once. mpq/mpz_get_d would truncate.
// Allocates only an exception: the operands need no rooting.
double rpy_bigint_truediv(rpy_bytes* a, rpy_bytes* b) {
  View x(a), y(b);
  if (mpz_sgn(y.z) == 0) {
    raise(&rpy_vt_ZeroDivisionError, "division by zero");
    return -1.0;
  }
  bool negate = (mpz_sgn(x.z) < 0) != (mpz_sgn(y.z) < 0);
  if (mpz_sgn(x.z) == 0) return negate ? -0.0 : 0.0;
  size_t abits = mpz_sizeinbase(x.z, 2), bbits = mpz_sizeinbase(y.z, 2);
  if (abits <= DBL_MANT_DIG && bbits <= DBL_MANT_DIG)  // both exact as doubles: one IEEE division rounds
    return mpz_get_d(x.z) / mpz_get_d(y.z);
  Temp na, nb, q, r;
  mpz_abs(na.z, x.z);
  mpz_abs(nb.z, y.z);
  // diff: the exponent of a/b, within one (a/b in [2**(diff-1), 2**(diff+1))).
  long diff = (long)abits - (long)bbits;
  if (diff > DBL_MAX_EXP) {
    raise(&rpy_vt_OverflowError, "integer division result too large for a float");
    return -1.0;
  }
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return negate ? -0.0 : 0.0;
  long shift = std::max(diff, (long)DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  bool inexact = false;
  if (shift <= 0) {
    mpz_mul_2exp(na.z, na.z, (mp_bitcnt_t)-shift);
  } else {
    if (mpz_scan1(na.z, 0) < (mp_bitcnt_t)shift) inexact = true;
    mpz_tdiv_q_2exp(na.z, na.z, (mp_bitcnt_t)shift);
  }
  mpz_tdiv_qr(q.z, r.z, na.z, nb.z);
  if (mpz_sgn(r.z) != 0) inexact = true;
  long qbits = (long)mpz_sizeinbase(q.z, 2);  // at most DBL_MANT_DIG + 3: one limb
  long extra = std::max(qbits, (long)DBL_MIN_EXP - shift) - DBL_MANT_DIG;  // 2 or 3 bits to round away
  unsigned long mask = 1UL << (extra - 1);
  unsigned long low = mpz_get_ui(q.z) | (inexact ? 1 : 0);
  // Round half to even: up when the first dropped bit is set and anything
  // else (a lower dropped bit, the sticky bit, or the kept last bit) is too.
  if ((low & mask) && (low & (3 * mask - 1))) low += mask;
  low &= ~(2 * mask - 1);
  double dq = (double)low;  // exact: at most DBL_MANT_DIG significant bits remain
  if (shift + qbits >= DBL_MAX_EXP && (shift + qbits > DBL_MAX_EXP || dq == std::ldexp(1.0, (int)qbits))) {
    raise(&rpy_vt_OverflowError, "integer division result too large for a float");
    return -1.0;
  }
  double d = std::ldexp(dq, (int)shift);
  return negate ? -d : d;
}

rpy_bytes* rpy_bigint_binop(Signed op, rpy_bytes* a, rpy_bytes* b) {
  Temp t;
  {
    View x(a), y(b);
    if ((op == RPY_BI_FLOORDIV || op == RPY_BI_MOD) && mpz_sgn(y.z) == 0) {
      raise(&rpy_vt_ZeroDivisionError,
            op == RPY_BI_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
      return nullptr;
    }
    switch (op) {
      case RPY_BI_ADD: mpz_add(t.z, x.z, y.z); break;
      case RPY_BI_SUB: mpz_sub(t.z, x.z, y.z); break;
      case RPY_BI_MUL: mpz_mul(t.z, x.z, y.z); break;
      case RPY_BI_FLOORDIV: mpz_fdiv_q(t.z, x.z, y.z); break;
      case RPY_BI_MOD: mpz_fdiv_r(t.z, x.z, y.z); break;  // the divisor's sign, as Python's %
      case RPY_BI_AND: mpz_and(t.z, x.z, y.z); break;     // GMP's bitwise ops are two's complement
      case RPY_BI_OR: mpz_ior(t.z, x.z, y.z); break;
      default: mpz_xor(t.z, x.z, y.z); break;
    }
  }
  return pack(t.z);
}

rpy_bytes* rpy_bigint_unop(Signed op, rpy_bytes* a) {
  Temp t;
  {
    View x(a);
    if (op == RPY_BI_NEG) mpz_neg(t.z, x.z);
    else if (op == RPY_BI_ABS) mpz_abs(t.z, x.z);
    else mpz_com(t.z, x.z);  // -x - 1
  }
  return pack(t.z);
}

rpy_bytes* rpy_bigint_pow(rpy_bytes* a, rpy_bytes* b) {
  Temp t;
  {
    View x(a), y(b);
    if (mpz_sgn(y.z) < 0) {
      raise(&rpy_vt_ValueError, "bigint pow() too negative");
      return nullptr;
    }
    // Bases 0, 1 and -1 give small results for any exponent.
    if (mpz_cmpabs_ui(x.z, 1) <= 0) {
      if (mpz_sgn(x.z) == 0) mpz_set_ui(t.z, mpz_sgn(y.z) == 0 ? 1 : 0);
      else if (mpz_sgn(x.z) > 0 || mpz_even_p(y.z)) mpz_set_ui(t.z, 1);
      else mpz_set_si(t.z, -1);
    } else {
      if (!mpz_fits_ulong_p(y.z) || mpz_get_ui(y.z) > (1ul << 40)) {
        raise(&rpy_vt_OverflowError, "too many digits in integer");
        return nullptr;
      }
      mpz_pow_ui(t.z, x.z, mpz_get_ui(y.z));
    }
  }
  return pack(t.z);
}

rpy_bytes* rpy_bigint_powmod(rpy_bytes* a, rpy_bytes* b, rpy_bytes* m) {
  Temp t;
  {
    View x(a), y(b), mod(m);
    if (mpz_sgn(mod.z) == 0) {
      raise(&rpy_vt_ValueError, "pow() 3rd argument cannot be 0");
      return nullptr;
    }
    Temp absmod;
    mpz_abs(absmod.z, mod.z);
    if (mpz_cmp_ui(absmod.z, 1) == 0) {
      mpz_set_ui(t.z, 0);  // CPython checks the modulus 1 before inverting
    } else if (mpz_sgn(y.z) < 0) {
      Temp inv, e;
      if (!mpz_invert(inv.z, x.z, absmod.z)) {
        raise(&rpy_vt_ValueError, "base is not invertible for the given modulus");
        return nullptr;
      }
      mpz_neg(e.z, y.z);
      mpz_powm(t.z, inv.z, e.z, absmod.z);
    } else {
      mpz_powm(t.z, x.z, y.z, absmod.z);  // in [0, |m|)
    }
    // Python's result takes the modulus's sign.
    if (mpz_sgn(mod.z) < 0 && mpz_sgn(t.z) != 0) mpz_add(t.z, t.z, mod.z);
  }
  return pack(t.z);
}

rpy_bytes* rpy_bigint_lshift(rpy_bytes* a, Signed n) {
  Temp t;
  {
    View x(a);
    if (n < 0) {
      raise(&rpy_vt_ValueError, "negative shift count");
      return nullptr;
    }
    if (mpz_sgn(x.z) != 0 && n > (Signed)1 << 40) {
      raise(&rpy_vt_OverflowError, "too many digits in integer");
      return nullptr;
    }
    mpz_mul_2exp(t.z, x.z, (mp_bitcnt_t)n);
  }
  return pack(t.z);
}

rpy_bytes* rpy_bigint_rshift(rpy_bytes* a, Signed n) {
  Temp t;
  {
    View x(a);
    if (n < 0) {
      raise(&rpy_vt_ValueError, "negative shift count");
      return nullptr;
    }
    mpz_fdiv_q_2exp(t.z, x.z, (mp_bitcnt_t)n);  // floors, as Python's >>
  }
  return pack(t.z);
}

Signed rpy_bigint_cmp(rpy_bytes* a, rpy_bytes* b) {
  View x(a), y(b);
  int c = mpz_cmp(x.z, y.z);
  return (c > 0) - (c < 0);
}

Signed rpy_bigint_sign(rpy_bytes* a) {
  Signed s = size_of(a);
  return (s > 0) - (s < 0);
}

Signed rpy_bigint_hash(rpy_bytes* a) {
  // CPython: the value modulo 2**61 - 1, with the sign; -1 is reserved.
  const unsigned long P = (1ul << 61) - 1;
  View x(a);
  unsigned long r = 0;
  const mp_limb_t* l = limbs(a);
  // Limbs from the most significant: r = (r * 2**64 + limb) mod P, where
  // 2**64 = 8 (mod P).
  for (Signed i = (Signed)mpz_size(x.z) - 1; i >= 0; i--) {
    unsigned __int128 acc = (unsigned __int128)r * 8u + (l[i] % P);
    r = (unsigned long)(acc % P);
  }
  Signed h = mpz_sgn(x.z) < 0 ? -(Signed)r : (Signed)r;
  return h == -1 ? -2 : h;
}

Signed rpy_bigint_bit_length(rpy_bytes* a) {
  View x(a);
  return mpz_sgn(x.z) ? (Signed)mpz_sizeinbase(x.z, 2) : 0;
}

}  // extern "C"
