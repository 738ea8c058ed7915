// Everything one record contributes to a build, made in one pass from the
// record: its page, its JSON and Atom files, and its parts of the site-wide
// records.json, records.csv and feed.xml. A record's output depends only on
// the record, the site's settings and pages (the navigation), the theme and
// the build day, never on other records: so records can be rendered in any
// order, in parallel, and (in the preview) kept from one build to the next.
#ifndef LANTERN_ASSEMBLE_RECORD_OUTPUT_H_
#define LANTERN_ASSEMBLE_RECORD_OUTPUT_H_

#include <optional>
#include <string>
#include <vector>

#include "assemble/notice_kit.h"
#include "assemble/site_index.h"
#include "assemble/theme.h"
#include "base/diagnostic.h"
#include "model/site.h"
#include "publish/atom_feed.h"
#include "render/markdown.h"
#include "render/template.h"

namespace lantern {

struct RecordOutput {
  std::string page_path;   // "records/<id>/index.html"
  std::string page_html;   // empty when the page failed to render
  std::string json_path;   // "records/<id>.json"
  std::string json_file;
  std::string feed_path;   // "records/<id>/feed.xml"
  std::string feed_file;
  std::string json_entry;  // its entry in records.json
  std::string csv_row;     // its row in records.csv
  std::string search_entry;  // its entry in search-index.json (SearchIndexEntry)
  std::string list_row;      // its row of the records table, on every list that shows it (RecordListRow)
  std::vector<FeedEntryText> feed_texts;  // its entries in feed.xml
  std::vector<OutputFile> notice_files;  // its decision-notice kit (notice_kit.h), page first
  // The links of the Markdown fields the page shows, found as they were
  // rendered: CollectRecordLinks takes them instead of parsing them again.
  std::vector<MarkdownFieldLinks> markdown_links;
};

// The theme's record_row partial rendered for `record`'s list entry, or
// std::nullopt with the template's error. Every list shows a record's row
// alike, so it is rendered once, with the record's other output.
std::optional<std::string> RecordListRow(const Site& site, const Theme& theme, TemplateSet* templates,
                                         const Record& record, Diagnostics* diagnostics);

// Renders `record` with `templates` (a set of the caller's own: template sets
// are not thread-safe). Returns false, with the template's errors in
// `diagnostics`, when the page could not be rendered; the data files are made
// either way.
bool RenderRecordOutput(const Site& site, const SiteIndex& index, const Theme& theme, TemplateSet* templates,
                        const Record& record, Diagnostics* diagnostics, RecordOutput* output);

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_RECORD_OUTPUT_H_
