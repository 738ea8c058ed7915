#include "assemble/output_tree.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include "base/parallel.h"

namespace lantern {
namespace fs = std::filesystem;
namespace {

// REQUIRES: the parent folder exists. Plain POSIX calls rather than an
// ofstream: a site is thousands of small files, and the stream's buffer,
// locale and extra copy cost more than the one open, write and close needed.
Status WriteFile(const fs::path& path, std::string_view bytes, bool append) {
  const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC);
  const int fd = ::open(path.c_str(), flags, 0666);
  if (fd < 0) return Status::Error("cannot write " + path.string() + ": " + std::strerror(errno));
  bool ok = true;
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  if (::close(fd) != 0) ok = false;
  if (!ok) return Status::Error("cannot write " + path.string() + ": write failed (is the disk full?)");
  return Status::Ok();
}

// A sibling of `target` that does not exist yet, e.g. "public.lantern-new-1234".
fs::path FreshSibling(const fs::path& target, const std::string& tag) {
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string base = target.filename().string() + ".lantern-" + tag + "-" + std::to_string(getpid());
  fs::path candidate = parent / base;
  for (int n = 1; fs::exists(candidate); ++n) candidate = parent / (base + "-" + std::to_string(n));
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

StagedFolder::StagedFolder(std::string directory) : directory_(std::move(directory)) {}

StagedFolder::~StagedFolder() {
  if (staging_.empty()) return;
  std::error_code error;
  fs::remove_all(staging_, error);
}

Status StagedFolder::Open() {
  fs::path target(directory_);
  while (target.has_filename() == false && target.has_parent_path() && target != target.root_path()) {
    target = target.parent_path();  // "public/" → "public"
  }
  std::error_code error;
  if (fs::exists(target, error) && !fs::is_directory(target, error)) {
    return Status::Error(directory_ + " exists and is not a folder");
  }
  if (!target.parent_path().empty()) {
    fs::create_directories(target.parent_path(), error);
    if (error) return Status::Error("cannot create " + target.parent_path().string() + ": " + error.message());
  }
  const fs::path staging = FreshSibling(target, "new");
  fs::create_directories(staging, error);
  if (error) return Status::Error("cannot create " + staging.string() + ": " + error.message());
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
  if (::mkdir(full.c_str(), 0777) == 0 || errno == EEXIST) {
    folders_.insert(folder);
    return true;
  }
  std::error_code error;
  fs::create_directories(full, error);
  if (error) {
    if (failure_.ok()) failure_ = Status::Error("cannot create a folder in " + staging_ + ": " + error.message());
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
  Status status = WriteFile(fs::path(staging_) / path, bytes, false);
  if (!status.ok()) Fail(std::move(status));
}

void StagedFolder::Append(const std::string& path, std::string_view bytes) {
  if (!IsPublishablePath(path)) return Fail(UnsafePath(path));
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!failure_.ok() || staging_.empty() || !MakeParent(path)) return;
  }
  Status status = WriteFile(fs::path(staging_) / path, bytes, true);
  if (!status.ok()) Fail(std::move(status));
}

Status StagedFolder::Commit() {
  if (staging_.empty()) return Status::Error("cannot write " + directory_ + ": the staging folder was not made");
  if (Failed()) return failure_;
  const fs::path target(target_);
  const fs::path staging(staging_);
  std::error_code error;
  // Swap: move the old output aside, move the new one in, then delete the old.
  fs::path old;
  if (fs::exists(target, error)) {
    old = FreshSibling(target, "old");
    fs::rename(target, old, error);
    if (error) return Status::Error("cannot replace " + directory_ + ": " + error.message());
  }
  fs::rename(staging, target, error);
  if (error) {
    const std::string message = error.message();
    if (!old.empty()) fs::rename(old, target, error);  // put the old site back
    return Status::Error("cannot move the new site into " + directory_ + ": " + message);
  }
  staging_.clear();  // it is the target now
  if (!old.empty()) fs::remove_all(old, error);
  return Status::Ok();
}

Status WriteOutputTree(const OutputTree& tree, const std::string& directory) {
  // Checked before the disk is touched.
  for (const auto& entry : tree) {
    if (!IsPublishablePath(entry.first)) return UnsafePath(entry.first);
  }
  StagedFolder staged(directory);
  if (Status status = staged.Open(); !status.ok()) return status;
  std::vector<const std::pair<const std::string, std::string>*> files;
  for (const auto& entry : tree) files.push_back(&entry);
  ParallelFor(files.size(), [&](size_t i) { staged.Put(files[i]->first, files[i]->second); });
  return staged.Commit();
}

}  // namespace lantern
