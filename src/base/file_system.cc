#include "base/file_system.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <set>
#include <system_error>

namespace lantern {

std::string JoinPath(const std::string& base, const std::string& name) {
  if (base.empty() || base == ".") return name;
  if (name.empty()) return base;
  if (base.back() == '/') return base + name;
  return base + "/" + name;
}

namespace {

std::string RealPath(const std::string& path) {
  char* resolved = realpath(path.c_str(), nullptr);
  if (resolved == nullptr) return "";
  std::string out(resolved);
  std::free(resolved);
  return out;
}

// Nothing there (ENOENT, or a folder on the way is a file) is kNotFound: a
// caller may treat a file deleted between listing and reading as gone.
// Anything else the system refused is kIo.
Status ReadError(const std::string& path, int error_number) {
  const std::string message = "cannot read " + path + ": " + std::strerror(error_number);
  if (error_number == ENOENT || error_number == ENOTDIR) return Status::NotFound(message);
  if (error_number == ELOOP) return Status::Invalid(message);  // a link swapped in while reading (O_NOFOLLOW)
  return Status::IoError(message);
}

// Read, but not a file the build may use.
Status RefusedFile(const std::string& path, const std::string& reason) {
  return Status::Invalid("cannot read " + path + ": " + reason);
}

// Reads an open descriptor to the end if it is a regular file; closes it.
Result<std::string> ReadRegularFile(int fd, const std::string& path) {
  struct stat info;
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    close(fd);
    return RefusedFile(path, "not a regular file");
  }
  std::string bytes;
  char buffer[65536];
  while (true) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int saved = errno;
      close(fd);
      return ReadError(path, saved);
    }
    if (n == 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return bytes;
}

}  // namespace

DiskFileSystem::DiskFileSystem(const std::string& site_root) : bounded_(true), real_root_(RealPath(site_root)) {}

std::string DiskFileSystem::Resolve(const std::string& path, const struct stat& link) const {
  const size_t slash = path.rfind('/');
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (S_ISLNK(link.st_mode) || slash == std::string::npos || slash == 0 || name.empty() || name == "." ||
      name == "..") {
    return RealPath(path);
  }
  const std::string folder = path.substr(0, slash);
  std::string resolved_folder;
  {
    std::lock_guard<std::mutex> lock(folders_->mutex);
    auto it = folders_->by_path.find(folder);
    if (it != folders_->by_path.end()) resolved_folder = it->second;
  }
  if (resolved_folder.empty()) {
    resolved_folder = RealPath(folder);
    if (resolved_folder.empty()) return RealPath(path);  // let realpath say why (errno)
    std::lock_guard<std::mutex> lock(folders_->mutex);
    folders_->by_path.emplace(folder, resolved_folder);
  }
  return resolved_folder == "/" ? "/" + name : resolved_folder + "/" + name;
}

bool DiskFileSystem::Inside(const std::string& resolved) const {
  if (!bounded_) return true;
  if (real_root_.empty() || resolved.empty()) return false;
  if (real_root_ == "/") return true;
  // "/srv/site-old" must not pass for "/srv/site".
  return resolved == real_root_ || resolved.compare(0, real_root_.size() + 1, real_root_ + "/") == 0;
}

EntryKind DiskFileSystem::Kind(const std::string& path) const {
  if (bounded_ && real_root_.empty()) return EntryKind::kMissing;  // no site folder, nothing in it
  struct stat link;
  if (lstat(path.c_str(), &link) != 0) return EntryKind::kMissing;
  const std::string resolved = Resolve(path, link);
  if (resolved.empty()) return S_ISLNK(link.st_mode) ? EntryKind::kDanglingLink : EntryKind::kMissing;
  if (!Inside(resolved)) return EntryKind::kLinkOutside;
  struct stat target;
  if (stat(resolved.c_str(), &target) != 0) return EntryKind::kMissing;
  if (S_ISREG(target.st_mode)) return EntryKind::kFile;
  if (S_ISDIR(target.st_mode)) return EntryKind::kDirectory;
  return EntryKind::kSpecial;
}

