// The write side of the file system, as the build's staging folder
// (assemble/output_tree.h) uses it: the disk, or memory for tests, after
// ninja's DiskInterface. Through it the atomic swap and each way it can fail
// (a full disk, a folder that cannot be made, a rename refused) are tested
// without touching the disk.
//
// Paths use '/'. Every call is safe from several threads at once. A failure
// is a Status of kind kIo naming the path and the reason (kNotFound when a
// parent folder is missing); nothing is half done by a failed call except
// the bytes of a failed WriteFile.
#ifndef LANTERN_BASE_FILE_WRITER_H_
#define LANTERN_BASE_FILE_WRITER_H_

#include <cstddef>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "base/file_system.h"
#include "base/status.h"

namespace lantern {

class FileWriter {
 public:
  virtual ~FileWriter() = default;
  // kMissing, kDirectory, or kFile for anything else (a link is followed).
  virtual EntryKind Kind(const std::string& path) const = 0;
  // One folder, whose parent exists; Ok when it is a folder already.
  virtual Status MakeFolder(const std::string& path) = 0;
  // The folder and any missing parents; Ok when it is a folder already.
  virtual Status MakeFolders(const std::string& path) = 0;
  // REQUIRES: the parent folder exists. Creates or replaces the file, or with
  // `append` adds to its end (creating it when missing).
  virtual Status WriteFile(const std::string& path, std::string_view bytes, bool append) = 0;
  // Moves a file or folder to `to`, which must not exist.
  virtual Status Rename(const std::string& from, const std::string& to) = 0;
  // Removes the file, or the folder and everything in it; Ok when nothing is there.
  virtual Status RemoveAll(const std::string& path) = 0;
};

// The disk, for the whole process (it keeps no state). Files are written
// with one open, write and close each: a site is thousands of small files.
FileWriter& DiskWriter();

// Folders and files in memory: for tests of what is written and of what
// happens when writing fails.
class MemoryWriter final : public FileWriter {
 public:
  // `root` ("" or "/" or a folder path) and its parents exist from the start.
  explicit MemoryWriter(const std::string& root = "");

  EntryKind Kind(const std::string& path) const override;
  Status MakeFolder(const std::string& path) override;
  Status MakeFolders(const std::string& path) override;
  Status WriteFile(const std::string& path, std::string_view bytes, bool append) override;
  Status Rename(const std::string& from, const std::string& to) override;
  Status RemoveAll(const std::string& path) override;

  // After `writes` more successful WriteFile calls, every WriteFile fails as
  // on a full disk.
  void FailWritesAfter(size_t writes);
  // The next Rename to `to` fails (as when the folder is in use); later ones do not.
  void FailNextRenameTo(const std::string& to);

  // The files below `folder` (paths relative to it) with their bytes.
  std::map<std::string, std::string> FilesUnder(const std::string& folder) const;
  // Every folder and file path, for checking that nothing is left behind.
  std::set<std::string> Paths() const;

 private:
  // REQUIRES: mutex_ is held.
  bool IsFolder(const std::string& path) const;
  bool ParentIsFolder(const std::string& path) const;

  mutable std::mutex mutex_;
  std::set<std::string> folders_;
  std::map<std::string, std::string> files_;
  bool limit_writes_ = false;
  size_t writes_left_ = 0;
  std::set<std::string> refused_renames_;
};

}  // namespace lantern

#endif  // LANTERN_BASE_FILE_WRITER_H_
