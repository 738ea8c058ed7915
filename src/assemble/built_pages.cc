#include "assemble/built_pages.h"

#include <algorithm>

namespace lantern {
namespace {

bool IsHtml(const std::string& path) { return path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0; }

}  // namespace

void BuiltPages::CollectIds(std::string_view html, std::set<std::string>* ids) {
  for (size_t at = html.find(" id=\""); at != std::string_view::npos; at = html.find(" id=\"", at + 1)) {
    const size_t start = at + 5;
    const size_t end = html.find('"', start);
    if (end == std::string_view::npos) break;
    ids->emplace(html.substr(start, end - start));
  }
}

std::shared_ptr<const std::set<std::string>> BuiltPages::Add(const std::string& path, std::string_view bytes) {
  if (!IsHtml(path)) {
    std::lock_guard<std::mutex> lock(*mutex_);
    files_[path] = nullptr;
    return nullptr;
  }
  std::set<std::string> ids;
  CollectIds(bytes, &ids);  // outside the lock: the slow part
  return AddIds(path, std::move(ids));
}

std::shared_ptr<const std::set<std::string>> BuiltPages::AddIds(const std::string& path, std::set<std::string> ids) {
  std::string key;
  for (const std::string& id : ids) key += id + '\n';
  std::lock_guard<std::mutex> lock(*mutex_);
  std::shared_ptr<const std::set<std::string>>& shared = shared_[key];
  if (!shared) shared = std::make_shared<const std::set<std::string>>(std::move(ids));
  auto [it, inserted] = files_.try_emplace(path, shared);
  if (inserted) {
    ++html_count_;
  } else {
    it->second = shared;
  }
  return shared;
}

void BuiltPages::AddPage(const std::string& path, std::shared_ptr<const std::set<std::string>> ids) {
  static const auto kNone = std::make_shared<const std::set<std::string>>();
  if (!ids) ids = kNone;
  std::lock_guard<std::mutex> lock(*mutex_);
  auto [it, inserted] = files_.try_emplace(path, ids);
  if (inserted) {
    ++html_count_;
  } else {
    it->second = std::move(ids);
  }
}

void BuiltPages::AddEdition(const BuiltPages& other, const std::string& prefix, bool (*skip)(std::string_view path)) {
  std::lock_guard<std::mutex> lock(*mutex_);
  for (const auto& [path, ids] : other.files_) {
    if (skip(path)) continue;
    auto [it, inserted] = files_.try_emplace(prefix + path, ids);
    if (inserted && IsHtml(path)) ++html_count_;
    if (!inserted) it->second = ids;
  }
}

const std::set<std::string>& BuiltPages::Anchors(const std::string& path) const {
  static const std::set<std::string> kNone;
  auto it = files_.find(path);
  return it == files_.end() || !it->second ? kNone : *it->second;
}

std::vector<std::string> BuiltPages::Paths() const {
  std::vector<std::string> paths;
  paths.reserve(files_.size());
  for (const auto& entry : files_) paths.push_back(entry.first);
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace lantern
