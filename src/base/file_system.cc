#include "base/file_system.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

namespace lantern {

std::string JoinPath(const std::string& base, const std::string& name) {
  if (base.empty() || base == ".") return name;
  if (name.empty()) return base;
  if (base.back() == '/') return base + name;
  return base + "/" + name;
}

Result<std::string> DiskFileSystem::ReadFile(const std::string& path) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Status::Error("cannot read " + path + ": read failed");
  return bytes.str();
}

long long DiskFileSystem::FileSize(const std::string& path) const {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return -1;
  const auto size = std::filesystem::file_size(path, error);
  return error ? -1 : static_cast<long long>(size);
}

bool DiskFileSystem::IsDirectory(const std::string& path) const {
  std::error_code error;
  return std::filesystem::is_directory(path, error);
}

std::vector<std::string> DiskFileSystem::List(const std::string& path) const {
  std::vector<std::string> names;
  std::error_code error;
  for (std::filesystem::directory_iterator it(path, error), end; !error && it != end;
       it.increment(error)) {
    names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

Result<std::string> MemoryFileSystem::ReadFile(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return Status::Error("cannot read " + path + ": No such file");
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
