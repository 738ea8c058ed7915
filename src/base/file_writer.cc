#include "base/file_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace lantern {
namespace fs = std::filesystem;
namespace {

std::string ParentOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// "a/b/" is "a/b": callers may give a folder with its trailing slash.
std::string WithoutTrailingSlash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

class Disk final : public FileWriter {
 public:
  EntryKind Kind(const std::string& path) const override {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) return EntryKind::kMissing;
    return fs::is_directory(status) ? EntryKind::kDirectory : EntryKind::kFile;
  }

  Status MakeFolder(const std::string& path) override {
    if (::mkdir(path.c_str(), 0777) == 0) return Status::Ok();
    if (errno == EEXIST && Kind(path) == EntryKind::kDirectory) return Status::Ok();
    const int saved = errno;
    return Failure("cannot create " + path + ": " + std::strerror(saved), saved);
  }

  Status MakeFolders(const std::string& path) override {
    std::error_code error;
    fs::create_directories(path, error);
    if (error) return Status::IoError("cannot create " + path + ": " + error.message());
    return Status::Ok();
  }

  // Plain POSIX calls rather than an ofstream: the stream's buffer, locale
  // and extra copy cost more than the one open, write and close needed.
  Status WriteFile(const std::string& path, std::string_view bytes, bool append) override {
    const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC);
    const int fd = ::open(path.c_str(), flags, 0666);
    if (fd < 0) {
      const int saved = errno;
      return Failure("cannot write " + path + ": " + std::strerror(saved), saved);
    }
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
    if (!ok) return Status::IoError("cannot write " + path + ": write failed (is the disk full?)");
    return Status::Ok();
  }

  Status Rename(const std::string& from, const std::string& to) override {
    std::error_code error;
    fs::rename(from, to, error);
    if (error) return Status::IoError("cannot move " + from + " to " + to + ": " + error.message());
    return Status::Ok();
  }

  Status RemoveAll(const std::string& path) override {
    std::error_code error;
    fs::remove_all(path, error);
    if (error) return Status::IoError("cannot remove " + path + ": " + error.message());
    return Status::Ok();
  }

 private:
  static Status Failure(std::string message, int error_number) {
    return error_number == ENOENT ? Status::NotFound(std::move(message)) : Status::IoError(std::move(message));
  }
};

}  // namespace

FileWriter& DiskWriter() {
  static Disk disk;
  return disk;
}

MemoryWriter::MemoryWriter(const std::string& root) {
  for (std::string folder = WithoutTrailingSlash(root); !folder.empty(); folder = ParentOf(folder)) {
    folders_.insert(folder);
    if (folder == "/") break;
  }
}

bool MemoryWriter::IsFolder(const std::string& path) const {
  return path.empty() || path == "." || path == "/" || folders_.count(path) > 0;
}

bool MemoryWriter::ParentIsFolder(const std::string& path) const { return IsFolder(ParentOf(path)); }

EntryKind MemoryWriter::Kind(const std::string& given) const {
  const std::string path = WithoutTrailingSlash(given);
  std::lock_guard<std::mutex> lock(mutex_);
  if (IsFolder(path)) return EntryKind::kDirectory;
  return files_.count(path) ? EntryKind::kFile : EntryKind::kMissing;
}

Status MemoryWriter::MakeFolder(const std::string& given) {
  const std::string path = WithoutTrailingSlash(given);
  std::lock_guard<std::mutex> lock(mutex_);
  if (IsFolder(path)) return Status::Ok();
  if (files_.count(path)) return Status::IoError("cannot create " + path + ": a file is in the way");
  if (!ParentIsFolder(path)) return Status::NotFound("cannot create " + path + ": no such folder");
  folders_.insert(path);
  return Status::Ok();
}

Status MemoryWriter::MakeFolders(const std::string& given) {
  const std::string path = WithoutTrailingSlash(given);
  const std::string parent = ParentOf(path);
  if (!path.empty() && parent != path) {
    if (Status s = MakeFolders(parent); !s.ok()) return s;
  }
  return MakeFolder(path);
}

Status MemoryWriter::WriteFile(const std::string& path, std::string_view bytes, bool append) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!ParentIsFolder(path)) return Status::NotFound("cannot write " + path + ": no such folder");
  if (IsFolder(path)) return Status::IoError("cannot write " + path + ": it is a folder");
  if (limit_writes_) {
    if (writes_left_ == 0) return Status::IoError("cannot write " + path + ": write failed (is the disk full?)");
    --writes_left_;
  }
  std::string& file = files_[path];
  if (!append) file.clear();
  file.append(bytes);
  return Status::Ok();
}

Status MemoryWriter::Rename(const std::string& given_from, const std::string& given_to) {
  const std::string from = WithoutTrailingSlash(given_from);
  const std::string to = WithoutTrailingSlash(given_to);
  std::lock_guard<std::mutex> lock(mutex_);
  if (refused_renames_.erase(to) > 0) return Status::IoError("cannot move " + from + " to " + to + ": refused");
  if (IsFolder(to) || files_.count(to)) return Status::IoError("cannot move " + from + " to " + to + ": it exists");
  if (!ParentIsFolder(to)) return Status::NotFound("cannot move " + from + " to " + to + ": no such folder");
  if (files_.count(from)) {
    files_[to] = std::move(files_[from]);
    files_.erase(from);
    return Status::Ok();
  }
  if (!folders_.count(from)) return Status::NotFound("cannot move " + from + ": nothing there");
  const std::string below = from + "/";
  std::set<std::string> folders;
  for (const std::string& folder : folders_) {
    const bool moved = folder == from || folder.rfind(below, 0) == 0;
    folders.insert(moved ? to + folder.substr(from.size()) : folder);
  }
  folders_ = std::move(folders);
  std::map<std::string, std::string> files;
  for (auto& [path, bytes] : files_) {
    files.emplace(path.rfind(below, 0) == 0 ? to + path.substr(from.size()) : path, std::move(bytes));
  }
  files_ = std::move(files);
  return Status::Ok();
}

Status MemoryWriter::RemoveAll(const std::string& given) {
  const std::string path = WithoutTrailingSlash(given);
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string below = path + "/";
  files_.erase(path);
  for (auto it = files_.begin(); it != files_.end();) it = it->first.rfind(below, 0) == 0 ? files_.erase(it) : std::next(it);
  folders_.erase(path);
  for (auto it = folders_.begin(); it != folders_.end();) {
    it = it->rfind(below, 0) == 0 ? folders_.erase(it) : std::next(it);
  }
  return Status::Ok();
}

void MemoryWriter::FailWritesAfter(size_t writes) {
  std::lock_guard<std::mutex> lock(mutex_);
  limit_writes_ = true;
  writes_left_ = writes;
}

void MemoryWriter::FailNextRenameTo(const std::string& to) {
  std::lock_guard<std::mutex> lock(mutex_);
  refused_renames_.insert(WithoutTrailingSlash(to));
}

std::map<std::string, std::string> MemoryWriter::FilesUnder(const std::string& folder) const {
  const std::string below = WithoutTrailingSlash(folder) + "/";
  std::lock_guard<std::mutex> lock(mutex_);
  std::map<std::string, std::string> found;
  for (const auto& [path, bytes] : files_) {
    if (path.rfind(below, 0) == 0) found.emplace(path.substr(below.size()), bytes);
  }
  return found;
}

std::set<std::string> MemoryWriter::Paths() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::set<std::string> paths(folders_.begin(), folders_.end());
  for (const auto& [path, bytes] : files_) paths.insert(path);
  return paths;
}

}  // namespace lantern
