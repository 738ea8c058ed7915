// Placeholders left by `lantern init` and `lantern new`: the word TODO (in
// capitals, as a whole word) anywhere in a file, value or comment, marks text
// an author still has to write. Each one is a warning, so a fresh site builds
// at once and `check` lists what is left to do.
#ifndef LANTERN_LOAD_PLACEHOLDERS_H_
#define LANTERN_LOAD_PLACEHOLDERS_H_

#include <string>

#include "base/diagnostic.h"

namespace lantern {

// The marker the scaffolds write and the checker looks for.
inline constexpr const char* kPlaceholderMarker = "TODO";

// Adds one warning (L060) per line of `text` holding the marker, positioned at
// the marker and quoting what follows it. Returns how many were found.
int ReportPlaceholders(const std::string& path, const std::string& text, Diagnostics* diagnostics);

}  // namespace lantern

#endif  // LANTERN_LOAD_PLACEHOLDERS_H_
