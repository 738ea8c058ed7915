#include "assemble/output_tree.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

#include "base/parallel.h"

namespace lantern {
namespace fs = std::filesystem;
namespace {

// REQUIRES: the parent folder exists.
Status WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::Error("cannot write " + path.string() + ": " + std::strerror(errno));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::Error("cannot write " + path.string() + ": write failed (is the disk full?)");
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

}  // namespace

Status WriteOutputTree(const OutputTree& tree, const std::string& directory) {
  // The renderer and the asset copier never produce such paths; this is the
  // last line of defence, checked before the disk is touched.
  for (const auto& entry : tree) {
    if (!IsPublishablePath(entry.first)) {
      return Status::Error("refusing to write \"" + entry.first + "\": hidden or unsafe path in the built site");
    }
  }
  fs::path target(directory);
  while (target.has_filename() == false && target.has_parent_path() && target != target.root_path()) {
    target = target.parent_path();  // "public/" → "public"
  }
  std::error_code error;
  if (fs::exists(target, error) && !fs::is_directory(target, error)) {
    return Status::Error(directory + " exists and is not a folder");
  }
  if (!target.parent_path().empty()) {
    fs::create_directories(target.parent_path(), error);
    if (error) return Status::Error("cannot create " + target.parent_path().string() + ": " + error.message());
  }
  const fs::path staging = FreshSibling(target, "new");
  // Folders first (one thread), then the files on every core.
  std::vector<const std::pair<const std::string, std::string>*> files;
  for (const auto& entry : tree) {
    fs::create_directories((staging / entry.first).parent_path(), error);
    if (error) {
      const std::string message = error.message();
      fs::remove_all(staging, error);
      return Status::Error("cannot create a folder in " + staging.string() + ": " + message);
    }
    files.push_back(&entry);
  }
  std::vector<Status> results(files.size());
  ParallelFor(files.size(), [&](size_t i) { results[i] = WriteFile(staging / files[i]->first, files[i]->second); });
  for (const Status& status : results) {
    if (!status.ok()) {
      fs::remove_all(staging, error);
      return status;
    }
  }
  if (tree.empty()) fs::create_directories(staging, error);

  // Swap: move the old output aside, move the new one in, then delete the old.
  fs::path old;
  if (fs::exists(target, error)) {
    old = FreshSibling(target, "old");
    fs::rename(target, old, error);
    if (error) {
      fs::remove_all(staging, error);
      return Status::Error("cannot replace " + directory + ": " + error.message());
    }
  }
  fs::rename(staging, target, error);
  if (error) {
    const std::string message = error.message();
    if (!old.empty()) fs::rename(old, target, error);  // put the old site back
    fs::remove_all(staging, error);
    return Status::Error("cannot move the new site into " + directory + ": " + message);
  }
  if (!old.empty()) fs::remove_all(old, error);
  return Status::Ok();
}

}  // namespace lantern
