#include "base/entry_check.h"

namespace lantern {

bool IsRefused(EntryKind kind) {
  return kind == EntryKind::kLinkOutside || kind == EntryKind::kDanglingLink || kind == EntryKind::kSpecial;
}

EntryKind CheckedKind(const FileSystem& files, const std::string& path, Diagnostics* diagnostics) {
  const EntryKind kind = files.Kind(path);
  // The messages never name the target: where a link points may itself be
  // private (a home folder, a server path), and the preview shows them on pages.
  switch (kind) {
    case EntryKind::kLinkOutside:
      diagnostics->Error(path, {}, "L042",
                         "a symbolic link that leads outside the site folder; it is not followed, so nothing it "
                         "points to is read or published: copy what it points to into the site instead");
      break;
    case EntryKind::kDanglingLink:
      diagnostics->Error(path, {}, "L042",
                         "a symbolic link that leads nowhere (its target does not exist); remove it, or put the "
                         "file itself here");
      break;
    case EntryKind::kSpecial:
      diagnostics->Error(path, {}, "L043",
                         "not a file or a folder (a FIFO, socket or device); it is never opened: remove it from the "
                         "site folder");
      break;
    case EntryKind::kMissing:
    case EntryKind::kFile:
    case EntryKind::kDirectory:
      break;
  }
  return kind;
}

}  // namespace lantern
