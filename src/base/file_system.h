// The file systems Lantern reads from: the disk, the files built into the
// binary (default theme, site templates, example site), and memory (tests).
#ifndef LANTERN_BASE_FILE_SYSTEM_H_
#define LANTERN_BASE_FILE_SYSTEM_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"

struct stat;

namespace lantern {

// What a path is, as a loader must know before it reads or lists it. On the
// disk a symbolic link is judged by where it leads (every link in the path
// resolved): inside the site folder it counts as its target; outside, or to
// nothing, it is reported and never followed.
enum class EntryKind {
  kMissing,       // nothing there
  kFile,          // a regular file (perhaps through a link inside the site)
  kDirectory,     // a folder (perhaps through a link inside the site)
  kLinkOutside,   // resolves to a place outside the site folder
  kDanglingLink,  // a symbolic link to nothing (or a loop of links)
  kSpecial,       // a FIFO, socket or device: opening one could hang or read forever
};

// Paths use '/' and are relative to the file system's root, or absolute on
// the disk. A FileSystem is read-only and safe to use from several threads.
// What tells a file's contents apart without reading them: the same stamp
// twice means the same file, unchanged in between.
struct FileStamp {
  uint64_t device = 0, inode = 0, size = 0;
  int64_t modified_ns = 0, changed_ns = 0;  // mtime and ctime
  bool operator==(const FileStamp&) const = default;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // The stamp of a regular file (not a link) that has been left alone for a
  // while, or nullopt: then the caller must read the file to know it. The
  // default knows no stamps.
  virtual std::optional<FileStamp> Stamp(const std::string& /*path*/) const { return std::nullopt; }

  virtual EntryKind Kind(const std::string& path) const = 0;

  // The file's bytes, or a Status naming the path and the reason, of kind
  // kNotFound (nothing there), kInvalid (not a regular file, or not inside
  // the site folder) or kIo (it is there but could not be read).
  virtual Result<std::string> ReadFile(const std::string& path) const = 0;
  // The file's size in bytes, or -1 when it does not exist or is not a file.
  virtual long long FileSize(const std::string& path) const = 0;
  virtual bool IsDirectory(const std::string& path) const = 0;
  // Names (not paths) of the entries directly inside `path`, sorted; empty when
  // the directory does not exist.
  virtual std::vector<std::string> List(const std::string& path) const = 0;
};

// Joins two path parts with exactly one '/'.
std::string JoinPath(const std::string& base, const std::string& name);

// The disk. Reading never opens anything but a regular file (a FIFO would hang
// the build), and never blocks on one.
class DiskFileSystem : public FileSystem {
 public:
  // Every path on the disk may be read.
  DiskFileSystem() = default;
  // Only what lies inside `site_root` once every symbolic link is resolved
  // (realpath of the target under realpath of the root): anything else is
  // kLinkOutside to Kind, missing to FileSize, IsDirectory and List, and a
  // Status from ReadFile, which walks the path one folder at a time with
  // O_NOFOLLOW so that a link swapped in while it reads is refused, not followed.
  // A root that does not exist makes every path kMissing.
  explicit DiskFileSystem(const std::string& site_root);

  EntryKind Kind(const std::string& path) const override;
  Result<std::string> ReadFile(const std::string& path) const override;
  long long FileSize(const std::string& path) const override;
  bool IsDirectory(const std::string& path) const override;
  std::vector<std::string> List(const std::string& path) const override;
  // From lstat. Nothing for a file modified or changed in the last
  // kStampSettleSeconds: file times come from a coarse clock (a kernel tick),
  // so a second write in the tick of a read could leave a stamp unchanged
  // while the bytes change (git's "racy" files); a settled stamp cannot.
  std::optional<FileStamp> Stamp(const std::string& path) const override;
  static constexpr int64_t kStampSettleSeconds = 2;

 private:
  // True when `resolved` (a realpath) is the root or below it; always true
  // without a boundary.
  bool Inside(const std::string& resolved) const;

  // realpath(path), given its lstat: a path whose last part is not a link is
  // its folder's realpath plus that name, and each folder's is worked out once
  // (a load asks Kind, FileSize and ReadFile of each of thousands of files in
  // one folder, and realpath walks every part of the path every time). A
  // folder swapped for a link after it was resolved cannot widen what is read:
  // ReadFile still opens each part with O_NOFOLLOW.
  std::string Resolve(const std::string& path, const struct stat& link) const;

  bool bounded_ = false;
  std::string real_root_;  // realpath of the site root; empty when it does not exist
  struct ResolvedFolders {
    std::mutex mutex;
    std::unordered_map<std::string, std::string> by_path;  // folder as asked -> its realpath ("" if none)
  };
  std::unique_ptr<ResolvedFolders> folders_ = std::make_unique<ResolvedFolders>();
};

// Files held in a map from path to bytes; directories are implied by paths.
// Used for the embedded files and in tests.
class MemoryFileSystem : public FileSystem {
 public:
  MemoryFileSystem() = default;
  explicit MemoryFileSystem(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  void Add(const std::string& path, std::string bytes) { files_[path] = std::move(bytes); }

  EntryKind Kind(const std::string& path) const override;
  Result<std::string> ReadFile(const std::string& path) const override;
  long long FileSize(const std::string& path) const override;
  bool IsDirectory(const std::string& path) const override;
  std::vector<std::string> List(const std::string& path) const override;
  const std::map<std::string, std::string>& files() const { return files_; }

 private:
  std::map<std::string, std::string> files_;
};

// The files built into the binary: themes/default/…, site_templates/…, content/….
const MemoryFileSystem& EmbeddedFiles();

}  // namespace lantern

#endif  // LANTERN_BASE_FILE_SYSTEM_H_
