// Reads the text form of traces (see printer.h and docs/JIT_IR.md).
// Every malformed input gives a ParseError with a position, never a crash:
// the parser checks syntax and names, then runs verify() for the semantic
// rules and reports the first error at the operation it concerns.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "runtime/jit/cfunction.h"
#include "runtime/jit/trace.h"

namespace rpy::jit {

struct ParseError {
  std::string file;
  int line = 0;    // 1-based
  int column = 0;  // 0-based, where the caret goes
  std::string message;
  std::string source_line;

  // "file:line: error: message", the source line, and a caret line.
  std::string format() const;
};

struct ParseOptions {
  // Resolves the functions call descrs name. Without a registry any name is
  // accepted and CallDescr::function() is null (enough to print or optimize).
  const CFunctionRegistry* functions = nullptr;
};

struct ParseResult {
  std::unique_ptr<TraceFile> file;  // null on error
  ParseError error;
  bool ok() const { return file != nullptr; }
};

ParseResult parse_trace_file(std::string_view text, std::string_view filename = "<trace>",
                             const ParseOptions& options = {});

}  // namespace rpy::jit
