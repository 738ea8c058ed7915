// A text as a JSON string literal, for the small JSON documents Lantern writes
// by hand where a tree would be overkill (the search index, the staff export).
// Larger documents go through publish/json_writer.
#ifndef LANTERN_BASE_JSON_TEXT_H_
#define LANTERN_BASE_JSON_TEXT_H_

#include <string>
#include <string_view>

namespace lantern {

// `text` in double quotes with " \ and control characters escaped, and every
// '<' written as \u003c so that no "</script>" can appear wherever the JSON
// is embedded. UTF-8 passes through unchanged.
std::string JsonString(std::string_view text);

}  // namespace lantern

#endif  // LANTERN_BASE_JSON_TEXT_H_
