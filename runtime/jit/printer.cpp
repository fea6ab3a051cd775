#include "runtime/jit/printer.h"

#include <algorithm>
#include <cstdio>
#include <functional>

namespace rpy::jit {

ValueNamer::ValueNamer(const Trace& trace) {
  auto take = [&](const Value* v) {
    if (!v->name.empty() && used_.insert(v->name).second) names_[v] = v->name;
  };
  for (const InputArg* a : trace.inputargs) take(a);
  for (const Op* op : trace.ops)
    if (op->has_result()) take(op);
}

const std::string& ValueNamer::name_of(const Value* v) {
  auto it = names_.find(v);
  if (it != names_.end()) return it->second;
  std::string fresh;
  do {
    fresh = std::string(1, kind_var_prefix(v->kind())) + std::to_string(counter_++);
  } while (used_.count(fresh));
  used_.insert(fresh);
  return names_[v] = fresh;
}

std::string format_const(const Const& c) {
  switch (c.kind()) {
    case Kind::Int:
      if (c.class_descr()) return "ConstClass(" + c.class_descr()->name() + ")";
      return std::to_string(c.int_value());
    case Kind::Float: return float_repr(c.float_value());
    case Kind::Ref: {
      if (!c.ref_value()) return "NULL";
      char buf[40];
      std::snprintf(buf, sizeof buf, "ConstPtr(%p)", c.ref_value());
      return buf;
    }
    case Kind::Void: break;
  }
  return "?";
}

std::string format_descr_declaration(const Descr& d) {
  std::string out = "descr " + d.name() + " = ";
  switch (d.type()) {
    case Descr::Type::Struct: {
      const auto& s = static_cast<const StructDescr&>(d);
      out += "struct(";
      for (size_t k = 0; k < s.fields().size(); k++) {
        if (k) out += ", ";
        out += s.fields()[k]->field_name() + ": " + kind_letter(s.fields()[k]->kind());
      }
      return out + ")";
    }
    case Descr::Type::Array:
      return out + "array(" + kind_letter(static_cast<const ArrayDescr&>(d).item_kind()) + ")";
    case Descr::Type::Call: {
      const auto& c = static_cast<const CallDescr&>(d);
      out += "call(" + c.func_name() + ":";
      for (size_t k = 0; k < c.arg_kinds().size(); k++) {
        out += k ? ", " : " ";
        out += kind_letter(c.arg_kinds()[k]);
      }
      out += " -> ";
      out += kind_letter(c.result_kind());
      const EffectInfo& e = c.effects();
      if (e.extra != EffectInfo().extra) out += ", effect=" + std::string(effect_name(e.extra));
      if (!e.writes_anything) {
        out += ", writes=";
        if (e.writes.empty()) out += "none";
        for (size_t k = 0; k < e.writes.size(); k++) out += (k ? "|" : "") + e.writes[k]->name();
      }
      return out + ")";
    }
    default: break;
  }
  return out + "?";
}

std::string format_op(const Op& op, ValueNamer& names, int exit_index) {
  std::string out;
  if (op.has_result()) out += names.name_of(&op) + " = ";
  out += op.info().name;
  out += '(';
  bool first = true;
  auto sep = [&] {
    if (!first) out += ", ";
    first = false;
  };
  for (const Value* v : op.args) {
    sep();
    if (const Const* c = Const::cast(v)) out += format_const(*c);
    else out += names.name_of(v);
  }
  if (op.descr) {
    const FailDescr* exit = op.fail_descr();
    if (!exit || exit->index() != exit_index) {
      sep();
      out += "descr=" + op.descr->name();
    }
  }
  out += ')';
  if (op.info().is_guard()) {
    out += " [";
    for (size_t k = 0; k < op.fail_args.size(); k++) {
      if (k) out += ", ";
      const Value* v = op.fail_args[k];
      if (const Const* c = Const::cast(v)) out += format_const(*c);
      else out += names.name_of(v);
    }
    out += ']';
    // Resume data of the virtuals among the fail arguments, each once.
    std::vector<const VirtualValue*> virtuals;
    std::function<void(const Value*)> collect = [&](const Value* v) {
      const VirtualValue* vv = VirtualValue::cast(v);
      if (!vv || std::find(virtuals.begin(), virtuals.end(), vv) != virtuals.end()) return;
      virtuals.push_back(vv);
      for (const Value* item : vv->items) collect(item);
    };
    for (const Value* v : op.fail_args) collect(v);
    if (!virtuals.empty()) {
      out += " {";
      for (size_t k = 0; k < virtuals.size(); k++) {
        const VirtualValue& vv = *virtuals[k];
        if (k) out += "; ";
        out += names.name_of(&vv) + ": " + vv.descr->name();
        const StructDescr* s = vv.struct_descr();
        out += s ? '(' : '[';
        for (size_t j = 0; j < vv.items.size(); j++) {
          if (j) out += ", ";
          if (s) out += s->fields()[j]->field_name() + "=";
          const Value* item = vv.items[j];
          if (const Const* c = Const::cast(item)) out += format_const(*c);
          else out += names.name_of(item);
        }
        out += s ? ')' : ']';
      }
      out += '}';
    }
  }
  return out;
}

namespace {

void print_trace_into(std::string& out, const Trace& trace, int& index) {
  ValueNamer names(trace);
  out += '[';
  for (size_t k = 0; k < trace.inputargs.size(); k++) {
    if (k) out += ", ";
    out += names.name_of(trace.inputargs[k]);
  }
  out += "]\n";
  for (const Op* op : trace.ops) out += format_op(*op, names, index++) + "\n";
}

}  // namespace

std::string print_trace(const Trace& trace, int first_index) {
  std::string out;
  print_trace_into(out, trace, first_index);
  return out;
}

std::string print_trace_file(const TraceFile& file) {
  std::string out;
  for (const Descr* d : file.descrs->declared()) out += format_descr_declaration(*d) + "\n";
  int index = 0;
  print_trace_into(out, file.loop, index);
  for (const auto& bridge : file.bridges) {
    out += "\nbridge " + std::to_string(bridge->guard ? bridge->guard->index() : -1) + ":\n";
    print_trace_into(out, bridge->trace, index);
  }
  return out;
}

}  // namespace rpy::jit
