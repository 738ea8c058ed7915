// What the whole site's pages share, computed once after loading and borrowed
// by every page: the records in the order residents see, the filter pages
// (facets) with their records, the counts, the navigation, and the address of
// each record and page. Before it, each list or filter page sorted and
// grouped the records again.
#ifndef LANTERN_ASSEMBLE_SITE_INDEX_H_
#define LANTERN_ASSEMBLE_SITE_INDEX_H_

#include <string>
#include <vector>

#include "assemble/finding.h"
#include "model/site.h"

namespace lantern {

struct SiteIndex {
  std::vector<const Record*> by_name;   // Site::RecordsByName(): name, then id
  std::vector<Facet> facets;            // Facets(): services, functions, phases
  std::vector<const Page*> nav_pages;   // pages in the navigation, by order, then title
  std::vector<const Page*> pages_in_order;  // every page, by order, then title
  int retired = 0;                      // records that are retired
  int total = 0;                        // every record on the site
};

// Borrows from `site`, which must outlive the index and not change while it is used.
SiteIndex IndexSite(const Site& site);

// Keeps of `record` only what the site-wide pages and files read of it
// (lists, filter pages, the home page, the sitemap and the data page; the
// search index's entries are made with each record's other output), so that
// a build streaming its records holds a few hundred bytes per record instead
// of its tree: data keeps summary.name, summary.one_sentence_description,
// service, function, capability and risk_level (the dashboard's), with no
// room reserved beyond them; `changes` keeps its dates but not its notes (data
// no longer has "changes"); withheld, file_change_dates and feedback_summary go.
void KeepListedParts(Record* record);

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_SITE_INDEX_H_
