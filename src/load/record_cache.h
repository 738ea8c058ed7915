// The preview's memory of loaded record files, kept by `lantern serve`'s
// watcher from one rebuild to the next (LoadOptions::cache; build and check
// have none). LoadSite parses and checks again only the files whose bytes
// changed: for the others it takes the Record and the diagnostics ParseRecord
// made last time. A file whose stamp (FileSystem::Stamp) is the one it had
// when last read, and that had no diagnostics, is not even read again. ParseRecord depends
// on nothing but the file's path and bytes, so a replayed result is the one a
// fresh load would make; what depends on site.yaml and the day
// (FinishRecord) and the checks across files (unique ids, services) run on
// every load.
#ifndef LANTERN_LOAD_RECORD_CACHE_H_
#define LANTERN_LOAD_RECORD_CACHE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "model/site.h"

namespace lantern {

// What ParseRecord made of one file's bytes, and what FinishRecord then
// added under the last settings it was finished with.
struct ParsedRecordFile {
  size_t size = 0;
  uint64_t hash = 0;              // base/fingerprint.h says why a 64-bit hash is enough
  // The file's settled stamp, taken before its bytes were read; nullopt when
  // it had none (FileSystem::Stamp). The same stamp next time means the same
  // bytes, so a clean file need not be read again.
  std::optional<FileStamp> stamp;
  std::optional<Record> record;   // nullopt: the file has errors
  std::vector<Diagnostic> diagnostics;
  // FinishRecord depends on nothing but the record and the settings (site.yaml's
  // bytes, the folder, include_drafts and today; LoadSite fingerprints them):
  // under the same settings its result is replayed, not computed again.
  std::optional<uint64_t> finished_under;  // that fingerprint; nullopt: not finished yet
  Date next_review;
  std::vector<Diagnostic> finish_diagnostics;
};

class RecordLoadCache {
 public:
  // The fingerprint LoadSite keys files by: the bytes' length and hash.
  static uint64_t HashOf(std::string_view bytes);

  // What was kept for `path` when its bytes had this size and hash; null when
  // the file is new or changed.
  std::shared_ptr<const ParsedRecordFile> Find(const std::string& path, size_t size, uint64_t hash) const;
  // What was kept for `path` when it had this stamp, without reading it; null
  // when the stamp differs or was not known.
  std::shared_ptr<const ParsedRecordFile> FindUnchanged(const std::string& path, const FileStamp& stamp) const;
  // After each load: the files it read, each with what it used; every other
  // entry (a deleted or renamed file) is dropped.
  void Replace(std::map<std::string, std::shared_ptr<const ParsedRecordFile>> files, size_t parsed);

  // The fingerprint of `path`'s bytes (path, size and hash) as the last load read them, or nullopt when it did
  // not read that file.
  std::optional<uint64_t> FileFingerprint(const std::string& path) const;
  // The fingerprint of everything else the last load read and was asked:
  // the site folder, site.yaml's and every page's path and bytes,
  // include_drafts and today. Two loads with the same SiteFingerprint made the
  // same SiteConfig and pages.
  uint64_t site_fingerprint() const { return site_fingerprint_; }
  void set_site_fingerprint(uint64_t fingerprint) { site_fingerprint_ = fingerprint; }

  // Of the last load: files parsed afresh (the rest came from the cache).
  size_t last_parsed() const { return last_parsed_; }
  size_t size() const { return files_.size(); }

 private:
  std::map<std::string, std::shared_ptr<const ParsedRecordFile>> files_;
  uint64_t site_fingerprint_ = 0;
  size_t last_parsed_ = 0;
};

}  // namespace lantern

#endif  // LANTERN_LOAD_RECORD_CACHE_H_
