// The built site as a map from output path ("records/x/index.html") to bytes,
// so that a build can be written to disk, served from memory or compared in
// tests, and so that a failed build never touches the disk.
#ifndef LANTERN_ASSEMBLE_OUTPUT_TREE_H_
#define LANTERN_ASSEMBLE_OUTPUT_TREE_H_

#include <map>
#include <string>

#include "base/status.h"

namespace lantern {

using OutputTree = std::map<std::string, std::string>;

// Writes `tree` to `directory` so that readers never see a half-written site:
// the files go to a new sibling folder, which then replaces `directory` (the
// old one is removed only after the swap). On any error the temporary folder
// is removed and `directory` is left as it was. Only regular files and folders
// are written; a path that is absolute, has an empty segment or a segment
// starting with "." (a dotfile, "..") is refused before anything is written
// (checklist S2: the output never holds dotfiles or links).
Status WriteOutputTree(const OutputTree& tree, const std::string& directory);

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_OUTPUT_TREE_H_
