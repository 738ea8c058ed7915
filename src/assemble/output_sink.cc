#include "assemble/output_sink.h"

#include <iterator>
#include <utility>

#include "base/parallel.h"

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
  std::vector<std::pair<const std::string*, std::vector<SharedFile>*>> files;
  for (auto& [path, parts] : growing_) files.emplace_back(&path, &parts);
  std::vector<SharedFile> joined(files.size());
  // records.json and records.csv, each tens of megabytes, on two cores at once.
  ParallelFor(files.size(), [&](size_t i) {
    size_t size = 0;
    for (const SharedFile& part : *files[i].second) size += part->size();
    auto file = std::make_shared<std::string>();
    file->reserve(size);
    for (const SharedFile& part : *files[i].second) file->append(*part);
    joined[i] = std::move(file);
  });
  for (size_t i = 0; i < files.size(); ++i) (*tree_)[*files[i].first] = std::move(joined[i]);
  growing_.clear();
}

}  // namespace lantern
