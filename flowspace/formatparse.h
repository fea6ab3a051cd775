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
};

// `fmt % args`: the pieces, or an error (CPython's words) in *error.
std::vector<FormatPiece> parse_percent_format(const std::string& fmt, std::string* error);
// `fmt.format(...)` and f-string-like fields.
std::vector<FormatPiece> parse_brace_format(const std::string& fmt, std::string* error);

}  // namespace rpy
