// The steps `check` and `build` share: load the site, load the theme, render
// into memory, print what was found.
#ifndef LANTERN_CLI_SITE_PIPELINE_H_
#define LANTERN_CLI_SITE_PIPELINE_H_

#include <cstdio>
#include <string>

#include "assemble/output_tree.h"
#include "base/diagnostic.h"
#include "model/site.h"

namespace lantern {

struct PipelineResult {
  int exit_code = 0;  // kExitOk, kExitContentErrors or kExitUsageOrSystem
  Site site;
  OutputTree output;
  Diagnostics diagnostics;
  double seconds = 0;
};

// How diagnostics are reported.
struct ReportOptions {
  bool json = false;    // --format json: a JSON array on `out` instead of text on `err`
  bool strict = false;  // --strict: warnings count as errors
  std::FILE* out = stdout;
};

// Loads and renders `site_root`. Prints the diagnostics to `err` (and, on a
// terminal, a progress line while pages render). exit_code is 0 when the site
// rendered, 1 on content errors, 2 when the folder is not a site.
void RunPipeline(const std::string& site_root, bool include_drafts, const ReportOptions& report, std::FILE* err,
                 PipelineResult* result);

}  // namespace lantern

#endif  // LANTERN_CLI_SITE_PIPELINE_H_
