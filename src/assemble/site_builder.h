// Renders a loaded site with a theme into an OutputTree or an OutputSink: the
// home page, the records list, a page per record with its data files, a page
// per Markdown page, 404.html, the site-wide data files and the theme's and
// site's assets. Pages render in parallel; the result does not depend on the
// order in which threads finish.
#ifndef LANTERN_ASSEMBLE_SITE_BUILDER_H_
#define LANTERN_ASSEMBLE_SITE_BUILDER_H_

#include <cstdint>
#include <functional>
#include <optional>

#include "assemble/built_pages.h"
#include "assemble/output_sink.h"
#include "assemble/record_output_cache.h"
#include "assemble/theme.h"
#include "base/diagnostic.h"
#include "model/site.h"

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

// The preview's: records' outputs kept between builds (record_output_cache.h).
struct RecordReuse {
  RecordOutputCache* cache = nullptr;
  // The key of everything `record`'s output depends on; nullopt: render it
  // and keep nothing.
  std::function<std::optional<uint64_t>(const Record&)> key;
};

// The same, each file given to `sink` as soon as it is made (from worker
// threads) and noted in `built` for the link checker, so that the build holds
// no more than a batch of records' output at once. On false, `sink` may have
// received some files: discard them (StagedFolder does unless committed).
// With `reuse`, a record whose key matches what the cache kept is not
// rendered: its kept files go to `sink` with PutShared; the site-wide files
// are always made afresh from every record's parts.
bool BuildSite(const Site& site, const Theme& theme, OutputSink* sink, BuiltPages* built, Diagnostics* diagnostics,
               const std::function<void(BuildProgress)>& progress = nullptr, const RecordReuse* reuse = nullptr);

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_SITE_BUILDER_H_
