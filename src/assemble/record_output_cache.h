// The preview's memory of what it rendered, kept by `lantern serve`'s
// watcher from one rebuild to the next so that an edit to one record renders
// that record's page and the pages that list it, not thousands.
//
// A record's output depends only on the record, the site's settings and
// pages, the theme and the build day (record_output.h), so each is kept
// under a key that fingerprints all of those: the record file's path and
// bytes (from the RecordLoadCache, whose Record is made from nothing else
// but site.yaml, which the key holds too), site.yaml's and the pages' bytes,
// include_drafts and today (RecordLoadCache::site_fingerprint) and the whole
// theme (ThemeFingerprint). A site-wide page (a list, a filter page, a
// Markdown page, 404) is kept under the same context plus the keys of the
// records it shows and the facets it links to (site_builder.h, PageReuse).
// BuildSite reuses a kept output only when the key is the same; any other
// change renders it again.
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

// A file as kept: its bytes shared with the served tree, and its ids.
struct KeptFile {
  std::string path;
  SharedFile bytes;
  std::shared_ptr<const std::set<std::string>> ids;
};

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
  SharedFile json_entry;  // shared with records.json as the preview serves it (until it is joined)
  SharedFile csv_row;
  SharedFile search_entry;
  SharedFile list_row;  // its row of the lists (RecordListRow)
  std::shared_ptr<const std::vector<FeedEntryText>> feed_texts;  // its entries in feed.xml
  std::vector<KeptFile> notice_files;  // the decision-notice kit's files
  std::vector<InternalLink> links;  // CollectRecordLinks' (positions looked up when reported)
};

// One site-wide page as kept: its bytes, shared with the served tree, and its ids.
struct KeptPage {
  uint64_t key = 0;
  SharedFile html;
  std::shared_ptr<const std::set<std::string>> ids;
};

// What one build kept, by name (a record's source path, a page's output
// path), for the next: `Kept` has a `key`.
template <typename Kept>
class KeptOutputs {
 public:
  // What was kept under `name` with this `key`, or null.
  std::shared_ptr<const Kept> Find(const std::string& name, uint64_t key) const {
    auto it = kept_.find(name);
    return it != kept_.end() && it->second->key == key ? it->second : nullptr;
  }
  // During a build (from any thread): the output `name` used, found or made.
  void Use(const std::string& name, std::shared_ptr<const Kept> output) {
    std::lock_guard<std::mutex> lock(used_mutex_);
    used_[name] = std::move(output);
  }
  // At the end of a build: what it used replaces what was kept (names gone,
  // or not kept, are dropped). Counts what it rendered afresh.
  void EndBuild(size_t rendered) {
    std::lock_guard<std::mutex> lock(used_mutex_);
    kept_ = std::move(used_);
    used_.clear();
    last_rendered_ = rendered;
  }

  size_t last_rendered() const { return last_rendered_; }
  size_t size() const { return kept_.size(); }

 private:
  std::map<std::string, std::shared_ptr<const Kept>> kept_;
  std::mutex used_mutex_;
  std::map<std::string, std::shared_ptr<const Kept>> used_;
  size_t last_rendered_ = 0;
};

using RecordOutputCache = KeptOutputs<KeptRecordOutput>;
using PageOutputCache = KeptOutputs<KeptPage>;

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_RECORD_OUTPUT_CACHE_H_
