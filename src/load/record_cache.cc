#include "load/record_cache.h"

#include "base/fingerprint.h"

namespace lantern {

uint64_t RecordLoadCache::HashOf(std::string_view bytes) { return Fingerprint().Add(bytes).value(); }

std::shared_ptr<const ParsedRecordFile> RecordLoadCache::Find(const std::string& path, size_t size,
                                                             uint64_t hash) const {
  auto it = files_.find(path);
  if (it == files_.end() || it->second->size != size || it->second->hash != hash) return nullptr;
  return it->second;
}

std::shared_ptr<const ParsedRecordFile> RecordLoadCache::FindUnchanged(const std::string& path,
                                                                      const FileStamp& stamp) const {
  auto it = files_.find(path);
  if (it == files_.end() || !it->second->stamp || !(*it->second->stamp == stamp)) return nullptr;
  return it->second;
}

void RecordLoadCache::Replace(std::map<std::string, std::shared_ptr<const ParsedRecordFile>> files, size_t parsed) {
  files_ = std::move(files);
  last_parsed_ = parsed;
}

std::optional<uint64_t> RecordLoadCache::FileFingerprint(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return Fingerprint().Add(path).Add(it->second->size).Add(it->second->hash).value();
}

}  // namespace lantern
