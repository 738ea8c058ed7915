// The views templates see (themes/default/README.md is their contract): plain
// Value trees built from the model, with every *_html value already safe.
#ifndef LANTERN_ASSEMBLE_VIEWS_H_
#define LANTERN_ASSEMBLE_VIEWS_H_

#include <string>

#include "assemble/theme.h"
#include "model/site.h"
#include "model/value.h"

namespace lantern {

enum class PageKind { kHome, kRecords, kRecord, kPage, kNotFound, kData };

// The names every page has: site, strings, root, nav, breadcrumbs, page_title,
// canonical_url, page_kind. `current_url` marks the current navigation entry.
Value CommonView(const Site& site, const Theme& theme, PageKind kind, const std::string& page_title,
                 const std::string& current_url);

// A record as an entry of a list (records page, home page).
Value RecordListEntry(const Site& site, const Theme& theme, const Record& record);

// Adds "record" to `view`: everything the record page shows, in ATRS order.
void AddRecordView(const Site& site, const Theme& theme, const Record& record, Value* view);

// Adds "intro_html", "counts", "recent", "pages", "services" to `view`.
void AddHomeView(const Site& site, const Theme& theme, Value* view);
// Adds "records" and "counts" to `view`.
void AddRecordsView(const Site& site, const Theme& theme, Value* view);
// Adds "page" to `view`.
void AddPageView(const Page& page, Value* view);
// Adds "data" (the downloads, feeds and licence) and "json_ld_html" to `view`.
void AddDataView(const Site& site, Value* view);

// URLs of the site's pages, each starting with the site's root path.
std::string RecordUrl(const Site& site, const Record& record);
std::string PageUrl(const Site& site, const Page& page);

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_VIEWS_H_
