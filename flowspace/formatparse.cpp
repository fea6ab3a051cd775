#include "flowspace/formatparse.h"

#include <cctype>

namespace rpy {

std::vector<FormatPiece> parse_percent_format(const std::string& fmt, std::string* error, bool bytes_format) {
  std::vector<FormatPiece> out;
  std::string lit;
  int next = 0;
  int named = 0;  // 1: %(name)s fields, -1: positional ones, 0: none yet
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
    std::string key;
    bool keyed = false;
    if (fmt[i] == '(') {  // %(name)s: a key of the mapping operand, parentheses nesting as CPython's
      int depth = 1;
      size_t start = ++i;
      while (i < fmt.size() && depth > 0) {
        if (fmt[i] == '(') ++depth;
        else if (fmt[i] == ')') --depth;
        ++i;
      }
      if (depth > 0) return fail("incomplete format key");
      key = fmt.substr(start, i - 1 - start);
      keyed = true;
      if (i >= fmt.size()) return fail("incomplete format");
    }
    if (keyed ? named < 0 : named > 0)
      return fail("a format mixing %(name)s fields with positional ones is not supported");
    named = keyed ? 1 : -1;
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
    int width_arg = -1, prec_arg = -1;
    if (i < fmt.size() && fmt[i] == '*') {
      if (keyed) return fail("not enough arguments for format string");  // CPython's: '*' takes from a tuple
      width_arg = next++;
      ++i;
    }
    while (i < fmt.size() && std::isdigit((unsigned char)fmt[i])) width += fmt[i++];
    if (i < fmt.size() && fmt[i] == '.') {
      has_prec = true;
      ++i;
      if (i < fmt.size() && fmt[i] == '*') {
        if (keyed) return fail("not enough arguments for format string");
        prec_arg = next++;
        ++i;
      }
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
    if (keyed) p.name = key;
    else p.index = next++;
    p.width_arg = width_arg;
    p.prec_arg = prec_arg;
    p.static_width = width;
    p.static_prec = prec;
    p.has_prec = has_prec;
    p.minus = minus;
    p.zero = zero;
    std::string sign = plus ? "+" : space ? " " : "";
    auto unsupported = [&] {
      char buf[96];
      std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu", conv,
                    (unsigned)(unsigned char)conv, i);
      return fail(buf);
    };
    switch (conv) {
      case 'b':
        if (!bytes_format) return unsupported();
        [[fallthrough]];
      case 's':
      case 'r':
      case 'a':
      case 'c':
        p.conversion = conv;
        if (!width.empty()) p.spec = std::string(minus ? "<" : ">") + width;
        if (has_prec && conv != 'c') p.spec += "." + prec;
        p.spec_head = "";  // the alignment comes from the width's sign
        if (conv == 'c') p.has_prec = false;
        break;
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o':
        p.conversion = 'i';
        p.spec = std::string(minus ? "<" : "") + sign + (alt ? "#" : "") + (zero && !minus ? "0" : "") + width +
                 (conv == 'i' || conv == 'u' ? 'd' : conv);
        p.spec_head = sign + (alt ? "#" : "");
        p.spec_tail = std::string(1, conv == 'i' || conv == 'u' ? 'd' : conv);
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
        p.spec_head = sign + (alt ? "#" : "");
        p.spec_tail = std::string(1, conv);
        break;
      default:
        return unsupported();
    }
    out.push_back(p);
  }
  if (!lit.empty()) out.push_back(FormatPiece{true, lit});
  return out;
}

