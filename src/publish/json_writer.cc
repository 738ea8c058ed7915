#include "publish/json_writer.h"

#include <algorithm>

#include <charconv>
#include <nlohmann/json.hpp>

namespace lantern {
namespace {

using Json = nlohmann::ordered_json;

Json ToNlohmann(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kNull:
      return nullptr;
    case Value::Kind::kBool:
      return value.as_bool();
    case Value::Kind::kText: {
      if (!value.quoted()) {
        const std::string& text = value.text();
        long long number = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (error == std::errc() && end == text.data() + text.size() && !text.empty()) return number;
      }
      return value.text();
    }
    case Value::Kind::kList: {
      Json list = Json::array();
      for (const Value& item : value.items()) list.push_back(ToNlohmann(item));
      return list;
    }
    case Value::Kind::kMap: {
      Json map = Json::object();
      for (const Value::Member& member : value.members()) map[member.key] = ToNlohmann(member.value);
      return map;
    }
  }
  return nullptr;
}

Value FromNlohmann(const Json& json) {
  if (json.is_null()) return Value::Null();
  if (json.is_boolean()) return Value::Bool(json.get<bool>());
  if (json.is_string()) return Value::Text(json.get<std::string>(), {}, true);
  if (json.is_number()) return Value::Text(json.dump(), {}, false);
  if (json.is_array()) {
    Value list = Value::List();
    for (const Json& item : json) list.Push(FromNlohmann(item));
    return list;
  }
  Value map = Value::Map();
  for (const auto& [key, item] : json.items()) map.Set(key, FromNlohmann(item));
  return map;
}

}  // namespace

std::string ToJson(const Value& value) {
  // Content was checked to be UTF-8; "replace" keeps a bad byte from throwing.
  return ToNlohmann(value).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string ToScriptJson(const Value& value) {
  const std::string compact = ToNlohmann(value).dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string safe;
  safe.reserve(compact.size());
  // '<' only ever occurs inside JSON strings, where \u003c means the same.
  for (char c : compact) {
    if (c == '<') {
      safe += "\\u003c";
    } else {
      safe += c;
    }
  }
  return safe;
}

std::optional<Value> ParseJson(std::string_view text, std::string* error, size_t* error_offset) {
  try {
    return FromNlohmann(Json::parse(text.begin(), text.end()));
  } catch (const Json::parse_error& e) {
    if (error) *error = e.what();  // names the byte and what was expected there
    // nlohmann counts the bytes read, the failing one included.
    if (error_offset) *error_offset = e.byte > 0 ? std::min<size_t>(e.byte - 1, text.size()) : 0;
    return std::nullopt;
  }
}

}  // namespace lantern
