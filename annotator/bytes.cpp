// bytes and bytearray in the annotator: type checks with CPython's wording
// (a bytes + str is a translation error, as CPython's TypeError would be)
// and result types. The primitive operations are runtime functions
// (rtyper/rbytes.cpp); what loops over the data in RPython-visible ways
// (strip, split, replace, join, startswith, construction from an iterable,
// iteration) is a helper of rpython/rlib/_bytesops.py called on the
// program's behalf, one copy per call site, like the list helpers.
//
// Result types follow CPython: an operation on a bytearray gives a
// bytearray (slices, +, *, strip...), on bytes gives bytes, whatever the
// type of the other operand (bytearray + bytes -> bytearray, bytes +
// bytearray -> bytes).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "annotator/annotator.h"
#include "annotator/bookkeeper.h"
#include "annotator/internal.h"

namespace rpy {

namespace {

HelperArg arg(int i) { return HelperArg{i, {}}; }
HelperArg kint(int64_t v) { return HelperArg{-1, ConstValue::from_python(py::int_(v))}; }
HelperArg knone() { return HelperArg{-1, ConstValue{}}; }

bool is_bytes(const SV& s) { return s->kind == SomeValue::Bytes; }
bool is_ba(const SV& s) { return s->kind == SomeValue::ByteArray; }
// bytes or bytearray, never None
bool is_blike(const SV& s) { return (is_bytes(s) || is_ba(s)) && !s->can_be_none; }
SV same_kind(const SV& s) { return is_ba(s) ? s_bytearray() : s_bytes(); }

const std::set<std::string>& common_methods() {
  static const std::set<std::string> m = {"decode", "find",   "rfind", "index",  "rindex", "count",      "startswith",
                                          "endswith", "hex",  "split", "rsplit", "strip",  "lstrip",     "rstrip",
                                          "replace", "upper", "lower", "join",   "isdigit", "isalpha",   "isalnum",
                                          "isspace", "islower", "isupper", "splitlines", "partition", "rpartition",
                                          "center", "ljust", "rjust", "zfill", "removeprefix", "removesuffix",
                                          "expandtabs", "capitalize", "title", "swapcase", "isascii", "istitle",
                                          "translate", "maketrans"};
  return m;
}
const std::set<std::string>& bytearray_methods() {
  static const std::set<std::string> m = {"append", "extend", "pop", "insert", "remove", "reverse", "clear", "copy"};
  return m;
}

}  // namespace

SV Annotator::bytes_helper(SpaceOperation& op, const char* fname, const std::vector<HelperArg>& where,
                           const std::vector<SV>& opargs) {
  std::vector<SV> a;
  for (auto& h : where) a.push_back(h.index >= 0 ? opargs[h.index] : s_const(h.c));
  return rlib_op_helper(op, "rpython.rlib._bytesops", fname, a, where);
}

SV Annotator::str_affix_tuple(SpaceOperation& op, const SV& method, const std::vector<SV>& args) {
  const std::string& m = method->method_name;
  const SV& prefixes = args[0];
  if (prefixes->items.size() > 64) throw TranslationError(op.pos, "str." + m + "() with a tuple of more than 64 prefixes is not supported");
  for (auto& item : prefixes->items)
    if (!is_str(item) || item->can_be_none)
      throw TranslationError(op.pos, fmt::format("tuple for {} must only contain str, not {}", m, pyname(item)));
  // op.args: the bound method (the helper gets its str), then the arguments.
  std::vector<HelperArg> where{HelperArg{0, {}}, HelperArg{1, {}}};
  std::vector<SV> a{method->bound_self, prefixes};
  for (size_t i = 1; i < 3; ++i) {
    if (i < args.size() && args[i]->kind != SomeValue::None) {
      if (!is_int_like(args[i]))
        throw TranslationError(op.pos, "slice indices must be integers or None or have an __index__ method");
      where.push_back(HelperArg{(int)i + 1, {}});
      a.push_back(args[i]);
    } else {
      where.push_back(HelperArg{-1, ConstValue::from_python(py::int_(i == 1 ? 0 : INT64_MAX))});
      a.push_back(s_const(where.back().c));
    }
  }
  return rlib_op_helper(op, "rpython.rlib._bytesops", m == "startswith" ? "str_startswith_tuple" : "str_endswith_tuple",
                        a, where);
}

// Operations whose operands include a bytes or a bytearray (nullptr: not
// one of them, or the generic rules apply: truth, is, calls, tuples).
SV Annotator::consider_bytes_like_op(SpaceOperation& op, const std::vector<SV>& args) {
  const std::string& name = op.opname;
  auto fail = [&](const std::string& msg) -> SV { throw TranslationError(op.pos, msg); };
  auto index_or_none = [&](const SV& s) {
    if (!is_int_like(s) && s->kind != SomeValue::None)
      fail("slice indices must be integers or None or have an __index__ method");
  };
  if ((name == "simple_call" || name == "call_kw") && args[0]->kind == SomeValue::PBC && args[0]->bound_self &&
      (is_bytes(args[0]->bound_self) || is_ba(args[0]->bound_self)) && args[0]->method_name != "encode")
    return consider_bytes_method(op, args);
  if (name.rfind("fmt_", 0) == 0) return nullptr;  // `fmt % operand` (annotator.cpp)
  bool any = false;
  for (auto& a : args) any |= is_bytes(a) || is_ba(a);
  if (!any) return nullptr;
  for (auto& a : args)
    if (a->kind == SomeValue::Impossible) return nullptr;
  const SV& self = args[0];
  std::string tn = pyname(self);
  bool self_blike = is_bytes(self) || is_ba(self);
  // b"k" as a dict key, in a list, or compared with an instance (whose
  // __eq__ decides): not a bytes operation
  if (!self_blike && name != "mul" && name != "eq" && name != "ne" &&
      name != "lt" && name != "le" && name != "gt" && name != "ge")
    return nullptr;
  for (auto& a : args)
    if (a->kind == SomeValue::Instance) return nullptr;
  if ((is_bytes(self) || is_ba(self)) && self->can_be_none && name != "is_" && name != "is_not" && name != "bool" &&
      name != "not_" && name != "getattr" && name != "simple_call" && name != "call_kw" && name != "newtuple" &&
      name != "newlist" && name != "setattr")
    fail("this operation on a " + tn + " that may be None is not supported: test it against None first");
  if (name == "getattr") {
    if (!is_bytes(self) && !is_ba(self)) return nullptr;
    const std::string& m = static_cast<Constant*>(op.args[1])->value.s;
    if (!common_methods().count(m) && !(is_ba(self) && bytearray_methods().count(m)))
      fail("'" + tn + "' object has no attribute '" + m + "' (or it is not supported yet)");
    SomeValue v;
    v.kind = SomeValue::PBC;
    v.method_name = m;
    v.bound_self = same_kind(self);
    return std::make_shared<const SomeValue>(std::move(v));
  }
  if (name == "getitem") {
    if (!is_int_like(args[1])) fail(tn + " indices must be integers or slices, not " + pyname(args[1]));
    return s_int(true);
  }
  if (name == "getslice") {
    for (size_t k = 1; k < 4; ++k) index_or_none(args[k]);
    return same_kind(self);
  }
  if (name == "setitem" || name == "setslice" || name == "delitem" || name == "delslice") {
    if (!is_ba(self))
      fail(fmt::format("'{}' object does not support item {}", tn, name.rfind("del", 0) == 0 ? "deletion" : "assignment"));
    if (name == "setitem" || name == "delitem") {
      if (!is_int_like(args[1])) fail("bytearray indices must be integers or slices, not " + pyname(args[1]));
      if (name == "setitem" && !is_int_like(args[2]))
        fail("'" + pyname(args[2]) + "' object cannot be interpreted as an integer");
      return s_none();
    }
    for (size_t k = 1; k < 4; ++k) index_or_none(args[k]);
    if (name == "setslice") {
      const SV& v = args[4];
      if (is_blike(v)) return s_none();
      if (v->kind == SomeValue::List && is_int_like(v->listdef->find()->item)) {
        // bytes(v) first (slot 0): then the slice assignment of bytes.
        if (!call_helper(op, 0, "rpython.rlib._bytesops", "bytes_from_iter", {v}, cur_graph_, cur_block_))
          return nullptr;
        return s_none();
      }
      fail("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    }
    return s_none();
  }
  std::string base = name.rfind("inplace_", 0) == 0 ? name.substr(8) : name;
  if (base == "add") {
    if (!is_blike(args[0]) || !is_blike(args[1])) {
      if (is_bytes(args[0]) || is_ba(args[0]))
        fail(fmt::format("can't concat {} to {}", pyname(args[1]), pyname(args[0])));
      fail(fmt::format("unsupported operand type(s) for +: '{}' and '{}'", pyname(args[0]), pyname(args[1])));
    }
    // CPython's ba += other holds a buffer export of other while it resizes
    // ba: BufferError when they are the same non-empty bytearray.
    if (name == "inplace_add" && is_ba(args[0]) && is_ba(args[1]))
      return bytes_helper(op, "bytearray_iadd", {arg(0), arg(1)}, args);
    return same_kind(args[0]);
  }
  if (base == "mod" && self_blike)  // a literal format became concatenations (flowspace/flowbuilder.cpp)
    fail("'%' formatting needs a constant format, a bytes literal or bytearray(b\"...\") (as in RPython): this "
         "format is computed at run time");
  if (base == "mul") {
    bool left = is_bytes(args[0]) || is_ba(args[0]);
    if (!(left && is_int_like(args[1])) && !(is_int_like(args[0]) && (is_bytes(args[1]) || is_ba(args[1]))))
      fail(fmt::format("can't multiply sequence by non-int of type '{}'", left ? pyname(args[1]) : pyname(args[0])));
    if (name == "inplace_mul" && !left) fail("in-place repetition of an int is not supported");
    return same_kind(left ? args[0] : args[1]);
  }
  if (name == "contains") {  // `x in b`: args are (b, x)
    if (!is_bytes(self) && !is_ba(self)) return nullptr;
    if (!is_blike(args[1]) && !is_int_like(args[1]))
      fail("a bytes-like object is required, not '" + pyname(args[1]) + "'");
    return s_bool();
  }
  if (name == "eq" || name == "ne" || name == "lt" || name == "le" || name == "gt" || name == "ge") {
    if (!is_blike(args[0]) || !is_blike(args[1])) {
      const SV& b = is_bytes(args[0]) || is_ba(args[0]) ? args[0] : args[1];
      const SV& other = &b == &args[0] ? args[1] : args[0];
      if (name == "eq" || name == "ne")
        fail(fmt::format("comparing {} with {} is always {}: compare bytes-like objects with each other", pyname(b),
                         other->pretty(), name == "eq" ? "False" : "True"));
      fail(fmt::format("'{}' not supported between instances of '{}' and '{}'",
                       name == "lt" ? "<" : name == "le" ? "<=" : name == "gt" ? ">" : ">=", pyname(args[0]),
                       pyname(args[1])));
    }
    return s_bool();
  }
  if (name == "hash" && is_ba(self)) fail("unhashable type: 'bytearray'");
  if (name == "bool" || name == "not_" || name == "is_" || name == "is_not") return nullptr;  // the generic rules
  if (name == "simple_call" || name == "call_kw" || name == "setattr" || name == "newtuple" || name == "newlist" ||
      name == "hash" || name == "unpack_check" || name == "unpack_star")
    return nullptr;
  if (is_bytes(self) || is_ba(self)) fail("operation '" + name + "' on " + tn + " is not supported yet");
  fail(fmt::format("operation '{}' between {} and {} is not supported", name, pyname(args[0]),
                   args.size() > 1 ? pyname(args[1]) : std::string("nothing")));
  return nullptr;
}

// b.method(...): args[0] is the bound method.
SV Annotator::consider_bytes_method(SpaceOperation& op, const std::vector<SV>& args) {
  auto fail = [&](const std::string& msg) -> SV { throw TranslationError(op.pos, msg); };
  const SV self = args[0]->bound_self;
  const std::string m = args[0]->method_name;
  const std::string tn = pyname(self);
  const std::string full = tn + "." + m;
  bool kw = op.opname == "call_kw";
  size_t first = kw ? 2 : 1;
  if (m == "decode") {  // decode(encoding, errors), by position or keyword
    if (kw) {
      py::tuple names = static_cast<Constant*>(op.args[1])->value.obj;
      for (auto k : names) {
        std::string kn = k.cast<std::string>();
        if (kn != "encoding" && kn != "errors") fail(full + "() got an unexpected keyword argument '" + kn + "'");
      }
    }
    if (args.size() - first > 2) fail(fmt::format("{}() takes at most 2 arguments ({} given)", full, args.size() - first));
    for (size_t i = first; i < args.size(); ++i)
      if (args[i]->kind != SomeValue::String || args[i]->can_be_none)
        fail(fmt::format("{}() argument must be str, not {}", full, pyname(args[i])));
    return s_str();
  }
  // Keyword arguments, for the methods that take them in CPython ("" is a
  // positional-only parameter): P holds the arguments by position, a
  // keyword put in its place, a gap (split(maxsplit=1)) as None.
  static const std::map<std::string, std::vector<std::string>> kwparams = {
      {"split", {"sep", "maxsplit"}},   {"rsplit", {"sep", "maxsplit"}},
      {"splitlines", {"keepends"}},     {"expandtabs", {"tabsize"}},
      {"translate", {"", "delete"}},   {"hex", {"sep", "bytes_per_sep"}}};
  std::vector<int> slot{0};
  std::vector<SV> P{self};
  if (kw) {
    auto it = kwparams.find(m);
    if (it == kwparams.end()) fail(full + "() takes no keyword arguments");
    py::tuple names = static_cast<Constant*>(op.args[1])->value.obj;
    size_t npos = args.size() - first - names.size();
    for (size_t i = 0; i < npos; ++i) {
      slot.push_back((int)(first + i));
      P.push_back(args[first + i]);
    }
    for (size_t k = 0; k < names.size(); ++k) {
      std::string kn = names[k].cast<std::string>();
      auto& ps = it->second;
      auto pit = std::find(ps.begin(), ps.end(), kn);
      if (kn.empty() || pit == ps.end()) fail(fmt::format("'{}' is an invalid keyword argument for {}()", kn, m));
      size_t p = (size_t)(pit - ps.begin()) + 1;
      if (p < slot.size() && slot[p] >= 0)
        fail(fmt::format("argument for {}() given by name ('{}') and position ({})", m, kn, p));
      while (slot.size() <= p) {
        slot.push_back(-1);
        P.push_back(s_none());
      }
      slot[p] = (int)(first + npos + k);
      P[p] = args[slot[p]];
    }
    if (m == "translate" && (slot.size() < 2 || slot[1] < 0))
      fail("translate() takes at least 1 positional argument (0 given)");
  } else {
    for (size_t i = 1; i < args.size(); ++i) {
      slot.push_back((int)i);
      P.push_back(args[i]);
    }
  }
  // the helper's view of argument i: where it is in op.args, or None
  auto sl = [&](size_t i) { return slot[i] >= 0 ? arg(slot[i]) : knone(); };
  size_t n = P.size() - 1;
  auto nargs = [&](size_t lo, size_t hi) {
    if (n < lo || n > hi) {
      if (lo == hi) fail(fmt::format("{}() takes exactly {} argument{} ({} given)", full, lo, lo == 1 ? "" : "s", n));
      fail(fmt::format("{} expected {} to {} arguments, got {}", m, lo, hi, n));
    }
  };
  auto blike = [&](size_t i) {
    if (!is_blike(P[i])) fail("a bytes-like object is required, not '" + pyname(P[i]) + "'");
  };
  auto byte = [&](size_t i) {
    if (!is_int_like(P[i])) fail("'" + pyname(P[i]) + "' object cannot be interpreted as an integer");
  };
  std::vector<SV> a = args;
  a[0] = self;
  // start and end, the helper's last two arguments
  auto start_end = [&](std::vector<HelperArg> where) {
    for (size_t i = 2; i <= n; ++i)
      if (!is_int_like(P[i]) && P[i]->kind != SomeValue::None)
        fail("slice indices must be integers or None or have an __index__ method");
    where.push_back(n >= 2 && P[2]->kind != SomeValue::None ? sl(2) : kint(0));
    where.push_back(n >= 3 && P[3]->kind != SomeValue::None ? sl(3) : kint(INT64_MAX));
    return where;
  };
  // (sub[, start[, end]]), sub a bytes-like or (CPython: a byte) an int
  auto sub_start_end = [&](const char* f, const char* f_int) -> SV {
    nargs(1, 3);
    if (is_int_like(P[1])) return bytes_helper(op, f_int, start_end({sl(0), sl(1)}), a);
    blike(1);
    std::vector<HelperArg> where = start_end({sl(0), sl(1)});
    if (!f) return s_int();  // a runtime function (rtyper/rbytes.cpp)
    return bytes_helper(op, f, where, a);
  };
  if (m == "find" || m == "rfind" || m == "count") {
    std::string fi = "bytes_" + m + "_int";
    return sub_start_end(nullptr, fi.c_str());
  }
  if (m == "index") return sub_start_end("bytes_index", "bytes_index");
  if (m == "rindex") return sub_start_end("bytes_rindex", "bytes_rindex");
  if (m == "startswith" || m == "endswith") {
    nargs(1, 3);
    if (P[1]->kind == SomeValue::Tuple) {
      if (P[1]->items.size() > 64) fail(full + "() with a tuple of more than 64 prefixes is not supported");
      for (auto& item : P[1]->items)
        if (!is_blike(item)) fail("a bytes-like object is required, not '" + pyname(item) + "'");
      std::string f = "bytes_" + m + "_tuple";
      return bytes_helper(op, f.c_str(), start_end({sl(0), sl(1)}), a);
    }
    if (!is_blike(P[1]))
      fail(fmt::format("{} first arg must be bytes or a tuple of bytes, not {}", m, pyname(P[1])));
    return bytes_helper(op, m == "startswith" ? "bytes_startswith" : "bytes_endswith", start_end({sl(0), sl(1)}), a);
  }
  if (m == "hex") {
    nargs(0, 2);
    if (n == 0) return s_str();  // a runtime function (rtyper/rbytes.cpp)
    if (!is_blike(P[1]) && !(is_str(P[1]) && !P[1]->can_be_none))
      fail(fmt::format("object of type '{}' has no len()", pyname(P[1])));
    if (n == 2) byte(2);
    return bytes_helper(op, "bytes_hex_sep", {sl(0), sl(1), n == 2 ? sl(2) : kint(1)}, a);
  }
  if (m == "strip" || m == "lstrip" || m == "rstrip") {
    nargs(0, 1);
    if (n == 1 && P[1]->kind != SomeValue::None) blike(1);
    int mode = m == "strip" ? 3 : m == "lstrip" ? 1 : 2;
    return bytes_helper(op, "bytes_strip", {sl(0), n == 1 ? sl(1) : knone(), kint(mode)}, a);
  }
  if (m == "split" || m == "rsplit") {
    nargs(0, 2);
    if (n >= 1 && P[1]->kind != SomeValue::None) blike(1);
    if (n >= 2) byte(2);
    bool ws = n == 0 || P[1]->kind == SomeValue::None;
    std::string f = std::string("bytes_") + m + (ws ? "_ws" : "");
    std::vector<HelperArg> where{sl(0)};
    if (!ws) where.push_back(sl(1));
    where.push_back(n >= 2 ? sl(2) : kint(-1));
    return bytes_helper(op, f.c_str(), where, a);
  }
  if (m == "replace") {
    nargs(2, 3);
    blike(1);
    blike(2);
    if (n == 3) byte(3);
    return bytes_helper(op, "bytes_replace", {sl(0), sl(1), sl(2), n == 3 ? sl(3) : kint(-1)}, a);
  }
  if (m == "splitlines") {
    nargs(0, 1);
    if (n == 1) byte(1);
    return bytes_helper(op, "bytes_splitlines", {sl(0), n == 1 ? sl(1) : kint(0)}, a);
  }
  if (m == "partition" || m == "rpartition" || m == "removeprefix" || m == "removesuffix") {
    nargs(1, 1);
    blike(1);
    // CPython's middle item is then the separator itself when found, a
    // bytes when not: a type that depends on the data
    if (m.find("partition") != std::string::npos && is_bytes(self) && is_ba(P[1]))
      fail("bytes." + m + "() with a bytearray separator is not supported: its result types depend on the data "
           "(pass bytes(sep))");
    return bytes_helper(op, ("bytes_" + m).c_str(), {sl(0), sl(1)}, a);
  }
  if (m == "center" || m == "ljust" || m == "rjust") {
    nargs(1, 2);
    byte(1);
    if (n == 2 && !is_blike(P[2]))
      fail(fmt::format("{}() argument 2 must be a byte string of length 1, not {}", m, pyname(P[2])));
    int mode = m == "ljust" ? 0 : m == "rjust" ? 1 : 2;
    return bytes_helper(op, "bytes_pad", {sl(0), sl(1), n == 2 ? sl(2) : knone(), kint(mode)}, a);
  }
  if (m == "zfill") {
    nargs(1, 1);
    byte(1);
    return bytes_helper(op, "bytes_zfill", {sl(0), sl(1)}, a);
  }
  if (m == "expandtabs") {
    nargs(0, 1);
    if (n == 1) byte(1);
    return bytes_helper(op, "bytes_expandtabs", {sl(0), n == 1 ? sl(1) : kint(8)}, a);
  }
  if (m == "translate") {
    nargs(1, 2);
    if (P[1]->kind != SomeValue::None) blike(1);  // None: deletion only
    if (n == 2 && P[2]->kind != SomeValue::None) blike(2);
    return bytes_helper(op, "bytes_translate", {sl(0), sl(1), n == 2 ? sl(2) : knone()}, a);
  }
  if (m == "maketrans") {  // the static method, called through an instance as CPython allows
    if (n != 2) fail(fmt::format("maketrans expected 2 arguments, got {}", n));
    blike(1);
    blike(2);
    return bytes_helper(op, "bytes_maketrans", {sl(1), sl(2)}, a);
  }
  if (m == "upper" || m == "lower" || m == "capitalize" || m == "title" || m == "swapcase") {
    nargs(0, 0);
    return bytes_helper(op, ("bytes_" + m).c_str(), {sl(0)}, a);
  }
  if (m == "isdigit" || m == "isalpha" || m == "isalnum" || m == "isspace" || m == "islower" || m == "isupper" ||
      m == "isascii" || m == "istitle") {
    nargs(0, 0);
    return bytes_helper(op, ("bytes_" + m).c_str(), {sl(0)}, a);
  }
  if (m == "join") {
    nargs(1, 1);
    const SV& it = P[1];
    if (it->kind == SomeValue::List) {
      SV item = it->listdef->find()->item;
      if (item->kind != SomeValue::Impossible && !is_blike(item))
        fail("sequence item 0: expected a bytes-like object, " + pyname(item) + " found");
    } else if (!is_iterable_value(it)) {
      fail("can only join an iterable");
    }
    return bytes_helper(op, "bytes_join", {sl(0), sl(1)}, a);
  }
  // bytearray only
  if (m == "append") {
    nargs(1, 1);
    byte(1);
    return s_none();
  }
  if (m == "extend") {
    nargs(1, 1);
    if (is_blike(args[1])) return s_none();
    if (args[1]->kind == SomeValue::String) fail("expected iterable of integers; got: 'str'");
    if (!is_iterable_value(args[1])) fail("can't extend bytearray with " + pyname(args[1]));
    if (args[1]->kind == SomeValue::List && args[1]->listdef->find()->item->kind != SomeValue::Impossible &&
        !is_int_like(args[1]->listdef->find()->item))
      fail("'" + pyname(args[1]->listdef->find()->item) + "' object cannot be interpreted as an integer");
    return bytes_helper(op, "bytearray_extend_iter", {arg(0), arg(1)}, a);
  }
  if (m == "pop") {
    nargs(0, 1);
    if (n == 1) byte(1);
    return s_int(true);
  }
  if (m == "insert") {
    nargs(2, 2);
    byte(1);
    byte(2);
    return s_none();
  }
  if (m == "remove") {
    nargs(1, 1);
    byte(1);
    return s_none();
  }
  if (m == "reverse" || m == "clear") {
    nargs(0, 0);
    return s_none();
  }
  if (m == "copy") {
    nargs(0, 0);
    return s_bytearray();
  }
  fail("internal: bytes method " + m);
  return nullptr;
}

// bytes(...), bytearray(...), bytes.fromhex / bytearray.fromhex, and iter()
// of either.
SV Annotator::consider_bytes_builtin(const std::string& name, SpaceOperation& op, const std::vector<SV>& args,
                                     const CallShape& shape, bool* handled) {
  *handled = true;
  auto fail = [&](const std::string& msg) -> SV { throw TranslationError(op.pos, msg); };
  int first = op.opname == "call_kw" ? 2 : 1;
  std::vector<SV> opargs(first, s_none());  // indexes as in op.args
  opargs.insert(opargs.end(), args.begin(), args.end());
  if (name == "iter" && args.size() == 1 && (is_bytes(args[0]) || is_ba(args[0]))) {
    if (args[0]->can_be_none) fail("iter() of a " + pyname(args[0]) + " that may be None");
    return bytes_helper(op, "bytes_iter", {arg(first)}, opargs);
  }
  if (name == "bytes.fromhex" || name == "bytearray.fromhex") {
    if (!shape.kwnames.empty() || args.size() != 1)
      fail(fmt::format("fromhex() takes exactly one argument ({} given)", args.size()));
    if (!is_str(args[0]) || args[0]->can_be_none) fail("fromhex() argument must be str, not " + pyname(args[0]));
    return name == "bytes.fromhex" ? s_bytes() : s_bytearray();
  }
  if (name == "bytes.maketrans" || name == "bytearray.maketrans") {
    if (!shape.kwnames.empty()) fail(name + "() takes no keyword arguments");
    if (args.size() != 2) fail(fmt::format("maketrans expected 2 arguments, got {}", args.size()));
    for (auto& x : args)
      if (!is_blike(x)) fail("a bytes-like object is required, not '" + pyname(x) + "'");
    return bytes_helper(op, "bytes_maketrans", {arg(first), arg(first + 1)}, opargs);
  }
  if (name != "bytes" && name != "bytearray") {
    *handled = false;
    return nullptr;
  }
  bool ba = name == "bytearray";
  SV result = ba ? s_bytearray() : s_bytes();
  for (auto& k : shape.kwnames)
    if (k != "encoding" && k != "errors") fail(fmt::format("'{}' is an invalid keyword argument for {}()", k, name));
  if (args.size() > 3) fail(fmt::format("{}() takes at most 3 arguments ({} given)", name, args.size()));
  if (args.empty()) return result;
  const SV& x = args[0];
  if (is_str(x)) {
    if (x->can_be_none) fail(name + "() of a str that may be None");
    if (args.size() == 1) fail("string argument without an encoding");
    for (size_t i = 1; i < args.size(); ++i)
      if (!is_str(args[i]) || args[i]->can_be_none)
        fail(fmt::format("{}() argument {} must be str, not {}", name, i + 1, pyname(args[i])));
    return result;
  }
  if (args.size() > 1) fail("encoding without a string argument");
  if (is_int_like(x) || is_blike(x)) return result;
  if (is_bytes(x) || is_ba(x)) fail(name + "() of a " + pyname(x) + " that may be None");
  if (x->kind == SomeValue::List) {
    SV item = x->listdef->find()->item;
    if (item->kind != SomeValue::Impossible && !is_int_like(item))
      fail("'" + pyname(item) + "' object cannot be interpreted as an integer");
  } else if (!is_iterable_value(x)) {
    fail(fmt::format("cannot convert '{}' object to {}", pyname(x), name));
  }
  return bytes_helper(op, ba ? "bytearray_from_iter" : "bytes_from_iter", {arg(first)}, opargs);
}

}  // namespace rpy
