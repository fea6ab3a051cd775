// Parsing constant format strings at translation time: `fmt % args` and
// `fmt.format(...)` with a literal format become concatenations of
// literal pieces and per-value format() calls (flowspace/flowbuilder.cpp),
// as RPython itself requires a constant format for `%`.
#pragma once
#include <string>
#include <vector>

namespace rpy {

struct FormatPiece {
  bool literal = true;
  std::string text;  // literal text
  // A replacement field:
  int index = -1;       // positional argument (-1: by name)
  std::string name;     // keyword argument (str.format)
  // How the value becomes text: 's' str(), 'r' repr(), 'a' ascii(),
  // 'i' an int (%d %x %o...), 'f' a float (%e %f %g...), 'c' a character,
  // 0 format(value, spec) with no conversion first (str.format fields).
  char conversion = 0;
  std::string spec;  // in the format-spec mini-language; "" for none
  // str.format: what follows the argument's name, in order: ('.', attribute)
  // or ('[', key) where a key of digits is an int index, else a str key.
  std::vector<std::pair<char, std::string>> accessors;
  // str.format: a spec holding nested fields (`{:>{width}}`) is built at
  // run time from these pieces (literals and fields by index or name); the
  // spec above is then unused.
  std::vector<FormatPiece> spec_parts;
  // `%` with `*`: the width and/or precision are the arguments of these
  // indexes (-1: none); spec is then spec_head + width + "." + precision +
  // spec_tail, built at run time (a negative width means left-justified).
  // An int conversion ('i') with a precision has no spec: it is built by
  // rpython/rlib/_formatting.py's int_precision from these fields.
  int width_arg = -1, prec_arg = -1;
  std::string spec_head, spec_tail, static_width, static_prec;
  bool has_prec = false, minus = false, zero = false;
};

// `fmt % args`: the pieces, or an error (CPython's words) in *error. With
// `%(name)s` fields, every field has its name (a key of the mapping). A
// bytes format (PEP 461) also has %b, a conversion 'b' like %s's.
std::vector<FormatPiece> parse_percent_format(const std::string& fmt, std::string* error, bool bytes_format = false);
// `fmt.format(...)` and f-string-like fields.
std::vector<FormatPiece> parse_brace_format(const std::string& fmt, std::string* error);

}  // namespace rpy
