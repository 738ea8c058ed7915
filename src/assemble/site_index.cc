#include "assemble/site_index.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

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

namespace {

// `map` with only the members named in `keys` (in the map's order); a
// member's value is given to `prune` when it is set.
template <typename Prune>
Value KeepMembers(const Value& map, std::initializer_list<std::string_view> keys, const Prune& prune) {
  Value kept = Value::Map(map.location());
  for (const Value::Member& member : map.members()) {
    if (std::find(keys.begin(), keys.end(), member.key) == keys.end()) continue;
    kept.Set(member.key, prune(member.key, member.value), member.key_location);
  }
  kept.ShrinkToFit();  // kept until the end of the build, once per record
  return kept;
}

}  // namespace

void KeepListedParts(Record* record) {
  auto as_is = [](std::string_view, const Value& v) { return v; };
  if (record->data().is_map()) {
    // Not "changes": what the site-wide pages read of them (their dates, for
    // the sitemap and "last changed") is in Record::changes. Not the longer
    // description, tags or suppliers: only the search index read them, and
    // each record's entry of it is made with its other output.
    record->set_data(KeepMembers(record->data(), {"summary", "service", "function", "capability", "risk_level"},
                                 [&](std::string_view key, const Value& v) -> Value {
                                   if (key == "summary" && v.is_map()) {
                                     return KeepMembers(v, {"name", "one_sentence_description"}, as_is);
                                   }
                                   return v;
                                 }));
  }
  // Their notes are on the record's own page and feed, rendered by now.
  for (RecordChange& change : record->changes) std::string().swap(change.note);
  record->withheld.clear();
  record->file_change_dates.clear();
  record->file_change_dates.shrink_to_fit();
  record->feedback_summary.reset();
}


}  // namespace lantern
