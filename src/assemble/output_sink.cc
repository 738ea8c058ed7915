#include "assemble/output_sink.h"

#include <iterator>
#include <utility>

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
  AppendShared(path, std::make_shared<const std::string>(bytes));
}

void SharedMemoryOutput::AppendShared(const std::string& path, SharedFile bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [file, added] = growing_.try_emplace(path);
  if (added) {
    auto it = tree_->find(path);
    if (it != tree_->end()) file->second.push_back(it->second);
  }
  file->second.push_back(std::move(bytes));
}

void SharedMemoryOutput::Finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (parts_) {
    for (auto& [path, parts] : growing_) {
      tree_->erase(path);
      std::vector<SharedFile>& kept = (*parts_)[path];
      kept.insert(kept.end(), std::make_move_iterator(parts.begin()), std::make_move_iterator(parts.end()));
    }
    growing_.clear();
    return;
  }
  for (const auto& [path, parts] : growing_) (*tree_)[path] = JoinParts(parts);
  growing_.clear();
}

SharedFile JoinParts(const std::vector<SharedFile>& parts) {
  size_t size = 0;
  for (const SharedFile& part : parts) size += part->size();
  auto joined = std::make_shared<std::string>();
  joined->reserve(size);
  for (const SharedFile& part : parts) joined->append(*part);
  return joined;
}

}  // namespace lantern
