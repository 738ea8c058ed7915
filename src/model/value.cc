#include "model/value.h"

namespace lantern {

Value Value::Null(SourceLocation at) {
  Value v;
  v.location_ = at;
  return v;
}

Value Value::Bool(bool b) {
  Value v;
  v.kind_ = Kind::kBool;
  v.bool_ = b;
  return v;
}

Value Value::Text(std::string text, SourceLocation at, bool quoted) {
  Value v;
  v.kind_ = Kind::kText;
  v.text_ = std::move(text);
  v.location_ = at;
  v.quoted_ = quoted;
  return v;
}

Value Value::List(SourceLocation at) {
  Value v;
  v.kind_ = Kind::kList;
  v.location_ = at;
  return v;
}

Value Value::Map(SourceLocation at) {
  Value v;
  v.kind_ = Kind::kMap;
  v.location_ = at;
  return v;
}

// Views and records have maps of a few to a dozen members and lists of a
// few items: starting at room for 4 saves the reallocations (each moving
// every member) of growing from 1.
constexpr size_t kFirstCapacity = 4;

Value& Value::Push(Value item) {
  if (items_.capacity() == 0) items_.reserve(kFirstCapacity);
  items_.push_back(std::move(item));
  return items_.back();
}

const Value::Member* Value::FindMember(std::string_view key) const {
  for (const Member& m : members_) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

const Value* Value::Find(std::string_view key) const {
  const Member* m = FindMember(key);
  return m ? &m->value : nullptr;
}

Value&& Value::Set(std::string_view key, Value value, SourceLocation key_at) && {
  return std::move(Set(key, std::move(value), key_at));
}

Value& Value::Set(std::string_view key, Value value, SourceLocation key_at) & {
  for (Member& m : members_) {
    if (m.key == key) {
      m.value = std::move(value);
      return *this;
    }
  }
  if (members_.capacity() == 0) members_.reserve(kFirstCapacity);
  members_.push_back(Member{std::string(key), key_at, std::move(value)});
  return *this;
}

std::vector<Value::Member> Value::TakeMembers() { return std::move(members_); }

void Value::ShrinkToFit() {
  members_.shrink_to_fit();
  items_.shrink_to_fit();
}

const Value* Value::FindPath(std::string_view dotted_path) const {
  const Value* node = this;
  while (node != nullptr) {
    const size_t dot = dotted_path.find('.');
    node = node->is_map() ? node->Find(dotted_path.substr(0, dot)) : nullptr;
    if (dot == std::string_view::npos) return node;
    dotted_path.remove_prefix(dot + 1);
  }
  return nullptr;
}

const char* Value::KindName() const {
  switch (kind_) {
    case Kind::kNull: return "nothing";
    case Kind::kBool: return "yes/no";
    case Kind::kText: return "text";
    case Kind::kList: return "a list";
    case Kind::kMap: return "a mapping (key: value lines)";
  }
  return "?";
}

}  // namespace lantern
