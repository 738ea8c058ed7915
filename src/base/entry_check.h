// The one place where what a file system says about a path in the site folder
// becomes a diagnostic for its author: a symbolic link that leads outside the
// site or nowhere (L042), or a FIFO, socket or device (L043). Loaders ask
// before they read or list anything, so such a path is never opened.
#ifndef LANTERN_BASE_ENTRY_CHECK_H_
#define LANTERN_BASE_ENTRY_CHECK_H_

#include <string>

#include "base/diagnostic.h"
#include "base/file_system.h"

namespace lantern {

// The kind of `path`. For kLinkOutside, kDanglingLink and kSpecial it first
// adds a file-level error naming `path` (never the link's target, which may be
// private); for kFile, kDirectory and kMissing it adds nothing. Callers read
// or list only kFile and kDirectory.
EntryKind CheckedKind(const FileSystem& files, const std::string& path, Diagnostics* diagnostics);

// True for the kinds CheckedKind reports as errors.
bool IsRefused(EntryKind kind);

}  // namespace lantern

#endif  // LANTERN_BASE_ENTRY_CHECK_H_