namespace {

// Field numbering is shared by a format and the fields nested in its specs.
struct BraceNumbering {
  int next = 0;
  bool manual = false, automatic = false;
};

// `fmt` at nesting level `depth` (1: the spec of a field).
std::vector<FormatPiece> parse_brace(const std::string& fmt, std::string* error, BraceNumbering& num, int depth) {
  std::vector<FormatPiece> out;
  std::string lit;
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
    // The field ends at the '}' matching its '{' (its spec may hold fields).
    size_t close = i + 1;
    for (int level = 1; close < fmt.size(); ++close) {
      if (fmt[close] == '{') ++level;
      else if (fmt[close] == '}' && --level == 0) break;
    }
    if (close >= fmt.size()) {
      size_t colon = fmt.find(':', i + 1), inner = fmt.find('{', i + 1);
      if (inner != std::string::npos && colon < inner) return fail("unmatched '{' in format spec");
      return fail("expected '}' before end of string");
    }
    std::string field = fmt.substr(i + 1, close - i - 1);
    if (depth > 0 && field.find('{') != std::string::npos) return fail("Max string recursion exceeded");
    i = close;
    // The field name ends at the first '!' or ':' outside [...].
    size_t name_end = 0;
    while (name_end < field.size() && field[name_end] != '!' && field[name_end] != ':') {
      if (field[name_end] == '[') {
        size_t rb = field.find(']', name_end);
        if (rb == std::string::npos) return fail("Missing ']' in format string");
        name_end = rb;
      }
      ++name_end;
    }
    std::string name = field.substr(0, name_end), conv, spec;
    if (name.find('{') != std::string::npos) return fail("unexpected '{' in field name");
    std::vector<std::pair<char, std::string>> accessors;
    size_t first = name.find_first_of(".[");
    if (first != std::string::npos) {
      for (size_t j = first; j < name.size();) {
        char kind = name[j];
        if (kind != '.' && kind != '[') return fail("Only '.' or '[' may follow ']' in format field specifier");
        size_t stop = kind == '.' ? name.find_first_of(".[", j + 1) : name.find(']', j + 1);
        if (stop == std::string::npos) stop = name.size();
        std::string part = name.substr(j + 1, stop - j - 1);
        if (part.empty()) return fail("Empty attribute in format string");
        accessors.push_back({kind, part});
        j = kind == '.' ? stop : stop + 1;
      }
      name = name.substr(0, first);
    }
    std::string rest = field.substr(name_end);
    size_t colon = rest.find(':');
    size_t bang = rest.find('!');
    if (bang != std::string::npos && (colon == std::string::npos || bang < colon))
      conv = colon == std::string::npos ? rest.substr(bang + 1) : rest.substr(bang + 1, colon - bang - 1);
    if (colon != std::string::npos) spec = rest.substr(colon + 1);
    if (conv.find('{') != std::string::npos) return fail("unexpected '{' in field name");
    if (!lit.empty()) {
      out.push_back(FormatPiece{true, lit});
      lit.clear();
    }
    FormatPiece p;
    p.literal = false;
    p.accessors = std::move(accessors);
    if (!conv.empty()) {
      if (conv.size() != 1 || (conv[0] != 's' && conv[0] != 'r' && conv[0] != 'a'))
        return fail("Unknown conversion specifier " + conv);
      p.conversion = conv[0];
    }
    // The field is numbered before the fields of its spec, as CPython does.
    if (name.empty()) {
      if (num.manual) return fail("cannot switch from manual field specification to automatic field numbering");
      num.automatic = true;
      p.index = num.next++;
    } else if (std::isdigit((unsigned char)name[0])) {
      for (char d : name)
        if (!std::isdigit((unsigned char)d)) return fail("field '" + name + "' is not supported (only indexes and names)");
      if (num.automatic) return fail("cannot switch from automatic field numbering to manual field specification");
      num.manual = true;
      p.index = std::stoi(name);
    } else {
      for (char d : name)
        if (!std::isalnum((unsigned char)d) && d != '_')
          return fail("field '" + name + "' is not supported (only indexes and names)");
      p.name = name;
    }
    if (spec.find_first_of("{}") != std::string::npos) {
      p.spec_pieces = parse_brace(spec, error, num, depth + 1);
      if (!error->empty()) return {};
    } else {
      p.spec = spec;
    }
    out.push_back(p);
  }
  if (!lit.empty()) out.push_back(FormatPiece{true, lit});
  return out;
}

}  // namespace

std::vector<FormatPiece> parse_brace_format(const std::string& fmt, std::string* error) {
  BraceNumbering num;
  return parse_brace(fmt, error, num, 0);
}

}  // namespace rpy
