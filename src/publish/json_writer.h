// Value trees as JSON text, and JSON text back as Value trees. This is the
// only file that includes nlohmann-json.
//
// Writing: maps keep their insertion order (so ATRS order survives), booleans
// are JSON booleans, texts marked unquoted that read as whole numbers are JSON
// numbers, every other text is a JSON string. Output is the same bytes for the
// same tree. Reading: JSON strings become quoted texts, numbers unquoted texts,
// so that ToJson(ParseJson(x)) keeps every value's kind.
#ifndef LANTERN_PUBLISH_JSON_WRITER_H_
#define LANTERN_PUBLISH_JSON_WRITER_H_

#include <optional>
#include <string>
#include <string_view>

#include "model/value.h"

namespace lantern {

// Pretty JSON (two-space indent, UTF-8, a final newline).
std::string ToJson(const Value& value);

// Compact JSON safe to place inside <script type="application/ld+json">: every
// '<' is written as \u003c, so no "</script>" or "<!--" can appear.
std::string ToScriptJson(const Value& value);

// The parsed document, or std::nullopt with a message in `error` (byte offset
// and reason) when `text` is not JSON; `error_offset`, when given, gets the
// byte offset where reading stopped.
std::optional<Value> ParseJson(std::string_view text, std::string* error, size_t* error_offset = nullptr);

// An unquoted text that ToJson writes as a JSON number.
inline Value NumberValue(long long n) { return Value::Text(std::to_string(n), {}, false); }

}  // namespace lantern

#endif  // LANTERN_PUBLISH_JSON_WRITER_H_
