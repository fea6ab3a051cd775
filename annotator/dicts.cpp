// Dicts and sets in the annotator: one DictDef per family (the dicts created
// at one place, and every dict that meets them in a variable), its key and
// value types generalized by every operation, as RPython's dictdef.
//
// The key's hash, equality and repr (for KeyError) are translated code: the
// helpers of rpython/rlib/_dictkeys.py, annotated once per family with the
// family's key type, so a key class's __eq__/__hash__ or an r_dict's
// functions are ordinary calls the rtyper and codegen see.
#include <fmt/format.h>

#include <map>

#include "annotator/annotator.h"
#include "annotator/internal.h"

namespace rpy {

namespace {

bool is_set(const SV& s) { return s->kind == SomeValue::Dict && s->dictdef->find()->is_set; }

std::string dict_pretty_kind(DictDef* d) { return d->is_set ? "set" : "dict"; }

SV bound_method(const SV& self, const std::string& name) {
  SomeValue v;
  v.kind = SomeValue::PBC;
  v.method_name = name;
  v.bound_self = self;
  return std::make_shared<const SomeValue>(std::move(v));
}

SV dict_derived(SomeValue::Kind kind, const std::shared_ptr<DictDef>& def, char view) {
  SomeValue v;
  v.kind = kind;
  v.dictdef = def;
  v.dict_view = view;
  return std::make_shared<const SomeValue>(std::move(v));
}

// Whether values of this type can be dict keys: why not, or "".
std::string unhashable_reason(const SV& k) {
  switch (k->kind) {
    case SomeValue::Bool:
    case SomeValue::Integer:
    case SomeValue::Float:
    case SomeValue::String:
    case SomeValue::Bytes:
    case SomeValue::Instance:
    case SomeValue::Impossible:
      return "";
    case SomeValue::Tuple:
      for (auto& i : k->items)
        if (std::string r = unhashable_reason(i); !r.empty()) return r;
      return "";
    case SomeValue::None: return "keys that are always None are not supported";
    case SomeValue::List: return "unhashable type: 'list'";
    case SomeValue::ByteArray: return "unhashable type: 'bytearray'";
    case SomeValue::Dict: return std::string("unhashable type: '") + (k->dictdef->find()->is_set ? "set" : "dict") + "'";
    default: return "keys of type " + k->pretty() + " are not supported";
  }
}

// Key types whose repr() the translated program can compute (KeyError's text).
bool has_repr(const SV& k) {
  switch (k->kind) {
    case SomeValue::Bool:
    case SomeValue::Integer:
    case SomeValue::Float:
    case SomeValue::String:
    case SomeValue::Bytes:
      return !k->can_be_none;
    case SomeValue::Tuple:
      for (auto& i : k->items)
        if (!has_repr(i)) return false;
      return true;
    default:
      return false;
  }
}

}  // namespace

SV Annotator::emulate_call(FuncDesc* d, const std::vector<SV>& args, SpaceOperation& site, FunctionGraph* g,
                           Block* b) {
  return call_function(d, g, b, site, args, CallShape{args.size(), {}});
}

void Annotator::ensure_dict_helpers(DictDef* d, FunctionGraph* g, Block* b, const SourcePos& pos) {
  d = d->find();
  if (!d->origin_graph) {
    d->origin_graph = g;
    d->origin_block = b;
    d->origin_pos = pos;
  }
  if (d->key->kind == SomeValue::Impossible) return;
  if (std::string why = unhashable_reason(d->key); !why.empty()) throw TranslationError(pos, why);
  // Python sets __hash__ = None in a class that defines __eq__ alone.
  auto hash_attr = [&] { return bk_.lookup_class_attr(d->key->classdef, "__hash__"); };
  if (d->key->kind == SomeValue::Instance && !d->custom_eq && bk_.lookup_class_attr(d->key->classdef, "__eq__") &&
      (!hash_attr() || hash_attr().is_none()))
    throw TranslationError(pos, fmt::format("unhashable type: '{}' (it defines __eq__ but not __hash__)",
                                            d->key->classdef->name));
  // Released: a static py::object would be destroyed after the interpreter.
  static py::handle mod = py::module_::import("rpython.rlib._dictkeys").release();
  if (!d->id) d->id = ++dict_ids_;
  std::string key = fmt::format("dict#{}", d->id);
  auto site = [&](size_t i) -> SpaceOperation& {
    while (d->helper_sites.size() <= i) {
      auto op = std::make_unique<SpaceOperation>();
      op->opname = "simple_call";
      op->pos = pos;
      d->helper_sites.push_back(std::move(op));
    }
    return *d->helper_sites[i];
  };
  auto helper = [&](const char* name) { return bk_.specialized(bk_.get_desc(mod.attr(name)), key); };
  SV k = without_const(d->key);
  SV h, eq;
  if (d->custom_eq) {
    d->hash_helper = helper("custom_hash");
    d->eq_helper = helper("custom_eq");
    h = emulate_call(d->hash_helper, {d->custom_hash, k}, site(0), g, b);
    eq = emulate_call(d->eq_helper, {d->custom_eq, k, k}, site(1), g, b);
  } else {
    // A set of tuples is ordered by the tuples' CPython hashes, as
    // CPython's set table (runtime/dict.h; ints and floats are hashed
    // there).
    d->hash_helper = helper(d->is_set && d->key->kind == SomeValue::Tuple ? "key_pyhash" : "key_hash");
    d->eq_helper = helper("key_eq");
    h = emulate_call(d->hash_helper, {k}, site(0), g, b);
    eq = emulate_call(d->eq_helper, {k, k}, site(1), g, b);
  }
  if (h->kind != SomeValue::Impossible && !is_int_like(h))
    throw TranslationError(pos, "a dict key's hash must be an int, not " + h->pretty());
  if (eq->kind != SomeValue::Impossible && eq->kind != SomeValue::Bool)
    throw TranslationError(pos, "a dict key's __eq__ must return a bool, not " + eq->pretty());
  if (has_repr(d->key)) {
    d->repr_helper = helper("key_repr");
    emulate_call(d->repr_helper, {k}, site(2), g, b);
  } else {
    d->repr_helper = nullptr;
  }
}

SV Annotator::consider_dict_op(FunctionGraph* g, Block* b, SpaceOperation& op, const std::vector<SV>& args,
                               bool* handled) {
  *handled = true;
  const std::string& name = op.opname;
  auto type_error = [&](const std::string& msg) -> SV { throw TranslationError(op.pos, msg); };
  auto key_into = [&](DictDef* d, const SV& k) {
    if (!d->generalize_key(k))
      type_error(fmt::format("a {} holds keys of one type: {} and {}", dict_pretty_kind(d->find()),
                             d->find()->key->pretty(), k->pretty()));
    ensure_dict_helpers(d, g, b, op.pos);
  };
  auto value_into = [&](DictDef* d, const SV& v) {
    if (!d->generalize_value(v))
      type_error(fmt::format("a dict holds values of one type: {} and {}", d->find()->value->pretty(), v->pretty()));
  };
  auto new_family = [&](bool set) -> std::shared_ptr<DictDef>& {
    auto& def = bk_.newdict_defs[&op];
    if (!def) {
      def = std::make_shared<DictDef>();
      def->key = s_impossible();
      def->value = set ? s_none() : s_impossible();
      def->is_set = set;
    }
    return def;
  };

  if (name == "newdict") {
    auto& def = new_family(false);
    if (args.size() == 2) {  // r_dict(key_eq, key_hash)
      for (auto& f : args)
        if (f->kind != SomeValue::PBC || f->descs.empty())
          type_error("r_dict() takes two functions (key_eq, key_hash), not " + f->pretty());
      def->custom_eq = args[0];
      def->custom_hash = args[1];
    }
    return s_dict(def);
  }
  if (name == "newset") {
    auto& def = new_family(true);
    for (auto& k : args) key_into(def.get(), k);
    return s_dict(def);
  }
  if (args.empty() || args[0]->kind != SomeValue::Dict) {
    if ((name == "contains") && args.size() == 2 && args[0]->kind == SomeValue::DictView &&
        args[0]->dict_view == 'k') {
      key_into(args[0]->dictdef.get(), args[1]);
      return s_bool();
    }
    if (name == "contains" && args.size() == 2 && args[0]->kind == SomeValue::DictView) {  // values, items: a scan
      SV r = call_helper(op, 0, "rpython.rlib._sets",
                         args[0]->dict_view == 'v' ? "dict_values_contains" : "dict_items_contains",
                         {args[0], args[1]}, g, b);
      return r ? s_bool() : nullptr;
    }
    if (name == "getattr" && args.size() == 2 && args[0]->kind == SomeValue::DictView) {
      type_error(fmt::format("'{}' object has no attribute '{}' (or it is not supported yet)", args[0]->pretty(),
                             static_cast<Constant*>(op.args[1])->value.s));
    }
    *handled = false;
    return nullptr;
  }
  DictDef* d = args[0]->dictdef->find();
  ensure_dict_helpers(d, g, b, op.pos);
  if (args[0]->can_be_none && name != "is_" && name != "is_not" && name != "bool" && name != "not_" &&
      name != "eq" && name != "ne")
    type_error(fmt::format("this {} may be None here: check it with 'is not None' first", dict_pretty_kind(d)));
  if (name == "setitem") {
    if (d->is_set) type_error("'set' object does not support item assignment");
    key_into(d, args[1]);
    value_into(d, args[2]);
    return s_none();
  }
  if (name == "getitem") {
    if (d->is_set) type_error("'set' object is not subscriptable");
    key_into(d, args[1]);
    d = d->find();
    d->readers.insert({g, b});
    if (d->value->kind == SomeValue::Impossible) return nullptr;
    return d->value;
  }
  if (name == "delitem") {
    if (d->is_set) type_error("'set' object doesn't support item deletion");
    key_into(d, args[1]);
    return s_none();
  }
  if (name == "contains") {
    key_into(d, args[1]);
    return s_bool();
  }
  if (name == "getattr") {
    const std::string& m = static_cast<Constant*>(op.args[1])->value.s;
    static const std::set<std::string> dict_methods = {"get",  "setdefault", "pop",   "popitem", "update",
                                                       "keys", "values",     "items", "clear",   "copy"};
    static const std::set<std::string> set_methods = {"add",
                                                      "discard",
                                                      "remove",
                                                      "pop",
                                                      "clear",
                                                      "copy",
                                                      "update",
                                                      "union",
                                                      "intersection",
                                                      "difference",
                                                      "symmetric_difference",
                                                      "issubset",
                                                      "issuperset",
                                                      "isdisjoint",
                                                      "intersection_update",
                                                      "difference_update",
                                                      "symmetric_difference_update"};
    if (!(d->is_set ? set_methods : dict_methods).count(m))
      type_error(fmt::format("'{}' object has no attribute '{}' (or it is not supported yet)", dict_pretty_kind(d), m));
    return bound_method(args[0], m);
  }
  // Operators between two sets (or == between dicts): helpers in RPython.
  static const std::map<std::string, std::string> set_ops = {
      {"or_", "set_union"},         {"and_", "set_intersection"}, {"sub", "set_difference"},
      {"xor", "set_symmetric_difference"}, {"le", "set_issubset"}, {"ge", "set_issuperset"},
      {"lt", "set_lt"},             {"gt", "set_gt"},             {"eq", "set_eq"},
      {"ne", "set_ne"},             {"inplace_or_", "set_ior"},   {"inplace_and_", "set_iand"},
      {"inplace_sub", "set_isub"},  {"inplace_xor", "set_ixor"}};
  if (args.size() == 2 && args[1]->kind == SomeValue::Dict) {
    DictDef* o = args[1]->dictdef->find();
    auto it = set_ops.find(name);
    if (d->is_set && o->is_set && it != set_ops.end())
      return call_helper(op, 0, "rpython.rlib._sets", it->second.c_str(), {args[0], args[1]}, g, b);
    if (!d->is_set && !o->is_set && (name == "eq" || name == "ne"))
      return call_helper(op, 0, "rpython.rlib._sets", name == "eq" ? "dict_eq" : "dict_ne", {args[0], args[1]}, g, b);
  }
  if (name == "eq" || name == "ne")
    type_error(fmt::format("comparing a {} with {} is not supported", dict_pretty_kind(d), args[1]->pretty()));
  if (name == "is_" || name == "is_not") {
    *handled = false;
    return nullptr;
  }
  *handled = false;
  return nullptr;
}

// dict(pairs), d.update(pairs): each item a (key, value) tuple, or a list
// or str whose length is checked at run time (ValueError as CPython's).
void Annotator::check_dict_pairs(SpaceOperation& op, const SV& it, const char* what) {
  if (!is_iterable_value(it))
    throw TranslationError(op.pos, fmt::format("{} takes a dict or an iterable of pairs, not {}", what, it->pretty()));
  SV item = item_of(it);
  if (!item || item->kind == SomeValue::Impossible) return;
  if (item->kind == SomeValue::Tuple) {
    if (item->items.size() != 2)
      throw TranslationError(op.pos, fmt::format("dictionary update sequence element has length {}; 2 is required",
                                                 item->items.size()));
    return;
  }
  if ((item->kind == SomeValue::List || item->kind == SomeValue::String) && !item->can_be_none) return;
  throw TranslationError(op.pos, fmt::format("cannot convert dictionary update sequence element ({}) to a sequence",
                                             item->pretty()));
}

SV Annotator::consider_dict_method(FunctionGraph* g, Block* b, SpaceOperation& op, const SV& f,
                                   const std::vector<SV>& args, const CallShape& shape) {
  const SV& self = f->bound_self;
  DictDef* d = self->dictdef->find();
  const std::string& m = f->method_name;
  std::string kind = dict_pretty_kind(d);
  ensure_dict_helpers(d, g, b, op.pos);
  auto fail = [&](const std::string& msg) -> SV { throw TranslationError(op.pos, msg); };
  auto arity = [&](size_t lo, size_t hi) {
    if (!shape.kwnames.empty()) fail(fmt::format("{}.{}() takes no keyword arguments", kind, m));
    if (args.size() < lo || args.size() > hi)
      fail(lo == hi ? fmt::format("{}.{}() takes exactly {} argument{} ({} given)", kind, m, lo, lo == 1 ? "" : "s",
                                  args.size())
                    : fmt::format("{}.{}() takes {} to {} arguments ({} given)", kind, m, lo, hi, args.size()));
  };
  auto key_into = [&](const SV& k) {
    if (!d->generalize_key(k))
      fail(fmt::format("a {} holds keys of one type: {} and {}", kind, d->find()->key->pretty(), k->pretty()));
    ensure_dict_helpers(d, g, b, op.pos);
    d = d->find();
  };
  auto value_into = [&](const SV& v) {
    if (!d->generalize_value(v))
      fail(fmt::format("a dict holds values of one type: {} and {}", d->find()->value->pretty(), v->pretty()));
    d = d->find();
  };
  auto read = [&](const SV& s) -> SV {
    d->find()->readers.insert({g, b});
    return s->kind == SomeValue::Impossible ? nullptr : s;
  };
  if (m == "get") {
    arity(1, 2);
    key_into(args[0]);
    if (args.size() == 1) {
      SV r = union_of(d->value, s_none());
      if (!r)
        fail(fmt::format("dict.get(key) without a default returns None when the key is absent, which a dict of {} "
                         "cannot hold: pass a default",
                         d->value->pretty()));
      value_into(r);
    } else {
      value_into(args[1]);
    }
    return read(d->find()->value);
  }
  if (m == "setdefault") {
    arity(2, 2);
    key_into(args[0]);
    value_into(args[1]);
    return read(d->find()->value);
  }
  if (m == "pop" && !d->is_set) {
    arity(1, 2);
    key_into(args[0]);
    if (args.size() == 2) value_into(args[1]);
    return read(d->find()->value);
  }
  if (m == "popitem") {
    arity(0, 0);
    d->readers.insert({g, b});
    if (d->key->kind == SomeValue::Impossible || d->value->kind == SomeValue::Impossible) return nullptr;
    return s_tuple({d->key, d->value});
  }
  if (m == "pop") {  // set.pop()
    arity(0, 0);
    return read(d->key);
  }
  if (d->is_set && (m == "update" || m == "difference_update") && args.size() == 1 && shape.kwnames.empty() &&
      !(args[0]->kind == SomeValue::Dict && args[0]->dictdef->find()->is_set) && is_iterable_value(args[0]))
    return call_helper(op, 0, "rpython.rlib._sets", m == "update" ? "set_update_iter" : "set_difference_update_iter",
                       {self, args[0]}, g, b);  // another iterable than a set
  if (!d->is_set && m == "update" && args.size() == 1 && shape.kwnames.empty() && args[0]->kind != SomeValue::Dict) {
    check_dict_pairs(op, args[0], "dict.update()");  // d.update(pairs)
    return call_helper(op, 0, "rpython.rlib._sets", "dict_update_pairs", {self, args[0]}, g, b);
  }
  if (m == "update" || (d->is_set && (m == "intersection_update" || m == "difference_update"))) {
    arity(1, 1);
    const SV& o = args[0];
    if (o->kind != SomeValue::Dict || o->dictdef->find()->is_set != d->is_set)
      fail(fmt::format("{}.{}() takes a {} here, not {}", kind, m, kind, o->pretty()));
    // Both become one family: the rtyper gives them one representation.
    if (!union_of(self, o))
      fail(fmt::format("{}.{}(): {} and {} cannot be merged", kind, m, self->pretty(), o->pretty()));
    ensure_dict_helpers(d, g, b, op.pos);
    return s_none();
  }
  if (m == "keys" || m == "values" || m == "items") {
    arity(0, 0);
    return dict_derived(SomeValue::DictView, self->dictdef, m[0]);
  }
  if (m == "clear") {
    arity(0, 0);
    return s_none();
  }
  if (m == "copy") {
    arity(0, 0);
    SomeValue v = *self;
    v.can_be_none = false;
    return std::make_shared<const SomeValue>(std::move(v));
  }
  static const std::map<std::string, std::string> set_methods = {
      {"union", "set_union"},
      {"intersection", "set_intersection"},
      {"difference", "set_difference"},
      {"symmetric_difference", "set_symmetric_difference"},
      {"issubset", "set_issubset"},
      {"issuperset", "set_issuperset"},
      {"isdisjoint", "set_isdisjoint"},
      {"symmetric_difference_update", "set_update_symmetric_difference"}};
  if (auto it = set_methods.find(m); d->is_set && it != set_methods.end()) {
    arity(1, 1);
    if (args[0]->kind != SomeValue::Dict || !args[0]->dictdef->find()->is_set) {
      if (!is_iterable_value(args[0]))
        fail(fmt::format("set.{}() takes a set or an iterable, not {}", m, args[0]->pretty()));
      return call_helper(op, 0, "rpython.rlib._sets", (it->second + "_iter").c_str(), {self, args[0]}, g, b);
    }
    return call_helper(op, 0, "rpython.rlib._sets", it->second.c_str(), {self, args[0]}, g, b);
  }
  if (m == "add" || m == "discard" || m == "remove") {
    arity(1, 1);
    key_into(args[0]);
    return s_none();
  }
  fail(fmt::format("{}.{}() is not supported yet", kind, m));
}

SV Annotator::consider_dict_builtin(const std::string& name, SpaceOperation& op, const std::vector<SV>& args,
                                    bool* handled) {
  *handled = false;
  if (args.size() != 1) return nullptr;
  const SV& a = args[0];
  if (a->kind != SomeValue::Dict && a->kind != SomeValue::DictView && a->kind != SomeValue::DictIter) return nullptr;
  DictDef* d = a->dictdef->find();
  ensure_dict_helpers(d, cur_graph_, cur_block_, op.pos);
  if (name == "len" && a->kind != SomeValue::DictIter) {
    *handled = true;
    return s_int(true);
  }
  if (name == "iter") {
    *handled = true;
    if (a->kind == SomeValue::DictIter) return a;
    return dict_derived(SomeValue::DictIter, a->dictdef, a->kind == SomeValue::Dict ? 'k' : a->dict_view);
  }
  if (name == "next" && a->kind == SomeValue::DictIter) {
    *handled = true;
    d->readers.insert({cur_graph_, cur_block_});
    SV k = d->key, v = d->value;
    if (a->dict_view == 'k') return k->kind == SomeValue::Impossible ? nullptr : k;
    if (a->dict_view == 'v') return v->kind == SomeValue::Impossible ? nullptr : v;
    if (k->kind == SomeValue::Impossible || v->kind == SomeValue::Impossible) return nullptr;
    return s_tuple({k, v});
  }
  return nullptr;
}

}  // namespace rpy