Result<std::string> DiskFileSystem::ReadFile(const std::string& path) const {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  constexpr int kFileFlags = O_RDONLY | O_NONBLOCK | O_CLOEXEC;
  if (!bounded_) {
    const int fd = open(path.c_str(), kFileFlags);
    if (fd < 0) return ReadError(path, errno);
    return ReadRegularFile(fd, path);
  }
  struct stat link;
  if (lstat(path.c_str(), &link) != 0) return ReadError(path, errno);
  const std::string resolved = Resolve(path, link);
  if (resolved.empty()) return ReadError(path, errno);
  if (!Inside(resolved) || resolved == real_root_) return RefusedFile(path, "it is outside the site folder");
  // Walk from the root, refusing a link at every step: realpath above saw
  // none, so one now means the tree changed under us.
  int dir = open(real_root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return ReadError(path, errno);
  const std::string relative = real_root_ == "/" ? resolved.substr(1) : resolved.substr(real_root_.size() + 1);
  size_t start = 0;
  for (size_t slash; (slash = relative.find('/', start)) != std::string::npos; start = slash + 1) {
    const std::string part = relative.substr(start, slash - start);
    const int next = openat(dir, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    const int saved = errno;
    close(dir);
    if (next < 0) return ReadError(path, saved);
    dir = next;
  }
  const int fd = openat(dir, relative.substr(start).c_str(), kFileFlags | O_NOFOLLOW);
  const int saved = errno;
  close(dir);
  if (fd < 0) return ReadError(path, saved);
  return ReadRegularFile(fd, path);
}

std::optional<FileStamp> DiskFileSystem::Stamp(const std::string& path) const {
  struct stat info;
  if (lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  const int64_t settled_before = (static_cast<int64_t>(now.tv_sec) - kStampSettleSeconds) * 1000000000;
  FileStamp stamp;
  stamp.device = static_cast<uint64_t>(info.st_dev);
  stamp.inode = static_cast<uint64_t>(info.st_ino);
  stamp.size = static_cast<uint64_t>(info.st_size);
  stamp.modified_ns = static_cast<int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
  stamp.changed_ns = static_cast<int64_t>(info.st_ctim.tv_sec) * 1000000000 + info.st_ctim.tv_nsec;
  if (stamp.modified_ns >= settled_before || stamp.changed_ns >= settled_before) return std::nullopt;
  return stamp;
}

long long DiskFileSystem::FileSize(const std::string& path) const {
  if (Kind(path) != EntryKind::kFile) return -1;
  struct stat info;
  return stat(path.c_str(), &info) == 0 ? static_cast<long long>(info.st_size) : -1;
}

bool DiskFileSystem::IsDirectory(const std::string& path) const { return Kind(path) == EntryKind::kDirectory; }

std::vector<std::string> DiskFileSystem::List(const std::string& path) const {
  std::vector<std::string> names;
  if (Kind(path) != EntryKind::kDirectory) return names;  // never list a folder outside the site
  std::error_code error;
  for (std::filesystem::directory_iterator it(path, error), end; !error && it != end;
       it.increment(error)) {
    names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

EntryKind MemoryFileSystem::Kind(const std::string& path) const {
  if (files_.count(path) > 0) return EntryKind::kFile;
  return IsDirectory(path) ? EntryKind::kDirectory : EntryKind::kMissing;
}

Result<std::string> MemoryFileSystem::ReadFile(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return Status::NotFound("cannot read " + path + ": No such file");
  return it->second;
}

long long MemoryFileSystem::FileSize(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? -1 : static_cast<long long>(it->second.size());
}

bool MemoryFileSystem::IsDirectory(const std::string& path) const {
  const std::string prefix = path.empty() || path == "." ? "" : path + "/";
  auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> MemoryFileSystem::List(const std::string& path) const {
  const std::string prefix = path.empty() || path == "." ? "" : path + "/";
  std::set<std::string> names;
  for (auto it = files_.lower_bound(prefix);
       it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    const std::string rest = it->first.substr(prefix.size());
    names.insert(rest.substr(0, rest.find('/')));
  }
  return {names.begin(), names.end()};
}

}  // namespace lantern
