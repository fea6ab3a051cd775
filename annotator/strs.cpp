// The str methods that are RPython helpers rather than runtime functions
// (rtyper/strmethods.cpp): they only combine find/slice/join and dict
// operations, so in RPython the JIT sees through them. partition and
// removeprefix share bytes' helpers (rpython/rlib/_bytesops.py: the same
// find and slices); join of a non-list, translate and maketrans are in
// rpython/rlib/_strops.py. Types CPython would reject are translation errors
// with CPython's message.
#include <fmt/format.h>

#include <set>

#include "annotator/annotator.h"
#include "annotator/bookkeeper.h"
#include "annotator/internal.h"

namespace rpy {

namespace {

const char* const kStrOps = "rpython.rlib._strops";

bool plain_str(const SV& s) { return is_str(s) && !s->can_be_none; }
bool is_dict(const SV& s) { return s->kind == SomeValue::Dict && !s->dictdef->find()->is_set && !s->can_be_none; }

}  // namespace

bool is_str_helper_method(const std::string& m) {
  static const std::set<std::string> names = {"partition", "rpartition", "removeprefix", "removesuffix", "translate"};
  return names.count(m) > 0;
}

SV Annotator::consider_str_helper_method(SpaceOperation& op, FunctionGraph* g, Block* b, const SV& method,
                                         const std::vector<SV>& args, bool* handled) {
  *handled = true;
  const std::string& m = method->method_name;
  auto fail = [&](const std::string& msg) -> SV { throw TranslationError(op.pos, msg); };
  // op.args: the bound method (the helper gets its str), then the arguments.
  auto call = [&](const char* module, const char* fname, const SV& arg) {
    return rlib_op_helper(op, module, fname, {method->bound_self, arg}, {HelperArg{0, {}}, HelperArg{1, {}}});
  };
  auto one_arg = [&] {
    if (args.size() != 1) fail(fmt::format("str.{}() takes exactly one argument ({} given)", m, args.size()));
  };
  if (m == "partition" || m == "rpartition") {
    one_arg();
    if (!plain_str(args[0])) fail("must be str, not " + pyname(args[0]));
    return call("rpython.rlib._bytesops", m == "partition" ? "bytes_partition" : "bytes_rpartition", args[0]);
  }
  if (m == "removeprefix" || m == "removesuffix") {
    one_arg();
    if (!plain_str(args[0])) fail(m + "() argument must be str, not " + pyname(args[0]));
    return call("rpython.rlib._bytesops", m == "removeprefix" ? "bytes_removeprefix" : "bytes_removesuffix", args[0]);
  }
  if (m == "translate") {
    one_arg();
    const SV& t = args[0];
    if (!is_dict(t))
      fail("str.translate() table must be a dict mapping code points (int) to str, int or None, not " + pyname(t));
    DictDef* d = t->dictdef->find();
    if (d->key->kind != SomeValue::Impossible && !is_int_like(d->key))
      fail("str.translate() looks characters up by code point: the table's keys must be int, not " + pyname(d->key) +
           " (str.maketrans() converts str keys)");
    const SV& v = d->value;
    if (v->kind == SomeValue::Impossible) {  // nothing stored yet: wait for the values
      d->readers.insert({g, b});
      return nullptr;
    }
    const char* fname = is_int_like(v)              ? "str_translate_int"
                        : is_str(v)                 ? "str_translate_str"
                        : v->kind == SomeValue::None ? "str_translate_delete"
                                                     : nullptr;
    if (!fname) fail("character mapping must return integer, None or str");
    return call(kStrOps, fname, t);
  }
  if (m == "join") {
    one_arg();
    const SV& it = args[0];
    if (it->kind == SomeValue::Tuple) {
      if (it->items.size() > 64) fail("str.join() of a tuple of more than 64 items is not supported");
      for (size_t i = 0; i < it->items.size(); ++i)
        if (!plain_str(it->items[i]))
          fail(fmt::format("sequence item {}: expected str instance, {} found", i, pyname(it->items[i])));
      return call(kStrOps, "str_join_tuple", it);
    }
    if (!is_iterable_value(it) && it->kind != SomeValue::Instance) fail("can only join an iterable");
    if (it->kind == SomeValue::Instance && (it->can_be_none || !has_method(it, "__iter__")))
      fail("can only join an iterable");
    SV item = item_of(it);
    // (items that may be None: TypeError at run time, as CPython's)
    if (item && item->kind != SomeValue::Impossible && !is_str(item))
      fail(fmt::format("sequence item 0: expected str instance, {} found", pyname(item)));
    if (it->kind == SomeValue::List) {  // the runtime's join, directly
      *handled = false;
      return nullptr;
    }
    return call(kStrOps, "str_join_iter", it);
  }
  *handled = false;
  return nullptr;
}

// str.maketrans(x[, y[, z]]).
SV Annotator::consider_str_maketrans(SpaceOperation& op, const std::vector<SV>& args, const CallShape& shape) {
  auto fail = [&](const std::string& msg) -> SV { throw TranslationError(op.pos, msg); };
  if (!shape.kwnames.empty()) fail("maketrans() takes no keyword arguments");
  if (args.empty() || args.size() > 3)
    fail(fmt::format("maketrans() takes {} ({} given)", args.empty() ? "at least 1 argument" : "at most 3 arguments",
                     args.size()));
  int first = op.opname == "call_kw" ? 2 : 1;
  std::vector<HelperArg> where;
  for (size_t i = 0; i < args.size(); ++i) where.push_back(HelperArg{first + (int)i, {}});
  if (args.size() == 1) {
    const SV& d = args[0];
    if (!is_dict(d)) fail("if you give only one argument to maketrans it must be a dict");
    const SV& key = d->dictdef->find()->key;
    if (key->kind == SomeValue::Impossible) return rlib_op_helper(op, kStrOps, "str_maketrans_intkeys", args, where);
    if (!is_int_like(key) && !plain_str(key)) fail("keys in translate table must be strings or integers");
    return rlib_op_helper(op, kStrOps, is_str(key) ? "str_maketrans_strkeys" : "str_maketrans_intkeys", args, where);
  }
  if (!plain_str(args[0])) fail("first maketrans argument must be a string if there is a second argument");
  for (size_t i = 1; i < args.size(); ++i)
    if (!plain_str(args[i])) fail(fmt::format("maketrans() argument {} must be str, not {}", i + 1, pyname(args[i])));
  return rlib_op_helper(op, kStrOps, args.size() == 2 ? "str_maketrans2" : "str_maketrans3", args, where);
}

}  // namespace rpy
