// Loads a whole site folder: site.yaml, records/*.yaml and pages/*.md, and
// checks what spans files: unique ids, services from the site's list, a
// privacy notice when the form is on.
#ifndef LANTERN_LOAD_SITE_LOADER_H_
#define LANTERN_LOAD_SITE_LOADER_H_

#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "base/status.h"
#include "load/record_cache.h"
#include "model/site.h"

namespace lantern {

struct LoadOptions {
  bool include_drafts = false;  // keep records whose status is draft
  // The day review dates are checked against; default TodayUtc(), which
  // honours SOURCE_DATE_EPOCH.
  std::optional<Date> today;
  // The preview's (load/record_cache.h): record files whose bytes are
  // unchanged since the last load with it are not parsed again, and it is
  // left holding the fingerprints of what this load read. Null for build and
  // check.
  RecordLoadCache* cache = nullptr;
};

// Reads the site at `root` on `files` into `site`. Content problems go to
// `diagnostics` (loading goes on, so one run reports them all); the Status is
// an error only when `root` is not a site at all (missing folder, no
// site.yaml) or cannot be read.
Status LoadSite(const FileSystem& files, const std::string& root, const LoadOptions& options, Site* site,
                Diagnostics* diagnostics);

// Parses site.yaml's text into `config`. Returns false (with errors added)
// when the file has errors.
bool LoadSiteConfig(const std::string& path, const std::string& text, SiteConfig* config, Diagnostics* diagnostics);

}  // namespace lantern

#endif  // LANTERN_LOAD_SITE_LOADER_H_
