#include "testing/json_schema_check.h"

#include <regex>
#include <set>

namespace lantern::testing {
namespace {

bool IsInteger(const Value& v) {
  if (!v.is_text() || v.quoted() || v.text().empty()) return false;
  size_t i = v.text()[0] == '-' ? 1 : 0;
  if (i == v.text().size()) return false;
  for (; i < v.text().size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(v.text()[i]))) return false;
  }
  return true;
}

bool HasType(const Value& v, const std::string& type) {
  if (type == "null") return v.is_null();
  if (type == "boolean") return v.kind() == Value::Kind::kBool;
  if (type == "string") return v.is_text() && v.quoted();
  if (type == "integer") return IsInteger(v);
  if (type == "number") return v.is_text() && !v.quoted();
  if (type == "array") return v.is_list();
  if (type == "object") return v.is_map();
  return false;
}

bool JsonEqual(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::kNull:
      return true;
    case Value::Kind::kBool:
      return a.as_bool() == b.as_bool();
    case Value::Kind::kText:
      return a.text() == b.text() && a.quoted() == b.quoted();
    default:
      return false;  // the generated enums and consts hold only scalars
  }
}

class Validator {
 public:
  explicit Validator(const Value& root) : root_(root) {}

  void Check(const Value& schema, const Value& v, const std::string& at) {
    if (!schema.is_map()) {
      Fail(at, "schema is not an object");
      return;
    }
    for (const Value::Member& m : schema.members()) {
      if (!KnownKeywords().count(m.key)) Fail(at, "schema keyword \"" + m.key + "\" is not supported by this validator");
    }
    if (const Value* ref = schema.Find("$ref")) {
      const std::string prefix = "#/$defs/";
      const Value* defs = root_.Find("$defs");
      const Value* target = ref->text().rfind(prefix, 0) == 0 && defs ? defs->Find(ref->text().substr(prefix.size())) : nullptr;
      if (target == nullptr) {
        Fail(at, "unresolvable $ref " + ref->text());
      } else {
        Check(*target, v, at);
      }
    }
    if (const Value* one_of = schema.Find("oneOf")) {
      int matching = 0;
      std::vector<std::string> reasons;
      for (const Value& option : one_of->items()) {
        Validator inner(root_);
        inner.Check(option, v, at);
        if (inner.errors_.empty()) ++matching;
        reasons.insert(reasons.end(), inner.errors_.begin(), inner.errors_.end());
      }
      if (matching != 1) {
        Fail(at, "matches " + std::to_string(matching) + " of the oneOf schemas, not exactly one");
        if (matching == 0) errors_.insert(errors_.end(), reasons.begin(), reasons.end());
      }
    }
    if (const Value* type = schema.Find("type")) {
      bool ok = false;
      if (type->is_text()) ok = HasType(v, type->text());
      for (const Value& t : type->items()) ok = ok || HasType(v, t.text());
      if (!ok) {
        Fail(at, "has the wrong type");
        return;
      }
    }
    if (const Value* value = schema.Find("const"); value && !JsonEqual(*value, v)) Fail(at, "is not " + value->text());
    if (const Value* values = schema.Find("enum")) {
      bool found = false;
      for (const Value& option : values->items()) found = found || JsonEqual(option, v);
      if (!found) Fail(at, "is not one of the allowed values" + (v.is_text() ? ": \"" + v.text() + "\"" : ""));
    }
    if (v.is_text() && v.quoted()) {
      if (const Value* pattern = schema.Find("pattern"); pattern && !std::regex_search(v.text(), std::regex(pattern->text()))) {
        Fail(at, "\"" + v.text() + "\" does not match " + pattern->text());
      }
    }
    if (v.is_map()) {
      const Value* properties = schema.Find("properties");
      if (const Value* required = schema.Find("required")) {
        for (const Value& key : required->items()) {
          if (v.Find(key.text()) == nullptr) Fail(at, "lacks required property \"" + key.text() + "\"");
        }
      }
      for (const Value::Member& m : v.members()) {
        const Value* property = properties ? properties->Find(m.key) : nullptr;
        if (property != nullptr) {
          Check(*property, m.value, at + "/" + m.key);
        } else if (const Value* extra = schema.Find("additionalProperties");
                   extra && extra->kind() == Value::Kind::kBool && !extra->as_bool()) {
          Fail(at, "has a property the schema does not allow: \"" + m.key + "\"");
        }
      }
    }
    if (v.is_list()) {
      if (const Value* items = schema.Find("items")) {
        for (size_t i = 0; i < v.items().size(); ++i) Check(*items, v.items()[i], at + "/" + std::to_string(i));
      }
    }
  }

  std::vector<std::string> errors_;

 private:
  void Fail(const std::string& at, const std::string& what) { errors_.push_back((at.empty() ? "/" : at) + ": " + what); }
  const Value& root_;
};

void CollectKeywords(const Value& schema, const std::string& at, std::map<std::string, std::string>* keywords) {
  if (!schema.is_map()) return;
  for (const Value::Member& m : schema.members()) {
    keywords->try_emplace(m.key, at.empty() ? "/" : at);
    if (m.key == "$defs" || m.key == "properties") {
      if (!m.value.is_map()) continue;
      for (const Value::Member& child : m.value.members()) {
        CollectKeywords(child.value, at + "/" + m.key + "/" + child.key, keywords);
      }
    } else if (m.key == "items") {
      CollectKeywords(m.value, at + "/items", keywords);
    } else if (m.key == "oneOf") {
      for (size_t i = 0; i < m.value.items().size(); ++i) {
        CollectKeywords(m.value.items()[i], at + "/oneOf/" + std::to_string(i), keywords);
      }
    }
  }
}

}  // namespace

const std::set<std::string>& KnownKeywords() {
  static const std::set<std::string> known = {
      "$schema", "$id",     "$comment", "title", "description", "$defs",   "$ref",    "oneOf",
      "type",    "properties", "required", "additionalProperties", "items", "enum", "const", "pattern"};
  return known;
}

std::map<std::string, std::string> SchemaKeywords(const Value& root) {
  std::map<std::string, std::string> keywords;
  CollectKeywords(root, "", &keywords);
  return keywords;
}

std::vector<std::string> ValidateJson(const Value& root, const Value& instance) {
  Validator validator(root);
  validator.Check(root, instance, "");
  return validator.errors_;
}

}  // namespace lantern::testing
