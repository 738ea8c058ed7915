// Value: a YAML-shaped tree (null, bool, text, list, map) that remembers where
// each node came from. The YAML reader produces it for content; the site
// builder produces it as the view that templates see.
#ifndef LANTERN_MODEL_VALUE_H_
#define LANTERN_MODEL_VALUE_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace lantern {

class Value {
 public:
  enum class Kind { kNull, kBool, kText, kList, kMap };

  struct Member;

  Value() = default;
  static Value Null(SourceLocation at = {});
  static Value Bool(bool b);
  // `quoted` records whether YAML wrote the scalar in quotes or as a block, so
  // that a plain `yes` can be told from "yes".
  static Value Text(std::string text, SourceLocation at = {}, bool quoted = true);
  static Value List(SourceLocation at = {});
  static Value Map(SourceLocation at = {});

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_text() const { return kind_ == Kind::kText; }
  bool is_list() const { return kind_ == Kind::kList; }
  bool is_map() const { return kind_ == Kind::kMap; }
  const SourceLocation& location() const { return location_; }

  bool as_bool() const { return bool_; }
  const std::string& text() const { return text_; }
  bool quoted() const { return quoted_; }

  // Lists.
  const std::vector<Value>& items() const { return items_; }
  Value& Push(Value item);

  // Maps keep their members in insertion (file) order.
  const std::vector<Member>& members() const { return members_; }
  // The value under `key`, or nullptr.
  const Value* Find(std::string_view key) const;
  // The member record (with the key's own location), or nullptr.
  const Member* FindMember(std::string_view key) const;
  // Replaces the value under `key`, or appends it. Returns *this for chaining;
  // on a temporary (Value::Map().Set(…).Set(…)) as a temporary, so that the
  // tree it builds is moved, not copied, into wherever it is given.
  Value& Set(std::string_view key, Value value, SourceLocation key_at = {}) &;
  Value&& Set(std::string_view key, Value value, SourceLocation key_at = {}) &&;
  // Follows a dotted path ("summary.name") through maps; nullptr when absent.
  const Value* FindPath(std::string_view dotted_path) const;
  // Gives back the room Set and Push reserved ahead for members or items
  // that never came (this node's only; a copied node has none): for a tree
  // kept long, such as what a streamed build keeps of each record.
  void ShrinkToFit();
  // Give up this node's text, items or members, leaving it with none (its
  // kind stays): for a consumer that converts a tree it owns into another
  // and frees each part as it goes, so that the two are never whole at once.
  std::string TakeText() { return std::move(text_); }
  std::vector<Value> TakeItems() { return std::move(items_); }
  // Out of line: Member is incomplete here, and clang will not move a vector of it.
  std::vector<Member> TakeMembers();

  // "text", "a list", "a mapping", …: for messages.
  const char* KindName() const;

 private:
  Kind kind_ = Kind::kNull;
  SourceLocation location_;
  bool bool_ = false;
  bool quoted_ = false;
  std::string text_;
  std::vector<Value> items_;
  std::vector<Member> members_;
};

struct Value::Member {
  std::string key;
  SourceLocation key_location;
  Value value;
};

// Convenience for views.
inline Value TextValue(std::string text) { return Value::Text(std::move(text)); }

}  // namespace lantern

#endif  // LANTERN_MODEL_VALUE_H_
