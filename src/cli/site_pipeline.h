// The steps `check` and `build` share: load the site, load the theme, render
// into memory, print what was found.
#ifndef LANTERN_CLI_SITE_PIPELINE_H_
#define LANTERN_CLI_SITE_PIPELINE_H_

#include <cstdio>
#include <string>

#include "assemble/built_pages.h"
#include "assemble/output_sink.h"
#include "assemble/record_output_cache.h"
#include "assemble/theme.h"
#include "base/file_system.h"
#include "base/diagnostic.h"
#include "load/record_cache.h"
#include "model/site.h"

namespace lantern {

struct PipelineResult {
  int exit_code = 0;  // kExitOk, kExitContentErrors or kExitUsageOrSystem
  Site site;
  Theme theme;
  // A bilingual site's themes, one per language in site.yaml's order (the
  // default's strings are also `theme`'s): the server's form uses them.
  std::vector<Theme> edition_themes;
  SharedOutputTree output;  // the files, unless PipelineOptions::sink took them
  // With PipelineOptions::keep_parts: records.json and records.csv, as their
  // parts (not in `output`).
  SharedPartsTree output_parts;
  BuiltPages built;      // every file's path and each page's ids
  Diagnostics diagnostics;
  double seconds = 0;
};

// How diagnostics are reported.
struct ReportOptions {
  bool json = false;    // --format json: a JSON array on `out` instead of text on `err`
  bool strict = false;  // --strict: warnings count as errors
  std::FILE* out = stdout;
};

// The preview's caches, kept by `lantern serve`'s watcher from one rebuild
// to the next: record files' parses (load/record_cache.h), records' outputs
// and site-wide pages (assemble/record_output_cache.h). The result of a run with them is
// the same, file for file and diagnostic for diagnostic, as one without.
struct PreviewCache {
  RecordLoadCache records;
  RecordOutputCache outputs;
  PageOutputCache pages;  // the site-wide pages (home, lists, filter pages, Markdown pages, 404)
};

// Loads and renders `site_root`. Prints the diagnostics to `err` (and, on a
// terminal, a progress line while pages render). exit_code is 0 when the site
// rendered, 1 on content errors, 2 when the folder is not a site.
struct PipelineOptions {
  bool include_drafts = false;  // keep records whose status is draft
  bool git_history = false;     // list on record pages the days their files changed in git (disk only)
  // A feedback store (opened read-only) whose counts of the 12 months to the
  // build date go on record pages and into the open data; "" for none.
  std::string feedback_stats;
  // Where the files go as they are rendered; null: into PipelineResult::output.
  // On a failed build the sink may hold some files: the caller discards them.
  OutputSink* sink = nullptr;
  // The preview's caches; null for build and check. Not used with
  // git_history or feedback_stats (their inputs are outside the site's files).
  PreviewCache* cache = nullptr;
  // The appended files (records.json, records.csv) go to
  // PipelineResult::output_parts as their parts, unjoined: for the preview,
  // which joins them only when they are asked for. Not used with `stream`.
  bool keep_parts = false;
  // Stream the records (cli/site_stream.h: no record's tree outlives its
  // rendering; the same diagnostics and files) instead of loading the whole site;
  // PipelineResult::site then holds the records as KeepListedParts leaves
  // them. `build` and `check` stream; the preview keeps the whole site.
  bool stream = false;
  size_t stream_batch = 0;  // records per streamed batch; 0: the default (StreamOptions::batch)
  ReportOptions report;
};

// Loads and renders `site_root` on the disk. Prints the diagnostics to `err`
// (and, on a terminal, a progress line while pages render). exit_code is 0
// when the site rendered, 1 on content errors (including broken internal
// links), 2 when the folder is not a site, with git_history not a git
// checkout, or with feedback_stats not a feedback store that can be read.
void RunPipeline(const std::string& site_root, const PipelineOptions& options, std::FILE* err, PipelineResult* result);
// The same over any file system, e.g. EmbeddedFiles() with root "content" (the
// example site).
void RunPipelineOn(const FileSystem& files, const std::string& site_root, const PipelineOptions& options,
                   std::FILE* err, PipelineResult* result);

}  // namespace lantern

#endif  // LANTERN_CLI_SITE_PIPELINE_H_
