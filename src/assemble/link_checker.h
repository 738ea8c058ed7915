// Checks the links inside Markdown (pages, the home introduction and records'
// Markdown fields) against the built site: a link to a page or record that
// does not exist (L076) or to a #anchor that the target page does not have
// (L077) is an error, positioned at the link in its source file.
//
// A link is internal when it starts with '/' (not '//'), with the site's
// base_url, or with '#' (the same page). The built output is the truth: the
// target must be one of its files, and the anchor an id="…" in that file
// (BuiltPages keeps both after the files are written).
#ifndef LANTERN_ASSEMBLE_LINK_CHECKER_H_
#define LANTERN_ASSEMBLE_LINK_CHECKER_H_

#include <string>
#include <string_view>
#include <vector>

#include "assemble/built_pages.h"
#include "base/diagnostic.h"
#include "model/site.h"
#include "render/markdown.h"

namespace lantern {

void CheckInternalLinks(const Site& site, const BuiltPages& built, Diagnostics* diagnostics);

// The same in two steps, for a build that streams its records: each record's
// internal links are collected while its tree is in memory, and checked once
// every file is built.
struct InternalLink {
  std::string path;      // the source file
  std::string own_page;  // the output file the Markdown is rendered into
  std::string url;       // as written
  std::string target;    // the url with base_url turned into the root path
  // Where the link is in its file: found in `source` when it was given (then
  // `located`), else looked up in the diagnostics' remembered text on report.
  bool located = false;
  SourceLocation at;
  int first_line = 1;    // file line of the Markdown's line 1
  int line = 1;          // the link's line in the Markdown
};

// Appends to `links` the internal links of `record`'s Markdown fields.
// `source` is the record's file text (for the links' positions), or empty
// to look it up when a link is reported. `rendered`, when given, holds the
// links found as the record's page was rendered (RecordOutput::markdown_links):
// only a field missing there (not shown on the page) is parsed for them.
void CollectRecordLinks(const SiteConfig& config, const Record& record, std::string_view source,
                        std::vector<InternalLink>* links, const std::vector<MarkdownFieldLinks>* rendered = nullptr);
// The same for a page's body (or the home introduction's, `own_page` "index.html").
void CollectPageLinks(const SiteConfig& config, const Page& page, const std::string& own_page,
                      std::vector<InternalLink>* links);
// The same for every page of `site` and the home introduction.
void CollectSitePageLinks(const Site& site, std::vector<InternalLink>* links);
// Checks `links` against `built`, as CheckInternalLinks does.
void CheckLinks(const SiteConfig& config, const std::vector<InternalLink>& links, const BuiltPages& built,
                Diagnostics* diagnostics);

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_LINK_CHECKER_H_
