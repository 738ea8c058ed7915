#include "assemble/output_tree.h"

#include <unistd.h>

#include <filesystem>
#include <vector>

#include "base/file_writer.h"
#include "base/parallel.h"

namespace lantern {
namespace fs = std::filesystem;
namespace {

// A sibling of `target` that does not exist yet, e.g. "public.lantern-new-1234".
fs::path FreshSibling(const FileWriter& disk, const fs::path& target, const std::string& tag) {
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string base = target.filename().string() + ".lantern-" + tag + "-" + std::to_string(getpid());
  fs::path candidate = parent / base;
  for (int n = 1; disk.Kind(candidate.string()) != EntryKind::kMissing; ++n) {
    candidate = parent / (base + "-" + std::to_string(n));
  }
  return candidate;
}

// True when `path` is relative and no segment is empty or starts with '.'.
bool IsPublishablePath(const std::string& path) {
  if (path.empty()) return false;
  size_t start = 0;
  while (true) {
    const size_t slash = path.find('/', start);
    const size_t length = (slash == std::string::npos ? path.size() : slash) - start;
    if (length == 0 || path[start] == '.') return false;
    if (slash == std::string::npos) return true;
    start = slash + 1;
  }
}

Status UnsafePath(const std::string& path) {
  return Status::Error("refusing to write \"" + path + "\": hidden or unsafe path in the built site");
}

}  // namespace

StagedFolder::StagedFolder(std::string directory, FileWriter* disk)
    : disk_(disk ? *disk : DiskWriter()), directory_(std::move(directory)) {}

StagedFolder::~StagedFolder() {
  if (staging_.empty()) return;
  (void)disk_.RemoveAll(staging_);  // nothing more can be done about a failure here
}

Status StagedFolder::Open() {
  fs::path target(directory_);
  while (target.has_filename() == false && target.has_parent_path() && target != target.root_path()) {
    target = target.parent_path();  // "public/" → "public"
  }
  if (disk_.Kind(target.string()) == EntryKind::kFile) return Status::Error(directory_ + " exists and is not a folder");
  if (!target.parent_path().empty()) {
    if (Status s = disk_.MakeFolders(target.parent_path().string()); !s.ok()) return s;
  }
  const fs::path staging = FreshSibling(disk_, target, "new");
  if (Status s = disk_.MakeFolders(staging.string()); !s.ok()) return s;
  target_ = target.string();
  staging_ = staging.string();
  return Status::Ok();
}

void StagedFolder::Fail(Status status) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (failure_.ok()) failure_ = std::move(status);
}

bool StagedFolder::Failed() {
  std::lock_guard<std::mutex> lock(mutex_);
  return !failure_.ok();
}

bool StagedFolder::MakeParent(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return true;
  const std::string folder = path.substr(0, slash);
  if (folders_.count(folder)) return true;
  // Folders come mostly one level below one already made ("records/x"
  // after "records"): one mkdir, without create_directories' look at each
  // ancestor; a deeper new path falls back to it.
  const std::string full = staging_ + "/" + folder;
  if (disk_.MakeFolder(full).ok()) {
    folders_.insert(folder);
    return true;
  }
  if (Status status = disk_.MakeFolders(full); !status.ok()) {
    if (failure_.ok()) failure_ = std::move(status);
    return false;
  }
  folders_.insert(folder);
  return true;
}

void StagedFolder::Put(const std::string& path, std::string bytes) {
  // The renderer and the asset copier never produce such paths; this is the last line of defence.
  if (!IsPublishablePath(path)) return Fail(UnsafePath(path));
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!failure_.ok() || staging_.empty() || !MakeParent(path)) return;
  }
  Status status = disk_.WriteFile(staging_ + "/" + path, bytes, false);
  if (!status.ok()) Fail(std::move(status));
}

void StagedFolder::Append(const std::string& path, std::string_view bytes) {
  if (!IsPublishablePath(path)) return Fail(UnsafePath(path));
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!failure_.ok() || staging_.empty() || !MakeParent(path)) return;
  }
  Status status = disk_.WriteFile(staging_ + "/" + path, bytes, true);
  if (!status.ok()) Fail(std::move(status));
}

Status StagedFolder::Commit() {
  if (staging_.empty()) return Status::Error("cannot write " + directory_ + ": the staging folder was not made");
  if (Failed()) return failure_;
  // Swap: move the old output aside, move the new one in, then delete the old.
  std::string old;
  if (disk_.Kind(target_) != EntryKind::kMissing) {
    old = FreshSibling(disk_, target_, "old").string();
    if (Status s = disk_.Rename(target_, old); !s.ok()) return s.WithContext("cannot replace " + directory_);
  }
  if (Status s = disk_.Rename(staging_, target_); !s.ok()) {
    if (!old.empty()) (void)disk_.Rename(old, target_);  // put the old site back
    return s.WithContext("cannot move the new site into " + directory_);
  }
  staging_.clear();  // it is the target now
  if (!old.empty()) (void)disk_.RemoveAll(old);  // the new site is in place; a leftover is only untidy
  return Status::Ok();
}

Status WriteOutputTree(const OutputTree& tree, const std::string& directory, FileWriter* disk) {
  // Checked before the disk is touched.
  for (const auto& entry : tree) {
    if (!IsPublishablePath(entry.first)) return UnsafePath(entry.first);
  }
  StagedFolder staged(directory, disk);
  if (Status status = staged.Open(); !status.ok()) return status;
  std::vector<const std::pair<const std::string, std::string>*> files;
  for (const auto& entry : tree) files.push_back(&entry);
  ParallelFor(files.size(), [&](size_t i) { staged.Put(files[i]->first, files[i]->second); });
  return staged.Commit();
}

}  // namespace lantern
