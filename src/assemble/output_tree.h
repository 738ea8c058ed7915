// The built site as a map from output path ("records/x/index.html") to bytes,
// so that a build can be written to disk, served from memory or compared in
// tests, and so that a failed build never touches the disk.
#ifndef LANTERN_ASSEMBLE_OUTPUT_TREE_H_
#define LANTERN_ASSEMBLE_OUTPUT_TREE_H_

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "assemble/output_sink.h"
#include "base/file_writer.h"
#include "base/status.h"

namespace lantern {

// Writes `tree` to `directory` so that readers never see a half-written site:
// the files go to a new sibling folder, which then replaces `directory` (the
// old one is removed only after the swap). On any error the temporary folder
// is removed and `directory` is left as it was. Only regular files and folders
// are written; a path that is absolute, has an empty segment or a segment
// starting with "." (a dotfile, "..") is refused before anything is written
// (checklist S2: the output never holds dotfiles or links).
// `disk` is where (null: the disk itself; a MemoryWriter in tests).
Status WriteOutputTree(const OutputTree& tree, const std::string& directory, FileWriter* disk = nullptr);

// The same swap for files written one by one as a build makes them: Open
// makes the staging folder beside `directory`; Put and Append write into it
// (from many threads; the first failure is kept and later writes are
// skipped); Commit replaces `directory` with it. Destroying it without a
// successful Commit removes the staging folder and leaves `directory` as it was.
class StagedFolder final : public OutputSink {
 public:
  // Writes through `disk` (null: the disk itself; a MemoryWriter in tests).
  explicit StagedFolder(std::string directory, FileWriter* disk = nullptr);
  ~StagedFolder() override;
  StagedFolder(const StagedFolder&) = delete;
  StagedFolder& operator=(const StagedFolder&) = delete;

  // An error when `directory` is not a folder or the staging folder cannot be made.
  Status Open();
  void Put(const std::string& path, std::string bytes) override;
  void Append(const std::string& path, std::string_view bytes) override;
  // The first write failure, or an error from the swap; Ok when the new site is in place.
  Status Commit();

 private:
  // REQUIRES: mutex_ is held.
  bool MakeParent(const std::string& path);
  void Fail(Status status);
  bool Failed();

  FileWriter& disk_;
  std::string directory_;
  std::string target_;
  std::string staging_;  // empty until Open succeeds, and after Commit
  std::mutex mutex_;
  std::set<std::string> folders_;  // made so far, below staging_
  Status failure_ = Status::Ok();
};

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_OUTPUT_TREE_H_
