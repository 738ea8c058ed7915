// Ways to find a record besides the full list: filter pages (one per service,
// function and phase, each listing its records and their count; they need no
// JavaScript) and the search index the list page's script reads.
#ifndef LANTERN_ASSEMBLE_FINDING_H_
#define LANTERN_ASSEMBLE_FINDING_H_

#include <string>
#include <string_view>
#include <vector>

#include "assemble/theme.h"
#include "base/json_text.h"
#include "model/site.h"

namespace lantern {

// One filter page: the records sharing a service, a function or a phase.
struct Facet {
  std::string kind;   // "service", "function" or "phase"
  std::string slug;   // the last part of its address
  std::string label;  // what residents read: "Housing", "Public beta"
  std::vector<const Record*> records;  // ordered by name, then id
};

// Every facet of the site's records: services (by slug), then functions, then
// phases (each in the schema's order of values). Facets with no records are
// left out. Records with several functions are under each.
std::vector<Facet> Facets(const Site& site);
// The same from the records already ordered by name (SiteIndex::by_name).
std::vector<Facet> Facets(const Site& site, const std::vector<const Record*>& by_name);

// "/records/service/housing/" (under the site's root path).
std::string FacetUrl(const Site& site, const Facet& facet);

// A service name as an address part: ASCII letters and digits lowercased, any
// other run of ASCII characters becomes one '-', bytes of other scripts are
// kept. "Council tax and benefits" -> "council-tax-and-benefits".
std::string Slugify(const std::string& text);

// The search index as JSON (sorted, so byte-identical between builds), in
// two steps: each record's entry, made once with its other output (and kept
// by the preview), {"id","url","name","description","service","phase",
// "functions","suppliers","tags"} with the phase and functions by their names
// in the theme's language, so that a resident finds them by the words the page
// shows; then the file: kSearchIndexHead, the entries in SiteIndex::by_name's
// order joined by kSearchIndexSeparator, and kSearchIndexTail.
std::string SearchIndexEntry(const Site& site, const Theme& theme, const Record& record);
inline constexpr std::string_view kSearchIndexHead = "{\"records\":[\n";
inline constexpr std::string_view kSearchIndexSeparator = ",\n";
inline constexpr std::string_view kSearchIndexTail = "\n]}\n";


}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_FINDING_H_
