#include "assemble/record_output_cache.h"

namespace lantern {

std::shared_ptr<const KeptRecordOutput> RecordOutputCache::Find(const std::string& source_path, uint64_t key) const {
  auto it = kept_.find(source_path);
  return it != kept_.end() && it->second->key == key ? it->second : nullptr;
}

void RecordOutputCache::Use(const std::string& source_path, std::shared_ptr<const KeptRecordOutput> output) {
  std::lock_guard<std::mutex> lock(used_mutex_);
  used_[source_path] = std::move(output);
}

void RecordOutputCache::EndBuild(size_t rendered) {
  std::lock_guard<std::mutex> lock(used_mutex_);
  kept_ = std::move(used_);
  used_.clear();
  last_rendered_ = rendered;
}

}  // namespace lantern
