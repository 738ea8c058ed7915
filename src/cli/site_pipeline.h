// The steps `check` and `build` share: load the site, load the theme, render
// into memory, print what was found.
#ifndef LANTERN_CLI_SITE_PIPELINE_H_
#define LANTERN_CLI_SITE_PIPELINE_H_

#include <cstdio>
#include <string>

#include "assemble/output_tree.h"
#include "assemble/theme.h"
#include "base/file_system.h"
#include "base/diagnostic.h"
#include "model/site.h"

namespace lantern {

struct PipelineResult {
  int exit_code = 0;  // kExitOk, kExitContentErrors or kExitUsageOrSystem
  Site site;
  Theme theme;
  OutputTree output;
  Diagnostics diagnostics;
  double seconds = 0;
};

// Loads and renders `site_root`. Prints the diagnostics to `err` (and, on a
// terminal, a progress line while pages render). exit_code is 0 when the site
// rendered, 1 on content errors, 2 when the folder is not a site.
// With `git_history`, record pages also list the days their files changed in
// git (exit code 2 when the site is not a git checkout).
void RunPipeline(const std::string& site_root, bool include_drafts, std::FILE* err, PipelineResult* result,
                 bool git_history = false);
// The same over any file system, e.g. EmbeddedFiles() with root "content" (the
// example site). `git_history` needs a site on the disk.
void RunPipelineOn(const FileSystem& files, const std::string& site_root, bool include_drafts, std::FILE* err,
                   PipelineResult* result, bool git_history = false);

}  // namespace lantern

#endif  // LANTERN_CLI_SITE_PIPELINE_H_
