// %-formatting and the format-spec mini-language, following CPython 3.11's
// Objects/unicodeobject.c (PyUnicode_Format), Python/formatter_unicode.c
// and Python/pystrtod.c (format_float_short) step by step, so that widths,
// signs, zero padding, grouping and float digits come out identical. Float
// digits come from std::to_chars, which rounds correctly as dtoa does.
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "runtime/rpy.h"
#include "runtime/strutil.h"

using namespace rpy_rt;

namespace {

__attribute__((cold, noinline)) void raise_msg(const rpy_vtable* vt, const std::string& msg) {
  rpy_raise_cstr(vt, msg.c_str());
}

// ---- float digits -------------------------------------------------------------
// Digits without leading or trailing zeros ("0" for zero) and the decimal
// point position, as _Py_dg_dtoa returns them.
struct Digits {
  std::string d;
  int decpt;
};

// mode 0: shortest repr; mode 2: `ndigits` significant digits; mode 3:
// `ndigits` digits after the point. x is finite and >= 0.
Digits dtoa(double x, int mode, int ndigits) {
  Digits r;
  if (x == 0) return Digits{"0", 1};
  std::string buf((size_t)(ndigits > 0 ? ndigits : 0) + 400, '\0');
  char* b = buf.data();
  char* e = buf.data() + buf.size();
  if (mode == 3) {
    auto res = std::to_chars(b, e, x, std::chars_format::fixed, ndigits);
    int decpt = 0;
    bool seen_point = false;
    for (char* p = b; p < res.ptr; p++) {
      if (*p == '.') {
        seen_point = true;
        continue;
      }
      if (!seen_point) decpt++;
      r.d.push_back(*p);
    }
    size_t lead = 0;
    while (lead < r.d.size() && r.d[lead] == '0') lead++;
    r.d.erase(0, lead);
    decpt -= (int)lead;
    while (!r.d.empty() && r.d.back() == '0') r.d.pop_back();
    if (r.d.empty()) return Digits{"0", 1};
    r.decpt = decpt;
    return r;
  }
  auto res = mode == 0 ? std::to_chars(b, e, x, std::chars_format::scientific)
                       : std::to_chars(b, e, x, std::chars_format::scientific, ndigits - 1);
  char* p = b;
  for (; *p != 'e'; p++)
    if (*p != '.') r.d.push_back(*p);
  p++;
  bool eneg = *p++ == '-';
  int ex = 0;
  for (; p < res.ptr; p++) ex = ex * 10 + (*p - '0');
  r.decpt = (eneg ? -ex : ex) + 1;
  while (r.d.size() > 1 && r.d.back() == '0') r.d.pop_back();
  return r;
}

struct FloatFlags {
  bool add_sign = false;   // Py_DTSF_SIGN
  bool add_dot_0 = false;  // Py_DTSF_ADD_DOT_0
  bool alt = false;        // Py_DTSF_ALT
  bool no_neg_0 = false;   // Py_DTSF_NO_NEG_0
};

// PyOS_double_to_string(x, code, precision, flags).
std::string double_to_string(double x, char code, int precision, FloatFlags f) {
  bool upper = code == 'E' || code == 'F' || code == 'G';
  if (upper) code = (char)(code + 32);
  int mode = 0;
  if (code == 'e') {
    mode = 2;
    precision++;
  } else if (code == 'f') {
    mode = 3;
  } else if (code == 'g') {
    mode = 2;
    if (precision == 0) precision = 1;
  } else {
    precision = 0;  // 'r'
  }
  std::string out;
  bool neg = std::signbit(x);
  if (!std::isfinite(x)) {
    // CPython never shows a sign on a NaN.
    if (std::isnan(x)) {
      if (f.add_sign) out.push_back('+');
      out += upper ? "NAN" : "nan";
    } else {
      if (neg)
        out.push_back('-');
      else if (f.add_sign)
        out.push_back('+');
      out += upper ? "INF" : "inf";
    }
    return out;
  }
  Digits dg = dtoa(std::fabs(x), mode, precision);
  const std::string& digits = dg.d;
  int digits_len = (int)digits.size();
  int decpt = dg.decpt;
  if (f.no_neg_0 && neg && digits == "0") neg = false;
  bool use_exp = false;
  int vdigits_end = digits_len;
  switch (code) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (f.add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (f.alt) vdigits_end = precision;
      break;
    default:  // 'r'
      if (decpt <= -4 || decpt > 16) use_exp = true;
  }
  int exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && f.add_dot_0)
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
  else
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;
  if (neg)
    out.push_back('-');
  else if (f.add_sign)
    out.push_back('+');
  if (decpt <= 0) {
    out.append((size_t)(decpt - vdigits_start), '0');
    out.push_back('.');
    out.append((size_t)(0 - decpt), '0');
  } else {
    out.append((size_t)(0 - vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    out.append(digits, 0, (size_t)decpt);
    out.push_back('.');
    out.append(digits, (size_t)decpt, std::string::npos);
  } else {
    out += digits;
  }
  if (digits_len < decpt) {
    out.append((size_t)(decpt - digits_len), '0');
    out.push_back('.');
    out.append((size_t)(vdigits_end - decpt), '0');
  } else {
    out.append((size_t)(vdigits_end - digits_len), '0');
  }
  if (out.back() == '.' && !f.alt) out.pop_back();
  if (use_exp) {
    char eb[16];
    snprintf(eb, sizeof eb, "%c%+.02d", upper ? 'E' : 'e', exp);
    out += eb;
  }
  return out;
}

// ---- integers -------------------------------------------------------------------
// |v| in the base, lowercase, no prefix.
std::string int_digits(Signed v, int base, bool is_unsigned = false) {
  Unsigned u = v < 0 && !is_unsigned ? 0 - (Unsigned)v : (Unsigned)v;
  char buf[70];
  auto r = std::to_chars(buf, buf + sizeof buf, u, base);
  return std::string(buf, r.ptr);
}

// ---- output helpers ----------------------------------------------------------------
void append_fill(std::string& out, uint32_t fill, Signed n) {
  if (n <= 0) return;
  if (fill < 128) {
    out.append((size_t)n, (char)fill);
  } else {
    for (Signed i = 0; i < n; i++) append_cp(out, fill);
  }
}

// ---- the format-spec mini-language ---------------------------------------------------
struct Spec {
  uint32_t fill = ' ';
  uint32_t align;
  bool alternate = false;
  bool no_neg_0 = false;
  uint32_t sign = 0;
  Signed width = -1;
  int thousands = 0;  // 0, ',' or '_' ; group size below
  int group = 3;
  Signed precision = -1;
  uint32_t type;
};

bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

std::string type_char_text(uint32_t t) {
  if (t > 32 && t < 128) return std::string(1, (char)t);
  char b[16];
  snprintf(b, sizeof b, "\\x%x", t);
  return b;
}

void unknown_type(uint32_t t, const char* tname) {
  raise_msg(&rpy_vt_ValueError, "Unknown format code '" + type_char_text(t) + "' for object of type '" + tname + "'");
}

// parse_internal_render_format_spec.
bool parse_spec(rpy_string* specstr, Spec& f, uint32_t default_type, uint32_t default_align, const char* tname) {
  std::basic_string<uint32_t> s;
  auto* p = (const unsigned char*)specstr->data;
  auto* e = p + specstr->nbytes;
  while (p < e) s.push_back(decode_cp(p));
  size_t pos = 0, end = s.size();
  f.align = default_align;
  f.type = default_type;
  bool fill_specified = false, align_specified = false;
  if (end - pos >= 2 && is_align(s[pos + 1])) {
    f.align = s[pos + 1];
    f.fill = s[pos];
    fill_specified = align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_align(s[pos])) {
    f.align = s[pos];
    align_specified = true;
    pos++;
  }
  if (end - pos >= 1 && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) f.sign = s[pos++];
  if (end - pos >= 1 && s[pos] == 'z') {
    f.no_neg_0 = true;
    pos++;
  }
  if (end - pos >= 1 && s[pos] == '#') {
    f.alternate = true;
    pos++;
  }
  if (!fill_specified && end - pos >= 1 && s[pos] == '0') {
    f.fill = '0';
    if (!align_specified && default_align == '>') f.align = '=';
    pos++;
  }
  auto get_integer = [&](Signed& out) -> int {
    int consumed = 0;
    Signed acc = 0;
    while (pos < end && s[pos] >= '0' && s[pos] <= '9') {
      int d = (int)(s[pos] - '0');
      if (acc > (INT64_MAX - d) / 10) {
        raise_msg(&rpy_vt_ValueError, "Too many decimal digits in format string");
        return -1;
      }
      acc = acc * 10 + d;
      pos++;
      consumed++;
    }
    out = acc;
    return consumed;
  };
  int consumed = get_integer(f.width);
  if (consumed < 0) return false;
  if (consumed == 0) f.width = -1;
  if (pos < end && s[pos] == ',') {
    f.thousands = ',';
    pos++;
  }
  if (pos < end && s[pos] == '_') {
    if (f.thousands) {
      raise_msg(&rpy_vt_ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
    f.thousands = '_';
    pos++;
  }
  if (pos < end && s[pos] == ',' && f.thousands == '_') {
    raise_msg(&rpy_vt_ValueError, "Cannot specify both ',' and '_'.");
    return false;
  }
  if (pos < end && s[pos] == '.') {
    pos++;
    consumed = get_integer(f.precision);
    if (consumed < 0) return false;
    if (consumed == 0) {
      raise_msg(&rpy_vt_ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (end - pos > 1) {
    raise_msg(&rpy_vt_ValueError, "Invalid format specifier '" + std::string(specstr->data, (size_t)specstr->nbytes) +
                                      "' for object of type '" + tname + "'");
    return false;
  }
  if (end - pos == 1) f.type = s[pos];
  if (f.thousands) {
    switch (f.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f.thousands == '_') {
          f.group = 4;
          break;
        }
        [[fallthrough]];
      default:
        raise_msg(&rpy_vt_ValueError, std::string("Cannot specify '") + (char)f.thousands + "' with '" +
                                          type_char_text(f.type) + "'.");
        return false;
    }
  }
  return true;
}

// _PyUnicode_InsertThousandsGrouping run with min_width, built right to
// left and reversed.
std::string group_digits(const std::string& digits, Signed min_width, char sep, int group) {
  std::string rev;
  Signed remaining = (Signed)digits.size();
  Signed pos = remaining;
  bool use_sep = false;
  auto emit = [&](Signed l) {
    Signed n_zeros = std::max<Signed>(0, l - remaining);
    Signed n_chars = std::max<Signed>(0, std::min(remaining, l));
    if (use_sep) rev.push_back(sep);
    for (Signed i = 0; i < n_chars; i++) rev.push_back(digits[(size_t)(--pos)]);
    rev.append((size_t)n_zeros, '0');
    remaining -= n_chars;
  };
  if (sep) {
    for (;;) {
      Signed l = std::min<Signed>(group, std::max<Signed>(std::max(remaining, min_width), 1));
      emit(l);
      use_sep = true;
      min_width -= l;
      if (remaining <= 0 && min_width <= 0) break;
      min_width -= 1;
    }
  } else {
    emit(std::max<Signed>(std::max(remaining, min_width), 1));
  }
  return std::string(rev.rbegin(), rev.rend());
}

// calc_number_widths + fill_number. `number` is [digits][.remainder] without
// sign; prefix like "0x".
void fill_number(std::string& out, const Spec& f, bool negative, const std::string& prefix, const std::string& digits,
                 bool has_decimal, const std::string& remainder, Signed remainder_len_cp) {
  Signed n_sign = 0;
  char sign = 0;
  if (f.sign == '+') {
    n_sign = 1;
    sign = negative ? '-' : '+';
  } else if (f.sign == ' ') {
    n_sign = 1;
    sign = negative ? '-' : ' ';
  } else if (negative) {
    n_sign = 1;
    sign = '-';
  }
  Signed n_prefix = (Signed)prefix.size();
  Signed n_non_digit = n_sign + n_prefix + (has_decimal ? 1 : 0) + remainder_len_cp;
  Signed min_width = (f.fill == '0' && f.align == '=') ? f.width - n_non_digit : 0;
  std::string grouped;
  if (!digits.empty()) grouped = group_digits(digits, min_width, (char)f.thousands, f.group);
  Signed n_padding = f.width - (n_non_digit + (Signed)grouped.size());
  Signed lpad = 0, spad = 0, rpad = 0;
  if (n_padding > 0) {
    switch (f.align) {
      case '<': rpad = n_padding; break;
      case '^':
        lpad = n_padding / 2;
        rpad = n_padding - lpad;
        break;
      case '=': spad = n_padding; break;
      default: lpad = n_padding;
    }
  }
  append_fill(out, f.fill, lpad);
  if (n_sign) out.push_back(sign);
  out += prefix;
  append_fill(out, f.fill, spad);
  out += grouped;
  if (has_decimal) out.push_back('.');
  out += remainder;
  append_fill(out, f.fill, rpad);
}

rpy_string* format_float_spec(double val, const Spec& f0) {
  Spec f = f0;
  FloatFlags fl;
  fl.alt = f.alternate;
  fl.no_neg_0 = f.no_neg_0;
  uint32_t type = f.type;
  Signed precision = f.precision;
  int default_precision = 6;
  if (precision > INT_MAX) {
    raise_msg(&rpy_vt_ValueError, "precision too big");
    return nullptr;
  }
  if (type == 0) {
    fl.add_dot_0 = true;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  bool add_pct = false;
  if (type == '%') {
    type = 'f';
    val *= 100;
    add_pct = true;
  }
  if (precision < 0)
    precision = default_precision;
  else if (type == 'r')
    type = 'g';
  std::string buf = double_to_string(val, (char)type, (int)precision, fl);
  if (add_pct) buf.push_back('%');
  if (f.sign != '+' && f.sign != ' ' && f.width == -1 && f.type != 'n' && !f.thousands) return str_from_ascii(buf);
  bool negative = false;
  size_t i = 0;
  if (buf[0] == '-') {
    negative = true;
    i = 1;
  }
  size_t j = i;
  while (j < buf.size() && buf[j] >= '0' && buf[j] <= '9') j++;
  std::string digits = buf.substr(i, j - i);
  bool has_decimal = j < buf.size() && buf[j] == '.';
  std::string remainder = buf.substr(has_decimal ? j + 1 : j);
  std::string out;
  fill_number(out, f, negative, "", digits, has_decimal, remainder, (Signed)remainder.size());
  return str_from(out);
}

// is_unsigned: v holds an r_uint's bits.
rpy_string* format_int_spec(Signed v, rpy_string* specstr, const char* tname, bool is_unsigned = false) {
  bool negative = v < 0 && !is_unsigned;
  Spec f;
  if (!parse_spec(specstr, f, 'd', '>', tname)) return nullptr;
  switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return format_float_spec(is_unsigned ? (double)(Unsigned)v : (double)v, f);
    default:
      unknown_type(f.type, tname);
      return nullptr;
  }
  if (f.precision != -1) {
    raise_msg(&rpy_vt_ValueError, "Precision not allowed in integer format specifier");
    return nullptr;
  }
  if (f.no_neg_0) {
    raise_msg(&rpy_vt_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
    return nullptr;
  }
  std::string out;
  if (f.type == 'c') {
    if (f.sign) {
      raise_msg(&rpy_vt_ValueError, "Sign not allowed with integer format specifier 'c'");
      return nullptr;
    }
    if (f.alternate) {
      raise_msg(&rpy_vt_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
      return nullptr;
    }
    if (negative || (Unsigned)v > 0x10ffff) {
      raise_msg(&rpy_vt_OverflowError, "%c arg not in range(0x110000)");
      return nullptr;
    }
    std::string ch;
    append_cp(ch, (uint32_t)v);
    fill_number(out, f, false, "", "", false, ch, 1);
    return str_from(out);
  }
  int base = 10;
  std::string prefix;
  switch (f.type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
  }
  if (!f.alternate) prefix.clear();
  std::string digits = int_digits(v, base, is_unsigned);
  if (f.type == 'X')
    for (char& c : digits) c = (char)toupper((unsigned char)c);
  fill_number(out, f, negative, prefix, digits, false, "", 0);
  return str_from(out);
}

// ---- %-formatting helpers ---------------------------------------------------------------
std::string arg_type_name(const rpy_fmtarg& a) {
  switch (a.kind) {
    case RPY_FMTARG_INT: return "int";
    case RPY_FMTARG_FLOAT: return "float";
    case RPY_FMTARG_BOOL: return "bool";
    case RPY_FMTARG_STR: return a.s ? "str" : "NoneType";
    default: return "NoneType";
  }
}

bool arg_is_none(const rpy_fmtarg& a) {
  return a.kind == RPY_FMTARG_NONE || (a.kind == RPY_FMTARG_STR && !a.s);
}

// ascii(): repr with every non-ASCII character escaped.
std::string ascii_of(const std::string& repr) {
  std::string out;
  auto* p = (const unsigned char*)repr.data();
  auto* e = p + repr.size();
  while (p < e) {
    uint32_t c = decode_cp(p);
    if (c < 128)
      out.push_back((char)c);
    else
      append_escape(out, c);
  }
  return out;
}

// str(), repr() or ascii() of an argument, as UTF-8.
std::string object_text(const rpy_fmtarg& a, uint32_t conv) {
  std::string t;
  switch (a.kind) {
    case RPY_FMTARG_INT: return std::to_string(a.i);
    case RPY_FMTARG_BOOL: return a.i ? "True" : "False";
    case RPY_FMTARG_FLOAT: {
      FloatFlags fl;
      fl.add_dot_0 = true;
      return double_to_string(a.f, 'r', 0, fl);
    }
    case RPY_FMTARG_STR:
      if (a.s) {
        if (conv == 's') return std::string(a.s->data, (size_t)a.s->nbytes);
        append_repr(t, a.s->data, (size_t)a.s->nbytes);
        return conv == 'a' ? ascii_of(t) : t;
      }
      [[fallthrough]];
    default: return "None";
  }
}

}  // namespace

extern "C" {

rpy_string* rpy_str_mod(rpy_string* fmt0, const rpy_fmtarg* args, Signed nargs) {
  // The format string is read into code points up front: positions in error
  // messages are code point indexes, and the text copied between
  // conversions is re-encoded as it goes.
  std::basic_string<uint32_t> fmt;
  {
    auto* p = (const unsigned char*)fmt0->data;
    auto* e = p + fmt0->nbytes;
    fmt.reserve((size_t)fmt0->length);
    while (p < e) fmt.push_back(decode_cp(p));
  }
  std::string out;
  out.reserve((size_t)fmt0->nbytes + 16);
  Signed argidx = 0;
  Signed fmtcnt = (Signed)fmt.size();
  Signed fmtpos = 0;
  auto next_arg = [&]() -> const rpy_fmtarg* {
    if (argidx < nargs) return &args[argidx++];
    raise_msg(&rpy_vt_TypeError, "not enough arguments for format string");
    return nullptr;
  };
  while (--fmtcnt >= 0) {
    uint32_t c = fmt[(size_t)fmtpos];
    if (c != '%') {
      // Copy the literal run up to the next '%'.
      Signed start = fmtpos, n = (Signed)fmt.size(), stop = start;
      while (stop < n && fmt[(size_t)stop] != '%') stop++;
      for (Signed k = start; k < stop; k++) append_cp(out, fmt[(size_t)k]);
      fmtcnt -= stop - start - 1;
      fmtpos = stop;
      continue;
    }
    fmtpos++;  // the '%'
    // "%%" is only recognised right after the first '%': "%5%" is a
    // conversion with an unsupported character, as in CPython 3.11.
    if (fmtpos < (Signed)fmt.size() && fmt[(size_t)fmtpos] == '%') {
      out.push_back('%');
      fmtpos++;
      fmtcnt--;
      continue;
    }
    // unicode_format_arg_parse.
    uint32_t ch = 0;
    int flags = 0;
    enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };
    Signed width = -1, prec = -1;
    if (fmtpos < (Signed)fmt.size() && fmt[(size_t)fmtpos] == '(') {
      raise_msg(&rpy_vt_TypeError, "format requires a mapping");
      return nullptr;
    }
    while (--fmtcnt >= 0) {
      ch = fmt[(size_t)fmtpos++];
      switch (ch) {
        case '-': flags |= F_LJUST; continue;
        case '+': flags |= F_SIGN; continue;
        case ' ': flags |= F_BLANK; continue;
        case '#': flags |= F_ALT; continue;
        case '0': flags |= F_ZERO; continue;
      }
      break;
    }
    if (ch == '*') {
      const rpy_fmtarg* v = next_arg();
      if (!v) return nullptr;
      if (v->kind != RPY_FMTARG_INT && v->kind != RPY_FMTARG_BOOL) {
        raise_msg(&rpy_vt_TypeError, "* wants int");
        return nullptr;
      }
      width = v->i;
      if (width < 0) {
        flags |= F_LJUST;
        width = -width;
      }
      if (--fmtcnt >= 0) ch = fmt[(size_t)fmtpos++];
    } else if (ch >= '0' && ch <= '9') {
      width = ch - '0';
      while (--fmtcnt >= 0) {
        ch = fmt[(size_t)fmtpos++];
        if (ch < '0' || ch > '9') break;
        if (width > (INT64_MAX - (Signed)(ch - '0')) / 10) {
          raise_msg(&rpy_vt_ValueError, "width too big");
          return nullptr;
        }
        width = width * 10 + (ch - '0');
      }
    }
    if (ch == '.') {
      prec = 0;
      if (--fmtcnt >= 0) ch = fmt[(size_t)fmtpos++];
      if (ch == '*') {
        const rpy_fmtarg* v = next_arg();
        if (!v) return nullptr;
        if (v->kind != RPY_FMTARG_INT && v->kind != RPY_FMTARG_BOOL) {
          raise_msg(&rpy_vt_TypeError, "* wants int");
          return nullptr;
        }
        if (v->i > INT_MAX || v->i < INT_MIN) {
          raise_msg(&rpy_vt_OverflowError, v->i > 0 ? "signed integer is greater than maximum"
                                                    : "signed integer is less than minimum");
          return nullptr;
        }
        prec = v->i < 0 ? 0 : v->i;
        if (--fmtcnt >= 0) ch = fmt[(size_t)fmtpos++];
      } else if (ch >= '0' && ch <= '9') {
        prec = ch - '0';
        while (--fmtcnt >= 0) {
          ch = fmt[(size_t)fmtpos++];
          if (ch < '0' || ch > '9') break;
          if (prec > (INT_MAX - (Signed)(ch - '0')) / 10) {
            raise_msg(&rpy_vt_ValueError, "precision too big");
            return nullptr;
          }
          prec = prec * 10 + (ch - '0');
        }
      }
    }
    if (fmtcnt >= 0 && (ch == 'h' || ch == 'l' || ch == 'L')) {
      if (--fmtcnt >= 0) ch = fmt[(size_t)fmtpos++];
    }
    if (fmtcnt < 0) {
      raise_msg(&rpy_vt_ValueError, "incomplete format");
      return nullptr;
    }
    // unicode_format_arg_format.
    const rpy_fmtarg* v = next_arg();
    if (!v) return nullptr;
    std::string str;  // the converted argument, UTF-8
    bool sign = false;
    switch (ch) {
      case 's': case 'r': case 'a':
        str = object_text(*v, ch);
        break;
      case 'i': case 'd': case 'u': case 'o': case 'x': case 'X': {
        std::string digits;
        bool neg = false;
        if (v->kind == RPY_FMTARG_INT || v->kind == RPY_FMTARG_BOOL) {
          digits = int_digits(v->i, ch == 'o' ? 8 : (ch == 'x' || ch == 'X') ? 16 : 10);
          neg = v->i < 0;
        } else if (v->kind == RPY_FMTARG_FLOAT && ch != 'o' && ch != 'x' && ch != 'X') {
          double x = v->f;
          if (std::isnan(x)) {
            raise_msg(&rpy_vt_ValueError, "cannot convert float NaN to integer");
            return nullptr;
          }
          if (std::isinf(x)) {
            raise_msg(&rpy_vt_OverflowError, "cannot convert float infinity to integer");
            return nullptr;
          }
          // int(x) exactly, however large: the digits of the truncated value.
          double t = std::trunc(x);
          neg = t < 0;
          char buf[400];
          auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(t), std::chars_format::fixed, 0);
          digits.assign(buf, r.ptr);
          if (digits == "0") neg = false;
        } else {
          std::string what = (ch == 'o' || ch == 'x' || ch == 'X') ? "an integer" : "a real number";
          raise_msg(&rpy_vt_TypeError, std::string("%") + (char)ch + " format: " + what + " is required, not " +
                                           arg_type_name(*v));
          return nullptr;
        }
        // _PyUnicode_FormatLong.
        if (ch == 'X')
          for (char& d : digits) d = (char)toupper((unsigned char)d);
        if (neg) str.push_back('-');
        if ((flags & F_ALT) && (ch == 'o' || ch == 'x' || ch == 'X')) {
          str.push_back('0');
          str.push_back(ch == 'o' ? 'o' : (char)ch);
        }
        if (prec > (Signed)digits.size()) str.append((size_t)(prec - (Signed)digits.size()), '0');
        str += digits;
        sign = true;
        break;
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double x;
        if (v->kind == RPY_FMTARG_FLOAT)
          x = v->f;
        else if (v->kind == RPY_FMTARG_INT || v->kind == RPY_FMTARG_BOOL)
          x = (double)v->i;
        else {
          raise_msg(&rpy_vt_TypeError, "must be real number, not " + arg_type_name(*v));
          return nullptr;
        }
        FloatFlags fl;
        fl.alt = flags & F_ALT;
        str = double_to_string(x, (char)ch, prec < 0 ? 6 : (int)prec, fl);
        sign = true;
        break;
      }
      case 'c': {
        uint32_t cp;
        if (v->kind == RPY_FMTARG_STR && v->s && v->s->length == 1) {
          auto* p = (const unsigned char*)v->s->data;
          cp = decode_cp(p);
        } else if (v->kind == RPY_FMTARG_INT || v->kind == RPY_FMTARG_BOOL) {
          if (v->i < 0 || v->i > 0x10ffff) {
            raise_msg(&rpy_vt_OverflowError, "%c arg not in range(0x110000)");
            return nullptr;
          }
          cp = (uint32_t)v->i;
        } else {
          raise_msg(&rpy_vt_TypeError, "%c requires int or char");
          return nullptr;
        }
        append_cp(str, cp);
        break;
      }
      default: {
        char buf[160];
        snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %lld",
                 (31 <= ch && ch <= 126) ? (char)ch : '?', (unsigned)ch, (long long)(fmtpos - 1));
        raise_msg(&rpy_vt_ValueError, buf);
        return nullptr;
      }
    }
    // unicode_format_arg_output, in code points.
    std::basic_string<uint32_t> s;
    {
      auto* p = (const unsigned char*)str.data();
      auto* e = p + str.size();
      while (p < e) s.push_back(decode_cp(p));
    }
    uint32_t fill = (sign && (flags & F_ZERO)) ? '0' : ' ';
    Signed len = (Signed)s.size();
    if ((width == -1 || width <= len) && (prec == -1 || prec >= len) && !(flags & (F_SIGN | F_BLANK))) {
      out += str;
      continue;
    }
    if (ch == 's' || ch == 'r' || ch == 'a') {
      if (prec >= 0 && len > prec) len = prec;
    }
    Signed pindex = 0;
    uint32_t signchar = 0;
    if (sign) {
      uint32_t c0 = s[0];
      if (c0 == '-' || c0 == '+') {
        signchar = c0;
        len--;
        pindex++;
      } else if (flags & F_SIGN) {
        signchar = '+';
      } else if (flags & F_BLANK) {
        signchar = ' ';
      } else {
        sign = false;
      }
    }
    if (width < len) width = len;
    if (signchar) {
      if (fill != ' ') out.push_back((char)signchar);
      if (width > len) width--;
    }
    bool alt_prefix = (flags & F_ALT) && (ch == 'x' || ch == 'X' || ch == 'o');
    if (alt_prefix) {
      if (fill != ' ') {
        out.push_back('0');
        out.push_back((char)ch);
        pindex += 2;
      }
      width -= 2;
      if (width < 0) width = 0;
      len -= 2;
    }
    if (width > len && !(flags & F_LJUST)) {
      append_fill(out, fill, width - len);
      width = len;
    }
    if (fill == ' ') {
      if (signchar) out.push_back((char)signchar);
      if (alt_prefix) {
        out.push_back('0');
        out.push_back((char)ch);
        pindex += 2;
      }
    }
    for (Signed k = 0; k < len; k++) append_cp(out, s[(size_t)(pindex + k)]);
    if (width > len) append_fill(out, ' ', width - len);
  }
  if (argidx < nargs) {
    raise_msg(&rpy_vt_TypeError, "not all arguments converted during string formatting");
    return nullptr;
  }
  return str_from(out);
}

rpy_string* rpy_format_int(Signed v, rpy_string* spec) {
  if (spec->nbytes == 0) return rpy_int2str(v);
  return format_int_spec(v, spec, "int");
}

rpy_string* rpy_format_uint(Unsigned v, rpy_string* spec) {
  if (spec->nbytes == 0) return rpy_uint2str(v);
  return format_int_spec((Signed)v, spec, "int", true);
}

rpy_string* rpy_format_bool(bool v, rpy_string* spec) {
  if (spec->nbytes == 0) return rpy_bool2str(v);
  return format_int_spec(v ? 1 : 0, spec, "bool");
}

rpy_string* rpy_format_float(double v, rpy_string* spec) {
  if (spec->nbytes == 0) return rpy_float2str(v);
  Spec f;
  if (!parse_spec(spec, f, 0, '>', "float")) return nullptr;
  switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return format_float_spec(v, f);
    default:
      unknown_type(f.type, "float");
      return nullptr;
  }
}

rpy_string* rpy_format_str(rpy_string* s, rpy_string* spec) {
  if (spec->nbytes == 0) return s;
  Spec f;
  {
    Root<rpy_string> rs(s);
    if (!parse_spec(spec, f, 's', '<', "str")) return nullptr;
    s = rs.get();
  }
  if (f.type != 's') {
    unknown_type(f.type, "str");
    return nullptr;
  }
  if (f.sign) {
    raise_msg(&rpy_vt_ValueError, f.sign == ' ' ? "Space not allowed in string format specifier"
                                                : "Sign not allowed in string format specifier");
    return nullptr;
  }
  if (f.no_neg_0) {
    raise_msg(&rpy_vt_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
    return nullptr;
  }
  if (f.alternate) {
    raise_msg(&rpy_vt_ValueError, "Alternate form (#) not allowed in string format specifier");
    return nullptr;
  }
  if (f.align == '=') {
    raise_msg(&rpy_vt_ValueError, "'=' alignment not allowed in string format specifier");
    return nullptr;
  }
  Signed len = s->length;
  if ((f.width == -1 || f.width <= len) && (f.precision == -1 || f.precision >= len)) return s;
  if (f.precision >= 0 && len >= f.precision) len = f.precision;
  Signed total = f.width >= 0 && f.width > len ? f.width : len;
  Signed lpad = f.align == '>' ? total - len : f.align == '^' ? (total - len) / 2 : 0;
  Signed rpad = total - len - lpad;
  std::string out;
  append_fill(out, f.fill, lpad);
  Signed nb = len == s->length ? s->nbytes : 0;
  if (len != s->length) {
    auto* p = (const unsigned char*)s->data;
    for (Signed k = 0; k < len; k++) decode_cp(p);
    nb = p - (const unsigned char*)s->data;
  }
  out.append(s->data, (size_t)nb);
  append_fill(out, f.fill, rpad);
  return str_from(out);
}

rpy_string* rpy_none2str(void) { return ascii_string("None", 4); }

rpy_string* rpy_str_ascii(rpy_string* s) {
  std::string r;
  append_repr(r, s->data, (size_t)s->nbytes);
  return str_from_ascii(ascii_of(r));
}

rpy_string* rpy_int_tohex(Signed v) { return str_from_ascii((v < 0 ? "-0x" : "0x") + int_digits(v, 16)); }
rpy_string* rpy_int_tooct(Signed v) { return str_from_ascii((v < 0 ? "-0o" : "0o") + int_digits(v, 8)); }
rpy_string* rpy_int_tobin(Signed v) { return str_from_ascii((v < 0 ? "-0b" : "0b") + int_digits(v, 2)); }

}  // extern "C"
