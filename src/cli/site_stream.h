// `build` and `check` without holding the site: site.yaml, the theme and the
// pages are loaded first, then the records in batches, each parsed, checked,
// rendered (its files go to the sink), its internal links collected and its
// tree dropped, keeping only what the site-wide pages need
// (KeepListedParts); the site-wide pages are then built from those. Memory
// is about a batch of records plus what each record keeps for the lists
// (measured on the 20,000-record bench site: about 7 KB a record while
// streaming, about 14 KB at the peak, while the records page is rendered,
// since its view's conversion and its HTML hold every listed record; the
// pages that list records are rendered one at a time, see BuildSiteWide).
//
// The result is the same as LoadSite, LoadTheme, BuildSite and
// CheckInternalLinks in turn (site_pipeline.cc): the same diagnostics (text and
// order) and, when there are none, the same files. Differences that do not
// show: on content errors some records' files may have reached the sink
// before the error was known (a failed build discards them, as it does
// today), and records.json and records.csv are written at the end (from a
// temporary file), because they list records by id and the files are read in
// the order of their names.
#ifndef LANTERN_CLI_SITE_STREAM_H_
#define LANTERN_CLI_SITE_STREAM_H_

#include <functional>
#include <string>

#include "assemble/built_pages.h"
#include "assemble/output_sink.h"
#include "assemble/site_builder.h"
#include "assemble/theme.h"
#include "base/diagnostic.h"
#include "base/file_system.h"
#include "base/status.h"
#include "load/site_loader.h"
#include "model/site.h"

namespace lantern {

struct StreamOptions {
  LoadOptions load;
  // Called once site.yaml is read (e.g. to set Site::feedback_summary), before
  // anything else is; a failed Status ends the build (a system error).
  std::function<Status(Site*)> prepare;
  // Called on a worker thread for each record about to be rendered
  // (--git-history, --feedback-stats); a failed Status ends the build.
  std::function<Status(Record*)> annotate;
  std::function<void(BuildProgress)> progress;
  // Records per batch; 0: the default (256). Tests give a small one, so that a
  // few dozen records cross several batches, as thousands do in a real build.
  size_t batch = 0;
};

// Loads, checks and renders the site at `root` on `files` into `sink`.
// Afterwards `site` holds the settings, pages and the records on the site as
// KeepListedParts left them; `theme`, `built` and `diagnostics` are as after
// the in-memory build. Returns an error Status only when `root` is not a
// site, a file cannot be read, `prepare` or `annotate` fail, or the temporary
// file for records.json cannot be written (then the build must fail).
Status StreamSite(const FileSystem& files, const std::string& root, const StreamOptions& options, OutputSink* sink,
                  Site* site, Theme* theme, BuiltPages* built, Diagnostics* diagnostics);

}  // namespace lantern

#endif  // LANTERN_CLI_SITE_STREAM_H_
