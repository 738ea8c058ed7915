#include "assemble/site_index.h"

#include <algorithm>

namespace lantern {

SiteIndex IndexSite(const Site& site) {
  SiteIndex index;
  index.by_name = site.RecordsByName();
  index.facets = Facets(site, index.by_name);
  for (const Page& page : site.pages) index.pages_in_order.push_back(&page);
  std::stable_sort(index.pages_in_order.begin(), index.pages_in_order.end(), [](const Page* a, const Page* b) {
    return a->order != b->order ? a->order < b->order : a->title < b->title;
  });
  for (const Page* page : index.pages_in_order) {
    if (page->navigation) index.nav_pages.push_back(page);
  }
  for (const Record& record : site.records) index.retired += record.is_retired() ? 1 : 0;
  index.total = static_cast<int>(site.records.size());
  return index;
}

std::string RecordPath(const Record& record) { return "records/" + record.id + "/"; }
std::string PagePath(const Page& page) { return "pages/" + page.slug + "/"; }

}  // namespace lantern
