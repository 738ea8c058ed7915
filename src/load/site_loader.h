// Loads a whole site folder: site.yaml, records/*.yaml and pages/*.md, and
// checks what spans files: unique ids, services from the site's list, a
// privacy notice when the form is on.
#ifndef LANTERN_LOAD_SITE_LOADER_H_
#define LANTERN_LOAD_SITE_LOADER_H_

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "base/fingerprint.h"
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

// LoadSite's steps, for a build that streams its records (cli/site_stream.h)
// instead of holding them all: site.yaml (and the build day) first, with
// `config_ok` false when it has errors; the names of the record files, in the
// order LoadSite reads them; the pages (and the accessibility page's check).
// The Status is as LoadSite's.
// `inputs`, when given, is fed the bytes read (site.yaml, the day; the pages),
// for the preview's cache key.
Status LoadSiteSettings(const FileSystem& files, const std::string& root, const LoadOptions& options, Site* site,
                        bool* config_ok, Diagnostics* diagnostics, Fingerprint* inputs = nullptr);
// The record files (records/*.yaml) without their translations; a
// translation file on a site with one language is an error (L104).
std::vector<std::string> RecordFileNames(const FileSystem& files, const std::string& root, const SiteConfig& config,
                                         bool config_ok, Diagnostics* diagnostics);
Status LoadSitePages(const FileSystem& files, const std::string& root, bool config_ok, Site* site,
                     Diagnostics* diagnostics, Fingerprint* inputs = nullptr);

// What the checks across records need of a loaded record.
struct RecordIdentity {
  std::string id;
  bool explicit_id = false;  // "id:" is in the file (even empty), rather than the id coming from the file name
  SourceLocation id_location;
  std::string source_path;
  std::string service;
  SourceLocation service_location;
};
RecordIdentity IdentityOf(const Record& record);

// The checks across records, for the records loaded without errors, given in
// the order of their files: unique ids (a record whose id comes from its file
// name keeps it; the error goes to the one that set "id:" to a name already
// taken), unique short addresses (ShortCode: the later file's is an error,
// L082) and services from site.yaml's list (only when `config_ok`). Returns,
// for each, whether it stays on the site; errors go to `diagnostics`.
std::vector<bool> CheckAcrossRecords(const std::vector<RecordIdentity>& records, const SiteConfig& config,
                                     bool config_ok, Diagnostics* diagnostics);

// Parses site.yaml's text into `config`. Returns false (with errors added)
// when the file has errors.
bool LoadSiteConfig(const std::string& path, const std::string& text, SiteConfig* config, Diagnostics* diagnostics);

}  // namespace lantern

#endif  // LANTERN_LOAD_SITE_LOADER_H_
