#include "assemble/output_sink.h"

namespace lantern {

void MemoryOutput::Put(const std::string& path, std::string bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  (*tree_)[path] = std::move(bytes);
}

void MemoryOutput::Append(const std::string& path, std::string_view bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  (*tree_)[path].append(bytes);
}

SharedOutputTree ShareTree(OutputTree tree) {
  SharedOutputTree shared;
  for (auto& [path, bytes] : tree) shared.emplace(path, std::make_shared<const std::string>(std::move(bytes)));
  return shared;
}

void SharedMemoryOutput::Put(const std::string& path, std::string bytes) {
  PutShared(path, std::make_shared<const std::string>(std::move(bytes)));
}

void SharedMemoryOutput::PutShared(const std::string& path, SharedFile bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  growing_.erase(path);
  (*tree_)[path] = std::move(bytes);
}

void SharedMemoryOutput::Append(const std::string& path, std::string_view bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [file, added] = growing_.try_emplace(path);
  if (added) {
    auto it = tree_->find(path);
    if (it != tree_->end()) file->second.push_back(*it->second);
  }
  file->second.emplace_back(bytes);
}

void SharedMemoryOutput::Finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& [path, parts] : growing_) {
    size_t size = 0;
    for (const std::string& part : parts) size += part.size();
    auto joined = std::make_shared<std::string>();
    joined->reserve(size);
    for (const std::string& part : parts) joined->append(part);
    (*tree_)[path] = std::move(joined);
  }
  growing_.clear();
}

}  // namespace lantern
