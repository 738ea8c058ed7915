// Renders a loaded site with a theme into an OutputTree or an OutputSink: the
// home page, the records list, a page per record with its data files, a page
// per Markdown page, 404.html, the site-wide data files and the theme's and
// site's assets. Pages render in parallel; the result does not depend on the
// order in which threads finish.
#ifndef LANTERN_ASSEMBLE_SITE_BUILDER_H_
#define LANTERN_ASSEMBLE_SITE_BUILDER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "assemble/built_pages.h"
#include "assemble/link_checker.h"
#include "assemble/output_sink.h"
#include "assemble/record_output.h"
#include "assemble/record_output_cache.h"
#include "assemble/site_index.h"
#include "assemble/theme.h"
#include "base/diagnostic.h"
#include "model/site.h"
#include "publish/atom_feed.h"

namespace lantern {

struct BuildProgress {
  size_t done = 0;
  size_t total = 0;
};

// Returns true and fills `output` when every page rendered; otherwise returns
// false with the errors in `diagnostics` (and `output` must not be used).
// `progress`, when set, is called from worker threads as pages finish.
bool BuildSite(const Site& site, const Theme& theme, OutputTree* output, Diagnostics* diagnostics,
               const std::function<void(BuildProgress)>& progress = nullptr);

// The preview's: records' outputs and site-wide pages kept between builds
// (record_output_cache.h).
struct RecordReuse {
  RecordOutputCache* cache = nullptr;
  // The key of everything `record`'s output depends on; nullopt: render it
  // and keep nothing.
  std::function<std::optional<uint64_t>(const Record&)> key;
  // When set, site-wide pages are kept too, each under `context` (what every
  // page depends on: settings, pages, theme, today) and the keys of the
  // records it shows: a Markdown page or 404 none, a filter page its facet's,
  // the home, records and data pages every record's.
  PageOutputCache* pages = nullptr;
  uint64_t context = 0;
  // Set by BuildSite: the internal links of every record's Markdown
  // (CollectRecordLinks', in record order), from the kept output when there
  // was one, so that the link check parses no unchanged record again.
  std::vector<InternalLink> links;
};

// The same, each file given to `sink` as soon as it is made (from worker
// threads) and noted in `built` for the link checker, so that the build holds
// no more than a batch of records' output at once. On false, `sink` may have
// received some files: discard them (StagedFolder does unless committed).
// With `reuse`, a record whose key matches what the cache kept is not
// rendered: its kept files go to `sink` with PutShared; so do site-wide
// pages whose key matches (RecordReuse::pages). The site-wide data files
// (records.json, records.csv, feed.xml, the sitemap and the search index)
// are always made afresh from every record's parts.
bool BuildSite(const Site& site, const Theme& theme, OutputSink* sink, BuiltPages* built, Diagnostics* diagnostics,
               const std::function<void(BuildProgress)>& progress = nullptr, RecordReuse* reuse = nullptr);

// What each record gave the site-wide files with its other output, indexed
// as site.records: its entry of search-index.json (SearchIndexEntry) and its
// row of the lists (RecordListRow). BuildSite holds them in memory (the
// preview's cache keeps them); a streamed build keeps them in temporary files
// (cli/site_stream.cc), read back as the lists and the index are written.
class ListedParts {
 public:
  virtual ~ListedParts() = default;
  // Appends record `k`'s entry or row to `out`. A source that cannot read
  // one back (the disk) appends nothing and remembers it: its owner reports
  // the failure after BuildSiteWide.
  virtual void AppendSearchEntry(size_t k, std::string* out) const = 0;
  virtual void AppendRow(size_t k, std::string* out) const = 0;
};

// ListedParts in memory, shared with the preview's cache.
struct ListedPartsInMemory final : ListedParts {
  std::vector<SharedFile> search_entries;
  std::vector<SharedFile> rows;
  void AppendSearchEntry(size_t k, std::string* out) const override { *out += *search_entries[k]; }
  void AppendRow(size_t k, std::string* out) const override { *out += *rows[k]; }
};

// BuildSite's two halves, which a build that streams its records
// (cli/site_stream.h) uses too:
//
// RecordRenderer renders one record at a time, from any thread:
// RenderRecordOutput, then its page, JSON and feed go to `sink` and `built`;
// `output` keeps the parts of the site-wide files (json_entry, csv_row,
// feed_texts, search_entry, list_row). Returns false when the page failed
// to render. `site` and `index` are only read for the settings, pages and
// navigation.
class RecordRenderer {
 public:
  RecordRenderer(const Site& site, const SiteIndex& index, const Theme& theme);
  ~RecordRenderer();
  bool Render(const Record& record, OutputSink* sink, BuiltPages* built, Diagnostics* diagnostics,
              RecordOutput* output);
  // Only RenderRecordOutput, with nothing given to a sink: for a caller that
  // keeps the output (the preview's cache).
  bool RenderOnly(const Record& record, Diagnostics* diagnostics, RecordOutput* output);
  // Gives `output`'s page (when it rendered), JSON and feed to `sink` and
  // `built`, leaving those three empty: Render's second half.
  static void PutFiles(OutputSink* sink, BuiltPages* built, RecordOutput* output);

 private:
  struct Pool;
  const Site& site_;
  const SiteIndex& index_;
  const Theme& theme_;
  std::unique_ptr<Pool> pool_;
};

// Then, with every record rendered (`records_ok`: all their pages did) and
// `site.records` the records that are on the site (BuildSiteWide reads of
// them only what lists, filter pages, the sitemap and the search index show):
// the site-wide pages, and when they and the records rendered without error,
// the schema files, the sitemap, robots.txt, the search index and the
// theme's assets. records.json, records.csv and (when this returns true)
// feed.xml are the caller's. Returns false on any error.
// `so_far` is the progress before it (its total counts these pages too).
// `index` is IndexSite(site)'s, made once by the caller. With `reuse` (and
// its `pages`), a page whose key matches what was kept is not rendered again.
// `parts` holds each record's search-index entry and row of the lists, made
// with its other output (RecordOutput's search_entry and list_row), so that
// the search index and the lists are only joined: one of each per record of
// `site`, none null (both callers render every record before this).
bool BuildSiteWide(const Site& site, const SiteIndex& index, const Theme& theme, bool records_ok,
                   OutputSink* sink, BuiltPages* built, Diagnostics* diagnostics,
                   const std::function<void(BuildProgress)>& progress, BuildProgress so_far,
                   const ListedParts& parts, const RecordReuse* reuse = nullptr);

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_SITE_BUILDER_H_
