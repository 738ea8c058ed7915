// The file systems Lantern reads from: the disk, the files built into the
// binary (default theme, site templates, example site), and memory (tests).
#ifndef LANTERN_BASE_FILE_SYSTEM_H_
#define LANTERN_BASE_FILE_SYSTEM_H_

#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace lantern {

// Paths use '/' and are relative to the file system's root, or absolute on
// the disk. A FileSystem is read-only and safe to use from several threads.
class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // The file's bytes, or a Status naming the path and the reason.
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

class DiskFileSystem : public FileSystem {
 public:
  Result<std::string> ReadFile(const std::string& path) const override;
  long long FileSize(const std::string& path) const override;
  bool IsDirectory(const std::string& path) const override;
  std::vector<std::string> List(const std::string& path) const override;
};

// Files held in a map from path to bytes; directories are implied by paths.
// Used for the embedded files and in tests.
class MemoryFileSystem : public FileSystem {
 public:
  MemoryFileSystem() = default;
  explicit MemoryFileSystem(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  void Add(const std::string& path, std::string bytes) { files_[path] = std::move(bytes); }

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
