#include "rtyper/strmethods.h"

#include <fmt/format.h>

#include <algorithm>

namespace rpy {

const StrMethod* str_method(const std::string& name) {
  static const std::vector<StrMethod> table = {
      {"find", "rpy_str_find", {{'s', ""}, {'i', "b"}, {'i', "e"}}, 1, 'i'},
      {"rfind", "rpy_str_rfind", {{'s', ""}, {'i', "b"}, {'i', "e"}}, 1, 'i'},
      {"index", "rpy_str_index", {{'s', ""}, {'i', "b"}, {'i', "e"}}, 1, 'i'},
      {"rindex", "rpy_str_rindex", {{'s', ""}, {'i', "b"}, {'i', "e"}}, 1, 'i'},
      {"count", "rpy_str_count", {{'s', ""}, {'i', "b"}, {'i', "e"}}, 1, 'i'},
      {"startswith", "rpy_str_startswith", {{'s', ""}, {'i', "b"}, {'i', "e"}}, 1, 'b'},
      {"endswith", "rpy_str_endswith", {{'s', ""}, {'i', "b"}, {'i', "e"}}, 1, 'b'},
      {"strip", "rpy_str_strip", {{'S', ""}}, 0, 's'},
      {"lstrip", "rpy_str_lstrip", {{'S', ""}}, 0, 's'},
      {"rstrip", "rpy_str_rstrip", {{'S', ""}}, 0, 's'},
      {"lower", "rpy_str_lower", {}, 0, 's'},
      {"upper", "rpy_str_upper", {}, 0, 's'},
      {"isdigit", "rpy_str_isdigit", {}, 0, 'b'},
      {"isdecimal", "rpy_str_isdecimal", {}, 0, 'b'},
      {"isnumeric", "rpy_str_isnumeric", {}, 0, 'b'},
      {"isalpha", "rpy_str_isalpha", {}, 0, 'b'},
      {"isalnum", "rpy_str_isalnum", {}, 0, 'b'},
      {"isspace", "rpy_str_isspace", {}, 0, 'b'},
      {"islower", "rpy_str_islower", {}, 0, 'b'},
      {"isupper", "rpy_str_isupper", {}, 0, 'b'},
      {"isascii", "rpy_str_isascii", {}, 0, 'b'},
      {"istitle", "rpy_str_istitle", {}, 0, 'b'},
      {"isprintable", "rpy_str_isprintable", {}, 0, 'b'},
      {"isidentifier", "rpy_str_isidentifier", {}, 0, 'b'},
      {"capitalize", "rpy_str_capitalize", {}, 0, 's'},
      {"title", "rpy_str_title", {}, 0, 's'},
      {"swapcase", "rpy_str_swapcase", {}, 0, 's'},
      {"casefold", "rpy_str_casefold", {}, 0, 's'},
      {"expandtabs", "rpy_str_expandtabs", {{'i', "8"}}, 0, 's', {"tabsize"}},
      {"replace", "rpy_str_replace", {{'s', ""}, {'s', ""}, {'i', "-1"}}, 2, 's'},
      {"zfill", "rpy_str_zfill", {{'i', ""}}, 1, 's'},
      {"ljust", "rpy_str_ljust", {{'i', ""}, {'s', " "}}, 1, 's'},
      {"rjust", "rpy_str_rjust", {{'i', ""}, {'s', " "}}, 1, 's'},
      {"center", "rpy_str_center", {{'i', ""}, {'s', " "}}, 1, 's'},
      {"split", "rpy_str_split", {{'S', ""}, {'i', "-1"}}, 0, 'l', {"sep", "maxsplit"}},
      {"rsplit", "rpy_str_rsplit", {{'S', ""}, {'i', "-1"}}, 0, 'l', {"sep", "maxsplit"}},
      {"splitlines", "rpy_str_splitlines", {{'B', "0"}}, 0, 'l', {"keepends"}},
      {"join", "rpy_str_join", {{'L', ""}}, 1, 's'},
  };
  for (auto& m : table)
    if (name == m.name) return &m;
  return nullptr;
}

std::vector<int> str_method_arg_order(const StrMethod& m, size_t npositional, const std::vector<std::string>& kwnames,
                                      std::string* error) {
  std::vector<int> order;
  for (size_t i = 0; i < npositional; ++i) order.push_back((int)i);
  for (size_t k = 0; k < kwnames.size(); ++k) {
    auto it = std::find(m.keywords.begin(), m.keywords.end(), kwnames[k]);
    if (it == m.keywords.end()) {
      *error = m.keywords.empty() ? fmt::format("str.{}() takes no keyword arguments", m.name)
                                  : fmt::format("'{}' is an invalid keyword argument for {}()", kwnames[k], m.name);
      return {};
    }
    size_t p = (size_t)(it - m.keywords.begin());
    if (p < order.size() && order[p] >= 0) {
      *error = fmt::format("argument for {}() given by name ('{}') and position ({})", m.name, kwnames[k], p + 1);
      return {};
    }
    while (order.size() <= p) order.push_back(-1);
    order[p] = (int)(npositional + k);
  }
  return order;
}

}  // namespace rpy
