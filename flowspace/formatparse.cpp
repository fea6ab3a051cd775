#include "flowspace/formatparse.h"

#include <cctype>

namespace rpy {

std::vector<FormatPiece> parse_percent_format(const std::string& fmt, std::string* error) {
  std::vector<FormatPiece> out;
  std::string lit;
  int next = 0;
  auto fail = [&](const std::string& m) {
    *error = m;
    return std::vector<FormatPiece>{};
  };
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c != '%') {
      lit += c;
      continue;
    }
    if (++i >= fmt.size()) return fail("incomplete format");
    if (fmt[i] == '%') {
      lit += '%';
      continue;
    }
    if (fmt[i] == '(') return fail("format requires a mapping (%(name)s is not supported)");
    bool minus = false, plus = false, space = false, alt = false, zero = false;
    for (; i < fmt.size(); ++i) {
      char f = fmt[i];
      if (f == '-') minus = true;
      else if (f == '+') plus = true;
      else if (f == ' ') space = true;
      else if (f == '#') alt = true;
      else if (f == '0') zero = true;
      else break;
    }
    std::string width, prec;
    bool has_prec = false;
    if (i < fmt.size() && fmt[i] == '*') return fail("'*' widths in a % format are not supported");
    while (i < fmt.size() && std::isdigit((unsigned char)fmt[i])) width += fmt[i++];
    if (i < fmt.size() && fmt[i] == '.') {
      has_prec = true;
      ++i;
      if (i < fmt.size() && fmt[i] == '*') return fail("'*' precisions in a % format are not supported");
      while (i < fmt.size() && std::isdigit((unsigned char)fmt[i])) prec += fmt[i++];
      if (prec.empty()) prec = "0";
    }
    while (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;  // ignored, as CPython
    if (i >= fmt.size()) return fail("incomplete format");
    char conv = fmt[i];
    if (!lit.empty()) {
      out.push_back(FormatPiece{true, lit});
      lit.clear();
    }
    FormatPiece p;
    p.literal = false;
    p.index = next++;
    std::string sign = plus ? "+" : space ? " " : "";
    switch (conv) {
      case 's':
      case 'r':
      case 'a':
      case 'c':
        p.conversion = conv;
        if (!width.empty()) p.spec = std::string(minus ? "<" : ">") + width;
        if (has_prec && conv != 'c') p.spec += "." + prec;
        break;
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o':
        if (has_prec) return fail(std::string("a precision with %") + conv + " is not supported");
        p.conversion = 'i';
        p.spec = std::string(minus ? "<" : "") + sign + (alt ? "#" : "") + (zero && !minus ? "0" : "") + width +
                 (conv == 'i' || conv == 'u' ? 'd' : conv);
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        p.conversion = 'f';
        p.spec = std::string(minus ? "<" : "") + sign + (alt ? "#" : "") + (zero && !minus ? "0" : "") + width +
                 (has_prec ? "." + prec : "") + conv;
        break;
      default: {
        char buf[96];
        std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu", conv,
                      (unsigned)(unsigned char)conv, i);
        return fail(buf);
      }
    }
    out.push_back(p);
  }
  if (!lit.empty()) out.push_back(FormatPiece{true, lit});
  return out;
}

std::vector<FormatPiece> parse_brace_format(const std::string& fmt, std::string* error) {
  std::vector<FormatPiece> out;
  std::string lit;
  int next = 0;
  bool manual = false, automatic = false;
  auto fail = [&](const std::string& m) {
    *error = m;
    return std::vector<FormatPiece>{};
  };
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
        lit += '}';
        ++i;
        continue;
      }
      return fail("Single '}' encountered in format string");
    }
    if (c != '{') {
      lit += c;
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
      lit += '{';
      ++i;
      continue;
    }
    size_t close = fmt.find('}', i + 1);
    if (close == std::string::npos) return fail("expected '}' before end of string");
    std::string field = fmt.substr(i + 1, close - i - 1);
    if (field.find('{') != std::string::npos) return fail("nested replacement fields are not supported");
    i = close;
    std::string name = field, conv, spec;
    size_t colon = field.find(':');
    size_t bang = field.find('!');
    if (bang != std::string::npos && (colon == std::string::npos || bang < colon)) {
      name = field.substr(0, bang);
      conv = colon == std::string::npos ? field.substr(bang + 1) : field.substr(bang + 1, colon - bang - 1);
    } else if (colon != std::string::npos) {
      name = field.substr(0, colon);
    }
    if (colon != std::string::npos) spec = field.substr(colon + 1);
    if (!lit.empty()) {
      out.push_back(FormatPiece{true, lit});
      lit.clear();
    }
    FormatPiece p;
    p.literal = false;
    p.spec = spec;
    if (!conv.empty()) {
      if (conv.size() != 1 || (conv[0] != 's' && conv[0] != 'r' && conv[0] != 'a'))
        return fail("Unknown conversion specifier " + conv);
      p.conversion = conv[0];
    }
    if (name.empty()) {
      if (manual) return fail("cannot switch from manual field specification to automatic field numbering");
      automatic = true;
      p.index = next++;
    } else if (std::isdigit((unsigned char)name[0])) {
      for (char d : name)
        if (!std::isdigit((unsigned char)d)) return fail("field '" + name + "' is not supported (only indexes and names)");
      if (automatic) return fail("cannot switch from automatic field numbering to manual field specification");
      manual = true;
      p.index = std::stoi(name);
    } else {
      for (char d : name)
        if (!std::isalnum((unsigned char)d) && d != '_')
          return fail("field '" + name + "' is not supported (only indexes and names)");
      p.name = name;
    }
    out.push_back(p);
  }
  if (!lit.empty()) out.push_back(FormatPiece{true, lit});
  return out;
}

}  // namespace rpy
