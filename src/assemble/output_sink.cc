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
  std::shared_ptr<std::string>& file = growing_[path];
  if (!file) {
    auto it = tree_->find(path);
    file = std::make_shared<std::string>(it == tree_->end() ? std::string() : *it->second);
    (*tree_)[path] = file;
  }
  file->append(bytes);
}

}  // namespace lantern
