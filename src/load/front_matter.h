// Splits a page into its YAML front matter (between two '---' lines at the
// top) and its Markdown body, remembering on which line the body starts so
// that positions in the body map back to lines of the file.
#ifndef LANTERN_LOAD_FRONT_MATTER_H_
#define LANTERN_LOAD_FRONT_MATTER_H_

#include <optional>
#include <string>

#include "base/diagnostic.h"

namespace lantern {

struct FrontMatterSplit {
  std::string front_matter;  // the YAML between the fences, without them
  int front_matter_first_line = 2;
  std::string body;
  int body_first_line = 1;
};

// On success returns the parts. When the file does not start with '---' or
// the block is never closed, adds an error naming the line and returns
// std::nullopt.
std::optional<FrontMatterSplit> SplitFrontMatter(const std::string& path, const std::string& text,
                                                 Diagnostics* diagnostics);

}  // namespace lantern

#endif  // LANTERN_LOAD_FRONT_MATTER_H_
