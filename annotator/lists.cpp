// Lists and the iteration builtins in the annotator: what is not a primitive
// list operation (indexing, append/insert/pop/reverse, iteration) is done by
// a helper written in RPython (rpython/rlib/_listops.py, _listsort.py),
// called on the program's behalf: one copy per call site, annotated with the
// types it gets there, rtyped as an ordinary direct_call (SPEC rule 1: the
// JIT sees the low-level operations they compile to).
#include <fmt/format.h>

#include "annotator/annotator.h"
#include "annotator/bookkeeper.h"
#include "annotator/internal.h"

namespace rpy {

namespace {

// Why `it` cannot extend a list: a tuple is iterable in Python, but not a
// non-constant one here (its items may differ in type).
std::string not_iterable_message(const SV& it, const char* what) {
  if (it->kind == SomeValue::Tuple)
    return fmt::format("{} with a tuple t is not supported (a tuple's items may differ in type): use a list", what);
  return fmt::format("'{}' object is not iterable", pyname(it));
}

HelperArg arg(int i) { return HelperArg{i, {}}; }
HelperArg kint(int64_t v) { return HelperArg{-1, ConstValue::from_python(py::int_(v))}; }
HelperArg kbool(bool v) { return HelperArg{-1, ConstValue::from_python(py::bool_(v))}; }
HelperArg knone() { return HelperArg{-1, ConstValue{}}; }
HelperArg kfloat(double v) { return HelperArg{-1, ConstValue::from_python(py::float_(v))}; }

bool is_list(const SV& s) { return s->kind == SomeValue::List; }

// Values a helper can run `for x in it` over (str: by index).
bool is_iterable(const SV& s) {
  switch (s->kind) {
    case SomeValue::List:
    case SomeValue::String:
    case SomeValue::Dict:
    case SomeValue::DictView:
    case SomeValue::DictIter:
    case SomeValue::Bytes:
    case SomeValue::ByteArray:
      return !s->can_be_none;
    default:
      return false;
  }
}

// Types whose repr() translated code computes exactly as CPython does.
bool has_exact_repr(const SV& s) {
  // An instance whose class defines __repr__ (its subclasses inherit or
  // override it): repr() gives CPython's text, None included.
  if (s->kind == SomeValue::Instance && s->classdef && s->classdef->cls) {
    py::object r = py::getattr(s->classdef->cls, "__repr__", py::none());
    if (PyFunction_Check(r.ptr())) return true;
  }
  return (s->is_numeric() || s->kind == SomeValue::String) && !s->can_be_none;
}

// Items of `it` going into list `l`: a conflict is reported at the program's
// line, not inside the helper that appends them.
void check_items_into(SpaceOperation& op, const SV& l, const SV& it) {
  SV item = item_of(it);
  SV cur = l->listdef->find()->item;
  if (!item || item->kind == SomeValue::Impossible || cur->kind == SomeValue::Impossible) return;
  if (!union_of(cur, item))
    throw TranslationError(op.pos, fmt::format("a list holds items of one type: {} and {}", cur->pretty(),
                                               item->pretty()));
}

}  // namespace

SV item_of(const SV& s) {
  switch (s->kind) {
    case SomeValue::List: return s->listdef->find()->item;
    case SomeValue::String: return s_str();
    case SomeValue::Bytes:
    case SomeValue::ByteArray: return s_int(true);
    case SomeValue::Dict: return s->dictdef->find()->key;
    case SomeValue::DictView:
    case SomeValue::DictIter: {
      DictDef* d = s->dictdef->find();
      return s->dict_view == 'k' ? d->key : s->dict_view == 'v' ? d->value : nullptr;
    }
    default: return nullptr;
  }
}

SV Annotator::rlib_op_helper(SpaceOperation& op, const char* module, const char* fname, const std::vector<SV>& args,
                             const std::vector<HelperArg>& where) {
  for (auto& a : args)
    if (a->kind == SomeValue::Impossible) return nullptr;
  bk_.helper_args[&op] = where;
  return call_helper(op, kOpHelperSlot, module, fname, args, cur_graph_, cur_block_);
}

bool Annotator::is_iterable_value(const SV& s) {
  if (is_iterable(s)) return true;
  return s->kind == SomeValue::Instance && !s->can_be_none && has_method(s, "__iter__");
}

SV Annotator::consider_list_op(SpaceOperation& op, const std::vector<SV>& args, bool* handled) {
  *handled = true;
  const std::string& name = op.opname;
  auto fail = [&](const std::string& msg) -> SV { throw TranslationError(op.pos, msg); };
  auto helper = [&](const char* f, std::vector<HelperArg> where) {
    std::vector<SV> a;
    for (auto& h : where) a.push_back(h.index >= 0 ? args[h.index] : s_const(h.c));
    return rlib_op_helper(op, "rpython.rlib._listops", f, a, where);
  };
  auto maybe_none = [&](const SV& s) {
    if (s->can_be_none) fail("this list may be None here: check it with 'is not None' first");
  };
  // A slice's bounds: (value, has_value) pairs for the helper.
  auto bounds = [&](size_t first, std::vector<HelperArg>& where) {
    for (size_t k = first; k < first + 3; ++k) {
      if (!is_int_like(args[k]) && args[k]->kind != SomeValue::None)
        fail("slice indices must be integers or None or have an __index__ method");
    }
    for (size_t k = first; k < first + 3; ++k)
      where.push_back(args[k]->kind == SomeValue::None ? kint(k == first + 2 ? 1 : 0) : arg((int)k));
    where.push_back(kbool(args[first]->kind != SomeValue::None));
    where.push_back(kbool(args[first + 1]->kind != SomeValue::None));
  };
  std::string base = name.rfind("inplace_", 0) == 0 ? name.substr(8) : name;
  bool inplace = base != name;
  if (args.size() >= 2 && base == "add" && (is_list(args[0]) || is_list(args[1]))) {
    if (!is_list(args[0]) || (!inplace && !is_list(args[1])))
      fail(fmt::format("can only concatenate list (not \"{}\") to list", pyname(is_list(args[0]) ? args[1] : args[0])));
    maybe_none(args[0]);
    if (inplace) {  // l += it: extends l, any iterable
      if (!is_iterable_value(args[1])) fail(not_iterable_message(args[1], "l += t"));
      check_items_into(op, args[0], args[1]);
      args[0]->listdef->find()->resized = true;
      return helper("list_iadd", {arg(0), arg(1)});
    }
    maybe_none(args[1]);
    check_items_into(op, args[0], args[1]);
    return helper("list_add", {arg(0), arg(1)});
  }
  if (args.size() >= 2 && base == "mul" && (is_list(args[0]) || (is_list(args[1]) && !inplace))) {
    int l = is_list(args[0]) ? 0 : 1;
    if (!is_int_like(args[1 - l])) fail(fmt::format("can't multiply sequence by non-int of type '{}'", pyname(args[1 - l])));
    maybe_none(args[l]);
    if (inplace) {
      args[0]->listdef->find()->resized = true;
      return helper("list_imul", {arg(0), arg(1)});
    }
    return helper("list_mul", {arg(l), arg(1 - l)});
  }
  if (name == "contains" && is_list(args[0])) {
    maybe_none(args[0]);
    return helper("list_contains", {arg(0), arg(1)});
  }
  static const std::set<std::string> cmps = {"eq", "ne", "lt", "le", "gt", "ge"};
  if (cmps.count(name) && args.size() == 2 && (is_list(args[0]) || is_list(args[1]))) {
    if (!is_list(args[0]) || !is_list(args[1])) {
      if (name == "eq" || name == "ne") {  // a list never equals anything else
        if (args[0]->kind == SomeValue::None || args[1]->kind == SomeValue::None) {
          *handled = false;  // `l == None`: the generic None test
          return nullptr;
        }
        return s_bool(name == "ne");
      }
      static const std::map<std::string, std::string> sym = {{"lt", "<"}, {"le", "<="}, {"gt", ">"}, {"ge", ">="}};
      fail(fmt::format("'{}' not supported between instances of '{}' and '{}'", sym.at(name), pyname(args[0]),
                       pyname(args[1])));
    }
    maybe_none(args[0]);
    maybe_none(args[1]);
    return helper(("list_" + name).c_str(), {arg(0), arg(1)});
  }
  if (name == "getslice" && is_list(args[0])) {
    maybe_none(args[0]);
    std::vector<HelperArg> where{arg(0)};
    bounds(1, where);
    return helper("list_getslice", where);
  }
  if (name == "setslice") {
    if (!is_list(args[0])) fail(fmt::format("'{}' object does not support slice assignment", pyname(args[0])));
    maybe_none(args[0]);
    if (!is_iterable_value(args[4])) fail("can only assign an iterable");
    check_items_into(op, args[0], args[4]);
    std::vector<HelperArg> where{arg(0)};
    bounds(1, where);
    where.push_back(arg(4));
    args[0]->listdef->find()->resized = true;
    return helper("list_setslice", where);
  }
  if (name == "delslice") {
    if (!is_list(args[0])) fail(fmt::format("'{}' object does not support slice deletion", pyname(args[0])));
    maybe_none(args[0]);
    std::vector<HelperArg> where{arg(0)};
    bounds(1, where);
    args[0]->listdef->find()->resized = true;
    return helper("list_delslice", where);
  }
  if (name == "delitem" && is_list(args[0])) {
    maybe_none(args[0]);
    if (!is_int_like(args[1])) fail("list indices must be integers or slices, not " + pyname(args[1]));
    args[0]->listdef->find()->resized = true;
    return helper("list_delitem", {arg(0), arg(1)});
  }
  *handled = false;
  return nullptr;
}

// l.extend/remove/index/count/sort/copy/clear(...). `first` is the index in
// op.args of the first argument (keyword values follow the positional ones).
SV Annotator::consider_list_method(SpaceOperation& op, const SV& self, const std::string& m,
                                   const std::vector<SV>& args, const CallShape& shape, bool* handled) {
  *handled = true;
  auto fail = [&](const std::string& msg) -> SV { throw TranslationError(op.pos, msg); };
  int first = op.opname == "call_kw" ? 2 : 1;
  size_t npos = shape.npositional;
  auto no_kw = [&] {
    if (!shape.kwnames.empty()) fail(fmt::format("list.{}() takes no keyword arguments", m));
  };
  auto exactly = [&](size_t n) {
    no_kw();
    if (args.size() != n)
      fail(n == 0 ? fmt::format("list.{}() takes no arguments ({} given)", m, args.size())
                  : fmt::format("list.{}() takes exactly one argument ({} given)", m, args.size()));
  };
  // self comes from the bound method (op.args[0] is the list itself once rtyped).
  auto call = [&](const char* module, const char* f, std::vector<SV> a, std::vector<HelperArg> where) {
    a.insert(a.begin(), self);
    where.insert(where.begin(), arg(0));
    return rlib_op_helper(op, module, f, a, where);
  };
  const char* ops = "rpython.rlib._listops";
  ListDef* d = self->listdef->find();
  if (self->can_be_none) fail("this list may be None here: check it with 'is not None' first");
  if (m == "extend") {
    exactly(1);
    if (!is_iterable_value(args[0])) fail(not_iterable_message(args[0], "l.extend(t)"));
    check_items_into(op, self, args[0]);
    d->resized = true;
    return call(ops, "list_extend", {args[0]}, {arg(first)});
  }
  auto arity = [&](size_t lo, size_t hi) {
    if (!shape.kwnames.empty() || args.size() < lo || args.size() > hi)
      fail(fmt::format("list.{}() takes {} argument(s) ({} given)", m, lo, args.size()));
  };
  if (m == "insert") {
    arity(2, 2);
    if (!is_int_like(args[0])) fail("list.insert() index must be an int");
    if (!d->generalize(args[1]))
      fail(fmt::format("a list holds items of one type: {} and {}", d->find()->item->pretty(), args[1]->pretty()));
    d->find()->resized = true;
    return call(ops, "list_insert", {args[0], args[1]}, {arg(first), arg(first + 1)});
  }
  if (m == "pop" && args.size() == 1 && shape.kwnames.empty()) {  // pop() is a primitive
    if (!is_int_like(args[0])) fail(fmt::format("'{}' object cannot be interpreted as an integer", pyname(args[0])));
    d->resized = true;
    return call(ops, "list_pop", {args[0]}, {arg(first)});
  }
  if (m == "reverse") {
    arity(0, 0);
    d->mutated = true;
    return call(ops, "list_reverse", {}, {});
  }
  if (m == "remove" || m == "count") {
    exactly(1);
    if (m == "remove") d->resized = true;
    return call(ops, m == "remove" ? "list_remove" : "list_count", {args[0]}, {arg(first)});
  }
  if (m == "index") {
    no_kw();
    if (args.size() < 1 || args.size() > 3)
      fail(fmt::format("index expected at least 1 argument, got {}", args.size()));
    for (size_t i = 1; i < args.size(); ++i)
      if (!is_int_like(args[i]))
        fail("slice indices must be integers or have an __index__ method");
    std::vector<SV> a{args[0]};
    std::vector<HelperArg> where{arg(first)};
    for (size_t i = 1; i < 3; ++i) {
      if (i < args.size()) {
        a.push_back(args[i]);
        where.push_back(arg(first + (int)i));
      } else {
        where.push_back(kint(i == 1 ? 0 : INT64_MAX));
        a.push_back(s_const(where.back().c));
      }
    }
    return call(ops, has_exact_repr(args[0]) ? "list_index" : "list_index_norepr", a, where);
  }
  if (m == "copy" || m == "clear") {
    exactly(0);
    if (m == "clear") d->resized = true;
    return call(ops, m == "copy" ? "list_copy" : "list_clear", {}, {});
  }
  if (m == "sort") {
    if (npos > 0) fail("sort() takes no positional arguments");
    std::vector<SV> a{s_none(), s_bool(false)};
    std::vector<HelperArg> where{knone(), kbool(false)};
    for (size_t i = 0; i < shape.kwnames.size(); ++i) {
      const std::string& k = shape.kwnames[i];
      size_t slot = k == "key" ? 0 : k == "reverse" ? 1 : 2;
      if (slot == 2) fail(fmt::format("'{}' is an invalid keyword argument for sort()", k));
      a[slot] = args[npos + i];
      where[slot] = arg(first + (int)(npos + i));
    }
    check_sortable(op, d->item, a[0]);
    d->mutated = true;
    return call("rpython.rlib._listsort", "list_sort", a, where);
  }
  *handled = false;
  return nullptr;
}

// Items a sort (or min/max) compares with `<`: rejected here, at the
// program's line, rather than inside the helper.
void Annotator::check_sortable(SpaceOperation& op, const SV& item, const SV& key) {
  if (key->kind != SomeValue::None) {
    if (key->kind != SomeValue::PBC && !(key->kind == SomeValue::Instance && has_method(key, "__call__")))
      throw TranslationError(op.pos, fmt::format("'{}' object is not callable (key=)", pyname(key)));
    return;  // the key's result is checked where the helper compares it
  }
  std::function<bool(const SV&)> ok = [&](const SV& s) -> bool {
    if (s->kind == SomeValue::Impossible) return true;
    if (s->is_numeric() || ((s->kind == SomeValue::String || s->kind == SomeValue::Bytes) && !s->can_be_none)) return true;
    if (s->kind == SomeValue::List) return ok(s->listdef->find()->item);
    if (s->kind == SomeValue::Tuple) {
      for (auto& i : s->items)
        if (!ok(i)) return false;
      return true;
    }
    return s->kind == SomeValue::Instance && !s->can_be_none && has_method(s, "__lt__");
  };
  if (!ok(item))
    throw TranslationError(op.pos, fmt::format("'<' not supported between instances of '{}' and '{}' (items of this "
                                               "list cannot be ordered: give their class __lt__, or pass key=)",
                                               pyname(item), pyname(item)));
}

SV Annotator::consider_list_builtin(const std::string& name, SpaceOperation& op, const std::vector<SV>& args,
                                    const CallShape& shape, bool* handled) {
  *handled = true;
  auto fail = [&](const std::string& msg) -> SV { throw TranslationError(op.pos, msg); };
  int first = op.opname == "call_kw" ? 2 : 1;
  size_t npos = shape.npositional;
  const char* ops = "rpython.rlib._listops";
  auto site = [&] { return kint((int64_t)(uintptr_t)&op); };
  auto call = [&](const char* module, const char* f, const std::vector<HelperArg>& where) {
    std::vector<SV> a;
    for (auto& h : where) {
      if (h.index >= 0) a.push_back(args[h.index - first]);
      else a.push_back(s_const(h.c));
    }
    return rlib_op_helper(op, module, f, a, where);
  };
  auto iterable = [&](size_t i) {
    if (!is_iterable_value(args[i]))
      fail(fmt::format("{}() of a '{}': not iterable (or not supported yet)", name, pyname(args[i])));
  };
  // Keyword arguments by name: their index in op.args, or -1.
  auto kw = [&](const std::string& k) -> int {
    for (size_t i = 0; i < shape.kwnames.size(); ++i)
      if (shape.kwnames[i] == k) return first + (int)(npos + i);
    return -1;
  };
  auto only_kw = [&](std::set<std::string> allowed) {
    for (auto& k : shape.kwnames)
      if (!allowed.count(k)) fail(fmt::format("'{}' is an invalid keyword argument for {}()", k, name));
  };
  if (name == "list") {
    only_kw({});
    if (npos > 1) fail(fmt::format("list expected at most 1 argument, got {}", npos));
    if (npos == 0) return call(ops, "list_empty", {});
    iterable(0);
    return call(ops, "list_new", {arg(first)});
  }
  if (name == "sorted") {
    only_kw({"key", "reverse"});
    if (npos != 1) fail(fmt::format("sorted expected 1 argument, got {}", npos));
    iterable(0);
    int k = kw("key"), r = kw("reverse");
    HelperArg hk = k >= 0 ? arg(k) : knone();
    SV item = item_of(args[0]);
    if (item) check_sortable(op, item, hk.index >= 0 ? args[hk.index - first] : s_none());
    return call("rpython.rlib._listsort", "sorted_new", {arg(first), hk, r >= 0 ? arg(r) : kbool(false)});
  }
  if ((name == "min" || name == "max") && npos == 1) {
    only_kw({"key", "default"});
    iterable(0);
    int k = kw("key"), dflt = kw("default");
    HelperArg hk = k >= 0 ? arg(k) : knone();
    SV item = item_of(args[0]);
    if (item) check_sortable(op, item, hk.index >= 0 ? args[hk.index - first] : s_none());
    if (dflt >= 0)  // returned for an empty iterable instead of the ValueError
      return call(ops, "iter_min_default", {arg(first), hk, kint(name == "min" ? 0 : 1), arg(dflt)});
    return call(ops, "iter_min", {arg(first), hk, kint(name == "min" ? 0 : 1)});
  }
  if (name == "sum") {
    only_kw({"start"});
    if (npos < 1 || npos + shape.kwnames.size() > 2)
      fail(fmt::format("sum() takes at most 2 arguments ({} given)", args.size()));
    iterable(0);
    if (is_str(args[0])) fail("unsupported operand type(s) for +: 'int' and 'str'");
    int s = npos == 2 ? first + 1 : kw("start");
    SV item = item_of(args[0]);
    if (s < 0 && item && item->kind == SomeValue::Impossible && !sum_released_.count(&op)) {
      // No item type yet (the items are appended later in the flow order):
      // wait for one, as reading an item would (see sum_waiting_for_item_).
      if (args[0]->kind == SomeValue::List) args[0]->listdef->find()->readers.insert({cur_graph_, cur_block_});
      else args[0]->dictdef->find()->readers.insert({cur_graph_, cur_block_});
      sum_waiting_for_item_[&op] = {cur_graph_, cur_block_};
      return nullptr;
    }
    HelperArg start = s >= 0 ? arg(s) : item && item->kind == SomeValue::Float ? kfloat(0.0) : kint(0);
    if (s >= 0 && is_str(args[s - first])) fail("sum() can't sum strings [use ''.join(seq) instead]");
    return call(ops, "iter_sum", {arg(first), start});
  }
  if (name == "any" || name == "all") {
    only_kw({});
    if (npos != 1) fail(fmt::format("{}() takes exactly one argument ({} given)", name, npos));
    iterable(0);
    return call(ops, name == "any" ? "iter_any" : "iter_all", {arg(first)});
  }
  if (name == "reversed") {
    only_kw({});
    if (npos != 1) fail(fmt::format("reversed expected 1 argument, got {}", npos));
    const SV& a = args[0];
    bool ok = ((is_list(a) || is_str(a)) && !a->can_be_none) ||
              (a->kind == SomeValue::Instance && has_method(a, "__len__") && has_method(a, "__getitem__"));
    if (!ok) fail(fmt::format("'{}' object is not reversible", pyname(a)));
    return call(ops, "reversed_new", {site(), arg(first)});
  }
  if (name == "enumerate") {
    only_kw({"start"});
    if (npos < 1 || npos + shape.kwnames.size() > 2)
      fail(fmt::format("enumerate() takes at most 2 arguments ({} given)", args.size()));
    iterable(0);
    int s = npos == 2 ? first + 1 : kw("start");
    if (s >= 0 && !is_int_like(args[s - first]))
      fail(fmt::format("'{}' object cannot be interpreted as an integer", pyname(args[s - first])));
    return call(ops, "enumerate_new", {site(), arg(first), s >= 0 ? arg(s) : kint(0)});
  }
  if (name == "zip") {
    only_kw({});
    if (npos != 2 && npos != 3) fail(fmt::format("zip() of {} iterables is not supported (2 or 3)", npos));
    for (size_t i = 0; i < npos; ++i) iterable(i);
    if (npos == 2) return call(ops, "zip2_new", {site(), arg(first), arg(first + 1)});
    return call(ops, "zip3_new", {site(), arg(first), arg(first + 1), arg(first + 2)});
  }
  if (name == "iter" && npos == 1 && is_str(args[0]) && !args[0]->can_be_none) {
    only_kw({});
    return call(ops, "str_iter", {arg(first)});
  }
  if (name == "next" && npos == 2) {
    only_kw({});
    return call(ops, "next_default", {arg(first), arg(first + 1)});
  }
  if (name == "range") {
    only_kw({});
    if (npos < 1 || npos > 3) fail(fmt::format("range expected at most 3 arguments, got {}", npos));
    for (size_t i = 0; i < npos; ++i)
      if (!is_int_like(args[i]))
        fail(fmt::format("'{}' object cannot be interpreted as an integer", pyname(args[i])));
    if (npos == 1) return call(ops, "range_new", {kint(0), arg(first), kint(1)});
    return call(ops, "range_new", {arg(first), arg(first + 1), npos == 3 ? arg(first + 2) : kint(1)});
  }
  *handled = false;
  return nullptr;
}

}  // namespace rpy
