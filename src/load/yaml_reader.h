// Reads one YAML document into a Value, the only place that includes yaml-cpp
// (libyaml_reader.cc reads most documents first, faster, to the same tree).
// Rejects what a hand-edited content file should never need and what makes
// parsers unsafe: anchors and aliases (alias bombs, cycles), tags, several
// documents in one file, duplicate keys, invalid UTF-8, empty files and files
// over the size limit.
#ifndef LANTERN_LOAD_YAML_READER_H_
#define LANTERN_LOAD_YAML_READER_H_

#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "model/value.h"

namespace lantern {

inline constexpr size_t kMaxContentFileBytes = 1024 * 1024;

struct YamlReadOptions {
  // Line of the file on which `text` starts (front matter starts on line 2).
  int first_line = 1;
  // Whether an empty text is allowed (it reads as an empty mapping).
  bool allow_empty = false;
  // Whether libyaml may read it first (libyaml_reader.h): the result is the
  // same either way; tests turn it off to compare the two readings.
  bool try_libyaml = true;
};

// Parses `text` (the contents of `path`). On success returns the document's
// root; on failure returns std::nullopt and adds at least one error to
// `diagnostics`, positioned where the problem is. Never throws.
std::optional<Value> ReadYaml(const std::string& path, const std::string& text,
                              Diagnostics* diagnostics, YamlReadOptions options = {});

// Checks what every content file must satisfy before parsing: not empty, not
// over kMaxContentFileBytes, valid UTF-8. Adds an error and returns false if not.
bool CheckContentBytes(const std::string& path, const std::string& text, Diagnostics* diagnostics);

}  // namespace lantern

#endif  // LANTERN_LOAD_YAML_READER_H_
