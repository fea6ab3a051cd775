#include "runtime/jit/descr.h"

#include <algorithm>

namespace rpy::jit {

FieldDescr* StructDescr::field(std::string_view field_name) const {
  for (FieldDescr* f : fields_)
    if (f->field_name() == field_name) return f;
  return nullptr;
}

bool EffectInfo::may_write(const Descr* d) const {
  if (writes_anything) return true;
  return std::find(writes.begin(), writes.end(), d) != writes.end();
}

std::string_view effect_name(EffectInfo::Extra e) {
  switch (e) {
    case EffectInfo::Extra::ElidableCannotRaise: return "elidable";
    case EffectInfo::Extra::ElidableCanRaise: return "elidable_can_raise";
    case EffectInfo::Extra::CannotRaise: return "cannot_raise";
    case EffectInfo::Extra::CanRaise: return "can_raise";
    case EffectInfo::Extra::RandomEffects: return "random_effects";
  }
  return "?";
}

Descr* DescrTable::own(std::unique_ptr<Descr> d) {
  Descr* raw = d.get();
  owned_.push_back(std::move(d));
  if (raw->type() != Descr::Type::Fail) by_name_[raw->name()] = raw;
  return raw;
}

StructDescr* DescrTable::declare_struct(std::string name) {
  auto* s = static_cast<StructDescr*>(own(std::make_unique<StructDescr>(std::move(name), next_type_id_++)));
  declared_.push_back(s);
  return s;
}

FieldDescr* DescrTable::add_field(StructDescr* owner, std::string field_name, Kind kind) {
  int64_t offset = owner->size();  // the new field goes after the existing ones
  auto* f = static_cast<FieldDescr*>(own(std::make_unique<FieldDescr>(owner, std::move(field_name), kind, offset)));
  owner->fields_.push_back(f);
  return f;
}

ArrayDescr* DescrTable::declare_array(std::string name, Kind item_kind) {
  auto* a = static_cast<ArrayDescr*>(own(std::make_unique<ArrayDescr>(std::move(name), next_type_id_++, item_kind)));
  declared_.push_back(a);
  return a;
}

CallDescr* DescrTable::declare_call(std::string name, std::string func_name, std::vector<Kind> arg_kinds,
                                    Kind result, EffectInfo effects, const CFunction* function) {
  auto* c = static_cast<CallDescr*>(own(std::make_unique<CallDescr>(
      std::move(name), std::move(func_name), std::move(arg_kinds), result, std::move(effects), function)));
  declared_.push_back(c);
  return c;
}

TargetToken* DescrTable::target(const std::string& name) {
  if (Descr* d = find(name)) return d->type() == Descr::Type::Target ? static_cast<TargetToken*>(d) : nullptr;
  return static_cast<TargetToken*>(own(std::make_unique<TargetToken>(name)));
}

FailDescr* DescrTable::new_fail_descr(int index) {
  auto* f = static_cast<FailDescr*>(own(std::make_unique<FailDescr>(index)));
  fail_by_index_[index] = f;
  return f;
}

Descr* DescrTable::find(std::string_view name) const {
  auto it = by_name_.find(std::string(name));
  return it == by_name_.end() ? nullptr : it->second;
}

FailDescr* DescrTable::fail_descr(int index) const {
  auto it = fail_by_index_.find(index);
  return it == fail_by_index_.end() ? nullptr : it->second;
}

}  // namespace rpy::jit
