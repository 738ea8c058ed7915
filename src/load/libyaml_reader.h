// The fast first reading of a YAML document, the only place that includes
// libyaml. yaml-cpp (yaml_reader.cc) stays the reader that decides: its
// messages and positions are the ones every diagnostic shows. libyaml reads
// the same documents about seven times faster, so ReadYaml asks it first and
// keeps its tree only when it is sure yaml-cpp would have built the same one.
#ifndef LANTERN_LOAD_LIBYAML_READER_H_
#define LANTERN_LOAD_LIBYAML_READER_H_

#include <optional>
#include <string>

#include "model/value.h"

namespace lantern {

// Reads `text` (without a byte order mark), whose first line is line
// `first_line` of its file. Success: the document's root, with every node's
// position and quoting as ReadYaml's yaml-cpp reading gives them. Anything
// else returns std::nullopt and says nothing: a syntax error, anything
// ReadYaml rejects (anchors, aliases, tags, directives, a second document,
// duplicate, empty or non-text keys, nesting or size over the limits), no
// document at all, a null that is not a mapping's value, and the bytes the
// two libraries read differently (tabs, a carriage return not followed by a
// line feed, U+0085, U+2028, U+2029). The caller then reads it with yaml-cpp.
std::optional<Value> ReadYamlFast(const std::string& text, int first_line);

}  // namespace lantern

#endif  // LANTERN_LOAD_LIBYAML_READER_H_
