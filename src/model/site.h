// The loaded, checked content of a site: settings, records and pages. Plain
// data; loading and checking are in src/load, rendering in src/render and
// src/assemble.
#ifndef LANTERN_MODEL_SITE_H_
#define LANTERN_MODEL_SITE_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/value.h"

namespace lantern {

struct SiteConfig {
  std::string title;
  std::string organisation;
  std::string base_url;   // always ends in '/'
  std::string root_path;  // the path part of base_url, always ends in '/'
  std::string language = "en";
  std::string contact_email;
  int review_interval_months = 12;
  std::string feedback_endpoint;  // empty: no form, offer contact_email
  std::string privacy_notice;
  int retention_days = 0;
  std::vector<std::string> services;
  // The day checks compare review dates with: TodayUtc() (SOURCE_DATE_EPOCH
  // when set). Not a setting of site.yaml.
  Date today;
};

struct Record {
  std::string source_path;  // as given to the loader, for diagnostics
  std::string id;
  std::string version;      // "4.0" or "3.0"
  unsigned version_bit = 0; // kV4 or kV3
  std::string status;       // draft, published or retired
  std::string phase;
  Value data;               // the whole document, checked against the schema
  std::set<std::string> withheld;  // field paths listed under redactions
  Date published;
  std::optional<Date> updated;
  std::optional<Date> archived;
  Date next_review;

  bool is_retired() const { return status == "retired" || phase == "retired"; }
  bool is_draft() const { return status == "draft"; }
  Date last_changed() const { return updated ? *updated : published; }
  // The text at a dotted path ("summary.name"), or "" when absent or not text.
  std::string Text(std::string_view dotted_path) const;
};

struct Page {
  std::string source_path;
  std::string slug;
  std::string title;
  std::string summary;
  int order = 0;
  bool navigation = false;
  std::optional<Date> updated;
  std::string body;         // Markdown after the front matter
  int body_first_line = 1;  // file line of the body's first line
};

struct Site {
  std::string root;  // the folder as given
  SiteConfig config;
  std::vector<Record> records;   // sorted by id; drafts only when asked for
  std::vector<Page> pages;       // sorted by slug; index.md is not among them
  std::optional<Page> home_intro;  // pages/index.md
};

}  // namespace lantern

#endif  // LANTERN_MODEL_SITE_H_
