// The preview's memory of each record's output (assemble/record_output.h),
// kept by `lantern serve`'s watcher from one rebuild to the next so that an
// edit to one record renders one record page, not thousands.
//
// A record's output depends only on the record, the site's settings and
// pages, the theme and the build day (record_output.h), so each is kept
// under a key that fingerprints all of those: the record file's path and
// bytes (from the RecordLoadCache, whose Record is made from nothing else
// but site.yaml, which the key holds too), site.yaml's and the pages' bytes,
// include_drafts and today (RecordLoadCache::site_fingerprint) and the whole
// theme (ThemeFingerprint). BuildSite reuses a kept output only when the key
// is the same; any other change renders the record again.
#ifndef LANTERN_ASSEMBLE_RECORD_OUTPUT_CACHE_H_
#define LANTERN_ASSEMBLE_RECORD_OUTPUT_CACHE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "assemble/link_checker.h"
#include "assemble/output_sink.h"
#include "publish/atom_feed.h"

namespace lantern {

// One record's output as kept: the files' bytes shared with the served tree
// (never copied), the page's ids and the Markdown's internal links for the
// link checker, and the parts of the site-wide files.
struct KeptRecordOutput {
  uint64_t key = 0;
  std::string page_path;
  SharedFile page_html;
  std::shared_ptr<const std::set<std::string>> page_ids;
  std::string json_path;
  SharedFile json_file;
  std::string feed_path;
  SharedFile feed_file;
  std::string json_entry;
  std::string csv_row;
  std::vector<FeedEntry> feed_entries;
  std::vector<InternalLink> links;  // CollectRecordLinks' (positions looked up when reported)
};

class RecordOutputCache {
 public:
  // What was kept for the record read from `source_path` under `key`, or null.
  std::shared_ptr<const KeptRecordOutput> Find(const std::string& source_path, uint64_t key) const;
  // During a build (from any thread): the output the record from
  // `source_path` used, found or made.
  void Use(const std::string& source_path, std::shared_ptr<const KeptRecordOutput> output);
  // At the end of a build: what it used replaces what was kept (records
  // gone, or not cached, are dropped). Counts what it rendered afresh.
  void EndBuild(size_t rendered);

  size_t last_rendered() const { return last_rendered_; }
  size_t size() const { return kept_.size(); }

 private:
  std::map<std::string, std::shared_ptr<const KeptRecordOutput>> kept_;
  std::mutex used_mutex_;
  std::map<std::string, std::shared_ptr<const KeptRecordOutput>> used_;
  size_t last_rendered_ = 0;
};

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_RECORD_OUTPUT_CACHE_H_
